package io.newslens.gateway.routing;

import io.micrometer.core.instrument.MeterRegistry;
import io.newslens.gateway.config.GatewayConfig;
import io.newslens.gateway.security.RateLimiter;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;

import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Forwards {@code /api/v1/...} to the service that owns the path, streaming request and response bodies
 * (large uploads and exports are never buffered), with the caller's token (or the browser session's access
 * token) passed on, hop-by-hop headers and cookies dropped, a per-client rate limit, a body size limit and a
 * backend timeout.
 */
@ApplicationScoped
public class ApiProxy {

    private static final Logger LOG = Logger.getLogger(ApiProxy.class);
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "cookie", "content-length",
            "forwarded", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto");
    private static final Set<String> RESPONSE_DROPPED = Set.of("connection", "keep-alive", "transfer-encoding",
            "set-cookie", "server");
    /** Paths the gateway answers itself. */
    private static final Set<String> OWN_PATHS = Set.of("/api/v1/me");

    @Inject
    Backends backends;
    @Inject
    GatewayConfig config;
    @Inject
    RateLimiter rateLimiter;
    @Inject
    MeterRegistry meters;
    @Inject
    Vertx vertx;

    private HttpClient client;

    void register(@Observes Router router) {
        client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxPoolSize(200)
                .setKeepAlive(true)
                .setDecompressionSupported(false));
        router.route("/api/v1/*").order(10).handler(this::forward);
    }

    void forward(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String path = rc.normalizedPath();
        if (OWN_PATHS.contains(path)) {
            rc.next();
            return;
        }
        SecurityIdentity identity = rc.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        if (identity == null || identity.isAnonymous()) {
            Problems.send(rc, 401, "Unauthorized", "a valid bearer token or a logged-in session is required");
            return;
        }
        if (adminOnly(request.method(), path) && !identity.hasRole("admin")) {
            Problems.send(rc, 403, "Forbidden", "this needs the admin role");
            return;
        }
        RateLimiter.Decision decision = rateLimiter.take(clientKey(identity, request));
        rc.response().putHeader("RateLimit-Remaining", String.valueOf(Math.min(decision.remaining(), 1_000_000)));
        if (!decision.allowed()) {
            meters.counter("newslens.gateway.rate_limited").increment();
            rc.response().putHeader("Retry-After", String.valueOf(decision.retryAfterSeconds()));
            Problems.send(rc, 429, "Too many requests",
                    "this client sent more requests than its rate limit allows; retry after " + decision.retryAfterSeconds() + " s");
            return;
        }
        long limit = backends.isBulk(path) ? config.limits().maxBulkBodyBytes() : config.limits().maxBodyBytes();
        String declared = request.getHeader("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.strip()) > limit) {
                    Problems.send(rc, 413, "Content too large", "the request body is larger than " + limit + " bytes");
                    return;
                }
            } catch (NumberFormatException e) {
                Problems.send(rc, 400, "Bad request", "Content-Length is not a number");
                return;
            }
        }
        Backends.Backend backend = backends.route(request.method().name(), path);
        URI base = backends.baseUri(backend);
        boolean streaming = accepts(request, "text/event-stream") || path.contains("/export");
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setHost(base.getHost())
                .setPort(base.getPort() > 0 ? base.getPort() : 80)
                .setURI(request.uri())
                .setIdleTimeout(streaming ? 0 : config.backendTimeout().toMillis());
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        request.headers().forEach(h -> {
            if (!HOP_BY_HOP.contains(h.getKey().toLowerCase(Locale.ROOT)) && !h.getKey().equalsIgnoreCase("authorization")) {
                headers.add(h.getKey(), h.getValue());
            }
        });
        String token = bearerToken(request, identity);
        if (token != null) {
            headers.set("Authorization", "Bearer " + token);
        }
        // The backend continues this request's trace through the gateway: Quarkus traces this Vert.x client, and its
        // client span (child of the gateway's server span, itself the child of a caller's traceparent) writes the
        // traceparent. The caller's own trace headers must not be copied too, or the backend gets two.
        headers.remove("traceparent");
        headers.remove("tracestate");
        headers.set("X-Forwarded-For", request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress());
        headers.set("X-Forwarded-Proto", request.scheme());
        options.setHeaders(headers);
        request.pause();
        long started = System.nanoTime();
        client.request(options).onComplete(ar -> {
            if (ar.failed()) {
                request.resume();
                backendUnavailable(rc, backend, ar.cause());
                return;
            }
            HttpClientRequest upstream = ar.result();
            if (declared == null && request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD
                    && request.method() != HttpMethod.DELETE) {
                upstream.setChunked(true);
            } else if (declared != null) {
                upstream.putHeader("Content-Length", declared);
            }
            upstream.response().onComplete(res -> {
                if (res.failed()) {
                    backendUnavailable(rc, backend, res.cause());
                    return;
                }
                relayResponse(rc, res.result(), backend, started);
            });
            pipeBody(rc, request, upstream, limit);
        });
    }

    /** Copies the request body to the backend chunk by chunk with backpressure, refusing it past the limit. */
    private void pipeBody(RoutingContext rc, HttpServerRequest request, HttpClientRequest upstream, long limit) {
        long[] seen = {0};
        request.handler(chunk -> {
            seen[0] += chunk.length();
            if (seen[0] > limit) {
                request.handler(null);
                upstream.reset();
                if (!rc.response().headWritten()) {
                    Problems.send(rc, 413, "Content too large", "the request body is larger than " + limit + " bytes");
                }
                return;
            }
            upstream.write(chunk);
            if (upstream.writeQueueFull()) {
                request.pause();
                upstream.drainHandler(v -> request.resume());
            }
        });
        request.endHandler(v -> {
            if (seen[0] <= limit) {
                upstream.end();
            }
        });
        request.exceptionHandler(e -> upstream.reset());
        request.resume();
    }

    private void relayResponse(RoutingContext rc, HttpClientResponse upstream, Backends.Backend backend, long started) {
        HttpServerResponse response = rc.response();
        if (response.ended() || response.headWritten()) {
            upstream.request().reset();
            return;
        }
        response.setStatusCode(upstream.statusCode());
        upstream.headers().forEach(h -> {
            if (!RESPONSE_DROPPED.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                response.putHeader(h.getKey(), h.getValue());
            }
        });
        if (upstream.getHeader("Content-Length") == null) {
            response.setChunked(true);
        }
        String contentType = upstream.getHeader("Content-Type");
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/event-stream")) {
            // an event stream may stay silent for a long time: the client must see the answer's head at once
            // (a browser's EventSource opens only then), not with the first event
            response.writeHead();
        }
        upstream.handler(chunk -> {
            response.write(chunk);
            if (response.writeQueueFull()) {
                upstream.pause();
                response.drainHandler(v -> upstream.resume());
            }
        });
        upstream.endHandler(v -> {
            response.end();
            meters.timer("newslens.gateway.request.duration", "backend", backend.name().toLowerCase(Locale.ROOT),
                    "status", String.valueOf(upstream.statusCode() / 100) + "xx")
                    .record(java.time.Duration.ofNanos(System.nanoTime() - started));
        });
        upstream.exceptionHandler(e -> {
            LOG.debugf("backend %s stream broke: %s", backend, e.getMessage());
            response.reset();
        });
        response.closeHandler(v -> upstream.request().reset());
    }

    private void backendUnavailable(RoutingContext rc, Backends.Backend backend, Throwable cause) {
        if (rc.response().headWritten()) {
            rc.response().reset();
            return;
        }
        boolean timeout = cause instanceof java.util.concurrent.TimeoutException
                || String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT).contains("timeout");
        LOG.warnf("backend %s failed: %s", backend, cause.toString());
        meters.counter("newslens.gateway.backend_errors", "backend", backend.name().toLowerCase(Locale.ROOT)).increment();
        // no internal host names or exception texts in the answer
        Problems.send(rc, timeout ? 504 : 502, timeout ? "Gateway timeout" : "Bad gateway",
                "the " + backend.name().toLowerCase(Locale.ROOT) + " service " + (timeout ? "did not answer in time" : "is not reachable")
                        + "; try again shortly");
    }

    private static String bearerToken(HttpServerRequest request, SecurityIdentity identity) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        return credential == null ? null : credential.getToken();
    }

    /** The client a rate limit applies to: the token's client and subject, else the caller's address. */
    static String clientKey(SecurityIdentity identity, HttpServerRequest request) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object azp = jwt.getClaim("azp");
            return (azp == null ? "" : azp + ":") + jwt.getSubject();
        }
        return "ip:" + (request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress());
    }

    /** Function-level authorisation at the door too (the services check again). */
    static boolean adminOnly(HttpMethod method, String path) {
        return path.startsWith("/api/v1/admin") || path.startsWith("/api/v1/feeds")
                || (method == HttpMethod.DELETE && path.startsWith("/api/v1/articles/"));
    }

    private static boolean accepts(HttpServerRequest request, String mediaType) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains(mediaType);
    }

}
