package io.newslens.cli;

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

/** A client of the newslens gateway with a client-credentials token from Keycloak, renewed before it expires. */
public final class Gateway {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String gatewayUrl;
    private final String realmUrl;
    private final String clientId;
    private final String clientSecret;
    private String token;
    private long tokenExpiresAt;

    public Gateway(String gatewayUrl, String realmUrl, String clientId, String clientSecret) {
        this.gatewayUrl = gatewayUrl.replaceAll("/$", "");
        this.realmUrl = realmUrl.replaceAll("/$", "");
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    public static Gateway fromEnvironment(String role) {
        String gateway = env("NEWSLENS_GATEWAY_URL", "http://localhost:8080");
        String realm = env("NEWSLENS_REALM_URL", "http://localhost:8180/realms/newslens");
        return new Gateway(gateway, realm, env("NEWSLENS_CLIENT_ID", "newslens-" + role),
                env("NEWSLENS_CLIENT_SECRET", "dev-secret-" + role));
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    public ObjectMapper json() {
        return json;
    }

    public HttpClient http() {
        return http;
    }

    public String url(String path) {
        return gatewayUrl + path;
    }

    public synchronized String token() throws IOException, InterruptedException {
        if (token == null || System.currentTimeMillis() > tokenExpiresAt - 30_000) {
            String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                    + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException("Keycloak refused the token request (" + r.statusCode() + "): " + r.body());
            }
            JsonNode body = json.readTree(r.body());
            token = body.get("access_token").asText();
            tokenExpiresAt = System.currentTimeMillis() + body.get("expires_in").asLong() * 1000;
        }
        return token;
    }

    public HttpResponse<String> postJson(String path, String body, String idempotencyKey) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token()).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
