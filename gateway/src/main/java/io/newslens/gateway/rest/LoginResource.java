package io.newslens.gateway.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The browser login: reaching this path without a session starts the authorization code flow with PKCE at
 * Keycloak; once logged in, the browser lands back on the UI. Logout is {@code /logout} (OIDC RP-initiated).
 */
@Path("/login")
@Tag(name = "Session")
public class LoginResource {

    @GET
    @Authenticated
    @Operation(summary = "Log in through Keycloak (browser), then return to the UI")
    public Response login() {
        return Response.seeOther(URI.create("/")).build();
    }
}
