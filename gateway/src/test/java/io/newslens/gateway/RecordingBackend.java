package io.newslens.gateway;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the three backend services in the gateway's own tests: a real HTTP server on loopback that
 * records what the gateway forwarded (method, path, headers, body size) and answers with JSON naming itself.
 * The real services are exercised through the gateway by the end-to-end tests; here the point is what the
 * proxy itself does (routing, token passing, header hygiene, streaming, limits).
 */
public class RecordingBackend implements QuarkusTestResourceLifecycleManager {

    public record Forwarded(String backend, String method, String uri, Map<String, List<String>> headers, long bodyBytes) {
    }

    public static final List<Forwarded> REQUESTS = new CopyOnWriteArrayList<>();
    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();

    @Override
    public Map<String, String> start() {
        return Map.of("newslens.gateway.ingest-url", serve("ingest"), "newslens.gateway.nlp-url", serve("nlp"),
                "newslens.gateway.query-url", serve("query"));
    }

    private String serve(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                long size = 0;
                try (InputStream in = exchange.getRequestBody()) {
                    byte[] buffer = new byte[65536];
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        size += n;
                    }
                }
                REQUESTS.add(new Forwarded(name, exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                        Map.copyOf(exchange.getRequestHeaders()), size));
                byte[] body = ("{\"backend\":\"" + name + "\",\"bytes\":" + size + "}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.getResponseHeaders().add("Set-Cookie", "leak=1");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            servers.add(server);
            return "http://127.0.0.1:" + server.getAddress().getPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        servers.forEach(s -> s.stop(0));
    }
}
