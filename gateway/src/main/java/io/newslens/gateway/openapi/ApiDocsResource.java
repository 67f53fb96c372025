package io.newslens.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newslens.gateway.routing.Backends;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * The whole public API in one OpenAPI document: the paths and schemas of ingest-service, nlp-service and
 * query-service, merged, with the gateway as the only server. Swagger UI shows it.
 */
@Path("/openapi")
@Tag(name = "API documentation")
public class ApiDocsResource {

    private static final Logger LOG = Logger.getLogger(ApiDocsResource.class);

    @Inject
    Backends backends;
    @Inject
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private volatile ObjectNode cached;
    private volatile long cachedAt;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The merged OpenAPI document of the whole API")
    public JsonNode document() {
        ObjectNode doc = cached;
        if (doc != null && System.currentTimeMillis() - cachedAt < 60_000) {
            return doc;
        }
        ObjectNode merged = json.createObjectNode();
        merged.put("openapi", "3.1.0");
        merged.putObject("info").put("title", "newslens API").put("version", "1.0")
                .put("description", "Ingest, tag and query news articles. Authenticate with a bearer token from the "
                        + "newslens Keycloak realm (client credentials for API clients).");
        merged.putArray("servers").addObject().put("url", "/");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        components.putObject("securitySchemes").putObject("SecurityScheme").put("type", "http").put("scheme", "bearer")
                .put("bearerFormat", "JWT");
        boolean complete = true;
        for (Backends.Backend backend : Backends.Backend.values()) {
            try {
                JsonNode part = fetch(backends.baseUri(backend));
                copy(part.path("paths"), paths);
                copy(part.path("components").path("schemas"), schemas);
            } catch (Exception e) {
                complete = false;
                LOG.warnf("OpenAPI of %s unavailable: %s", backend, e.toString());
            }
        }
        if (complete) {
            cached = merged;
            cachedAt = System.currentTimeMillis();
        }
        return merged;
    }

    private JsonNode fetch(URI base) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/q/openapi?format=json"))
                .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode());
        }
        return json.readTree(response.body());
    }

    private static void copy(JsonNode from, ObjectNode to) {
        for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!to.has(e.getKey())) {
                to.set(e.getKey(), e.getValue());
            } else if (to.get(e.getKey()) instanceof ObjectNode existing && e.getValue() instanceof ObjectNode more) {
                more.fields().forEachRemaining(m -> existing.putIfAbsent(m.getKey(), m.getValue()));
            }
        }
    }
}
