package io.newslens.gateway.security;

import io.newslens.gateway.routing.Problems;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers on every answer of the gateway, and problem details (not bare status codes or stack
 * traces) when authentication or authorisation fails.
 */
@ApplicationScoped
public class SecurityHeaders {

    /** The UI loads only its own scripts and styles: article text can never run as code. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self' "
            + "http://localhost:* https:; frame-ancestors 'none'";

    void register(@Observes Router router) {
        router.route().order(-1000).handler(this::addHeaders);
        router.route().order(-1000).failureHandler(this::authFailure);
    }

    private void addHeaders(RoutingContext rc) {
        rc.addHeadersEndHandler(v -> {
            HttpServerResponse r = rc.response();
            r.putHeader("X-Content-Type-Options", "nosniff");
            r.putHeader("X-Frame-Options", "DENY");
            r.putHeader("Referrer-Policy", "no-referrer");
            r.putHeader("Cross-Origin-Opener-Policy", "same-origin");
            r.putHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
            if (!r.headers().contains("Content-Security-Policy") && !rc.normalizedPath().startsWith("/q/swagger-ui")) {
                r.putHeader("Content-Security-Policy", CSP);
            }
            if (isTls(rc)) {
                r.putHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            }
            if (rc.normalizedPath().startsWith("/api/")) {
                r.putHeader("Cache-Control", "no-store");
            }
        });
        rc.next();
    }

    private void authFailure(RoutingContext rc) {
        Throwable failure = rc.failure();
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            if (rc.normalizedPath().startsWith("/api/")) {
                Problems.send(rc, 401, "Unauthorized", "the bearer token is missing, invalid or expired");
                return;
            }
        } else if (failure instanceof ForbiddenException) {
            Problems.send(rc, 403, "Forbidden", "your token does not hold a role that may do this");
            return;
        }
        rc.next();
    }

    static boolean isTls(RoutingContext rc) {
        return rc.request().isSSL() || "https".equalsIgnoreCase(rc.request().getHeader("X-Forwarded-Proto"));
    }
}
