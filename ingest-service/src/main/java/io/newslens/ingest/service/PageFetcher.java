package io.newslens.ingest.service;

import io.newslens.commons.problem.ProblemException;
import io.newslens.ingest.config.IngestConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fetches article pages and feeds from the web, defensively: http(s) only, every hop's address checked
 * against private, loopback and link-local ranges (also after redirects, and for names that resolve to such
 * addresses), connect and read timeouts, a size cap, a redirect limit and a content-type check.
 */
@ApplicationScoped
public class PageFetcher {

    public record Page(String finalUrl, String contentType, String body, Map<String, List<String>> headers, int status) {
    }

    private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([\\w.:-]+)");
    private static final Pattern META_CHARSET = Pattern.compile("(?i)<meta[^>]+charset=[\"']?([\\w.:-]+)");
    private static final List<String> PAGE_TYPES = List.of("text/html", "application/xhtml+xml", "text/plain");

    @Inject
    IngestConfig config;

    HttpClient client;

    @PostConstruct
    void init() {
        client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.fetch().connectTimeout()).build();
    }

    public Page fetch(String url) {
        return fetch(url, PAGE_TYPES, Map.of());
    }

    /**
     * @param acceptedTypes media types (prefixes) the answer may have; others are refused with 422
     * @param requestHeaders extra headers, e.g. If-None-Match for conditional feed polling
     */
    public Page fetch(String url, List<String> acceptedTypes, Map<String, String> requestHeaders) {
        URI uri = checkedUri(url);
        for (int hop = 0; hop <= config.fetch().maxRedirects(); hop++) {
            checkAddress(uri);
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(config.fetch().readTimeout())
                    .header("User-Agent", config.fetch().userAgent())
                    .header("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
                            + "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.1")
                    .GET();
            requestHeaders.forEach(request::header);
            HttpResponse<InputStream> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (HttpTimeoutException e) {
                throw ProblemException.unprocessable("fetching " + uri + " timed out", "url");
            } catch (IOException e) {
                throw ProblemException.unprocessable("fetching " + uri + " failed: " + safeMessage(e), "url");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ProblemException.unprocessable("fetching was interrupted", "url");
            }
            int status = response.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                close(response);
                String location = response.headers().firstValue("Location")
                        .orElseThrow(() -> ProblemException.unprocessable("redirect without a Location from " + url, "url"));
                uri = checkedUri(uri.resolve(location).toString());
                continue;
            }
            if (status == 304) {
                close(response);
                return new Page(uri.toString(), null, null, response.headers().map(), status);
            }
            if (status >= 400) {
                close(response);
                throw ProblemException.unprocessable("fetching " + uri + " answered HTTP " + status, "url");
            }
            String contentType = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
            if (!contentType.isEmpty() && acceptedTypes.stream().noneMatch(contentType::startsWith)) {
                close(response);
                throw ProblemException.unprocessable("the page at " + uri + " is " + contentType.split(";")[0]
                        + ", not an article page", "url");
            }
            byte[] body = readCapped(response.body(), uri);
            return new Page(uri.toString(), contentType, decode(body, contentType), response.headers().map(), status);
        }
        throw ProblemException.unprocessable("more than " + config.fetch().maxRedirects() + " redirects from " + url, "url");
    }

    private byte[] readCapped(InputStream in, URI uri) {
        int max = config.fetch().maxBytes();
        try (in) {
            byte[] bytes = in.readNBytes(max + 1);
            if (bytes.length > max) {
                throw ProblemException.unprocessable("the page at " + uri + " is larger than " + max + " bytes", "url");
            }
            return bytes;
        } catch (IOException e) {
            throw ProblemException.unprocessable("reading " + uri + " failed: " + safeMessage(e), "url");
        }
    }

    static String decode(byte[] body, String contentType) {
        Charset charset = charsetFrom(CHARSET.matcher(contentType))
                .or(() -> charsetFrom(META_CHARSET.matcher(new String(body, 0, Math.min(body.length, 4096),
                        StandardCharsets.ISO_8859_1))))
                .orElse(StandardCharsets.UTF_8);
        return new String(body, charset);
    }

    /** An uploaded HTML file: its meta charset if it declares one, else UTF-8. */
    public static String decodeUpload(byte[] body) {
        return decode(body, "");
    }

    private static Optional<Charset> charsetFrom(Matcher m) {
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Charset.forName(m.group(1)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    public static URI checkedUri(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable("url is not a valid URL", "url");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw ProblemException.unprocessable("url must be http or https", "url");
        }
        if (uri.getHost() == null) {
            throw ProblemException.unprocessable("url has no host", "url");
        }
        if (uri.getUserInfo() != null) {
            throw ProblemException.unprocessable("url must not carry credentials", "url");
        }
        return uri;
    }

    /** Refuses hosts that resolve to any non-public address, unless configured as allowed (tests). */
    public void checkAddress(URI uri) {
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (isAllowedPrivate(host)) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw ProblemException.unprocessable("the host " + host + " does not resolve", "url");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw ProblemException.unprocessable("the host " + host + " points at a private or local address,"
                        + " which is never fetched", "url");
            }
        }
    }

    private boolean isAllowedPrivate(String host) {
        return config.fetch().allowPrivateHosts().map(list -> list.stream()
                .anyMatch(allowed -> allowed.equalsIgnoreCase(host))).orElse(false);
    }

    public static boolean isPublic(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return !(first == 0 || first >= 240 // this network, reserved, broadcast
                    || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19))); // benchmarking
        }
        if (a instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // unique local fc00::/7
            }
            boolean v4Mapped = true;
            for (int i = 0; i < 10; i++) {
                v4Mapped &= b[i] == 0;
            }
            if (v4Mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    private static String safeMessage(Exception e) {
        return e.getClass().getSimpleName().replace("Exception", "").toLowerCase(Locale.ROOT);
    }
}
