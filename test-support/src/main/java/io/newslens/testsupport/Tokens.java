package io.newslens.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Real access tokens from the test Keycloak, cached until shortly before they expire. */
public final class Tokens {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private record Cached(String token, long expiresAtMillis) {
    }

    private Tokens() {
    }

    /** A client-credentials token of the development client {@code newslens-<role>} (admin holds all roles). */
    public static String forRole(String role) {
        return clientCredentials("newslens-" + role, "dev-secret-" + role);
    }

    /** A token of a client whose tokens lack the {@code newslens-api} audience (but carry every role). */
    public static String withoutAudience() {
        return clientCredentials("newslens-other-audience", "dev-secret-other");
    }

    public static String clientCredentials(String clientId, String secret) {
        return cached("cc:" + clientId, () -> Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret));
    }

    /** A user's token through the development password grant of the public {@code newslens-cli} client. */
    public static String user(String username, String password) {
        return cached("user:" + username, () -> Map.of("grant_type", "password", "client_id", "newslens-cli",
                "username", username, "password", password));
    }

    private static String cached(String key, java.util.function.Supplier<Map<String, String>> form) {
        Cached hit = CACHE.get(key);
        if (hit != null && hit.expiresAtMillis() > System.currentTimeMillis() + 30_000) {
            return hit.token();
        }
        TestStack.ensureKeycloak();
        JsonNode body = post(form.get());
        Cached fresh = new Cached(body.get("access_token").asText(),
                System.currentTimeMillis() + body.get("expires_in").asLong() * 1000);
        CACHE.put(key, fresh);
        return fresh.token();
    }

    private static JsonNode post(Map<String, String> form) {
        String encoded = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(TestStack.REALM_URL + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token request failed: " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("token request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
