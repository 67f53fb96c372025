package io.newslens.gateway.security;

import io.quarkus.oidc.TenantResolver;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Chooses how a request is authenticated. API calls with a bearer token, or without any browser session,
 * use the bearer-only tenant (so a missing token is a 401, not a redirect to a login page). Everything else
 * — the web UI and API calls the UI makes with its session cookie — uses the default tenant: authorization
 * code flow with PKCE against Keycloak.
 */
@ApplicationScoped
public class ApiTenantResolver implements TenantResolver {

    /*
     * Not "api": Quarkus also picks a static tenant whose id equals any path segment, so a tenant named "api"
     * would capture every /api/... request, also the web UI's session calls.
     */
    public static final String API_TENANT = "bearer";
    static final String SESSION_COOKIE = "q_session";

    @Override
    public String resolve(RoutingContext context) {
        String path = context.normalizedPath();
        if (!path.startsWith("/api/")) {
            return null;
        }
        String authorization = context.request().getHeader("Authorization");
        if (authorization != null && !authorization.isBlank()) {
            return API_TENANT;
        }
        boolean hasSession = context.request().cookies().stream().anyMatch(c -> c.getName().startsWith(SESSION_COOKIE));
        return hasSession ? null : API_TENANT;
    }
}
