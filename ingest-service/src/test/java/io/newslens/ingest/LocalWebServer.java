package io.newslens.ingest;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on loopback for URL and feed fetching tests (loopback is allowed for fetching only in the
 * test configuration). Pages are registered per path; every request is recorded.
 */
public final class LocalWebServer implements AutoCloseable {

    public record Page(int status, String contentType, String body, Map<String, String> headers) {
    }

    public record Hit(String path, Map<String, List<String>> headers) {
    }

    private final HttpServer server;
    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    public final List<Hit> hits = new CopyOnWriteArrayList<>();

    public LocalWebServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            hits.add(new Hit(exchange.getRequestURI().getPath(), exchange.getRequestHeaders()));
            Page page = pages.get(exchange.getRequestURI().getPath());
            if (page == null) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            String etag = page.headers().get("ETag");
            if (etag != null && etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            page.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            if (page.contentType() != null) {
                exchange.getResponseHeaders().add("Content-Type", page.contentType());
            }
            byte[] body = page.body() == null ? new byte[0] : page.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(page.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public void serve(String path, int status, String contentType, String body, Map<String, String> headers) {
        pages.put(path, new Page(status, contentType, body, headers));
    }

    public void serve(String path, String contentType, String body) {
        serve(path, 200, contentType, body, Map.of());
    }

    public long hitsOn(String path) {
        return hits.stream().filter(h -> h.path().equals(path)).count();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
