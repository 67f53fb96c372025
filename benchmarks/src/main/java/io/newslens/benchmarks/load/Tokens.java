package io.newslens.benchmarks.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real access tokens from the stack's Keycloak (client credentials grant), one per confidential client, renewed
 * a minute before they expire so a long run never sends a stale token.
 */
final class Tokens {

    /** A confidential client of the dev realm: {@code newslens-ingestor} with {@code dev-secret-ingestor}, and so on. */
    record Client(String id, String secret) {
        /** {@code ingestor} → the dev realm's {@code newslens-ingestor} / {@code dev-secret-ingestor}. */
        static Client dev(String role) {
            return new Client("newslens-" + role, "dev-secret-" + role);
        }
    }

    private record Token(String value, long renewAtMillis) {
    }

    private final Http http;
    private final URI tokenEndpoint;
    private final Map<String, Token> cache = new ConcurrentHashMap<>();

    Tokens(Http http, String realmUrl) {
        this.http = http;
        this.tokenEndpoint = Loopback.require(realmUrl + "/protocol/openid-connect/token");
    }

    String bearer(Client client) {
        Token t = cache.get(client.id());
        if (t == null || System.currentTimeMillis() >= t.renewAtMillis()) {
            t = fetch(client);
            cache.put(client.id(), t);
        }
        return "Bearer " + t.value();
    }

    private Token fetch(Client client) {
        String form = "grant_type=client_credentials&client_id=" + enc(client.id()) + "&client_secret=" + enc(client.secret());
        try {
            HttpResponse<String> r = http.send(http.request(tokenEndpoint)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + client.id() + ": " + r.statusCode() + " " + r.body());
            }
            JsonNode body = Http.parse(r.body());
            long lifetime = body.path("expires_in").asLong(300);
            return new Token(body.path("access_token").asText(),
                    System.currentTimeMillis() + Math.max(10, lifetime - 60) * 1000);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot reach Keycloak at " + tokenEndpoint + " (is the stack up?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
