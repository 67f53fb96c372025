package io.newslens.gateway.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who the caller is, for the web UI. */
@Path("/api/v1/me")
@Tag(name = "Session")
public class MeResource {

    public record Me(String username, String name, List<String> roles) {
    }

    @Inject
    SecurityIdentity identity;

    @GET
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The caller's name and roles")
    public Me me() {
        String name = identity.getPrincipal().getName();
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("name") != null) {
            name = jwt.getClaim("name").toString();
        }
        return new Me(identity.getPrincipal().getName(), name, identity.getRoles().stream().sorted().toList());
    }
}
