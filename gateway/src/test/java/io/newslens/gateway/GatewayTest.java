package io.newslens.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newslens.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GatewayTest {

    static RecordingBackend.Forwarded last() {
        List<RecordingBackend.Forwarded> all = RecordingBackend.REQUESTS;
        return all.get(all.size() - 1);
    }

    @Test
    void routesEachPathToTheServiceThatOwnsItWithTheCallersToken() {
        String token = Tokens.forRole("admin");
        Object[][] routes = {
            {"POST", "/api/v1/articles", "ingest"}, {"POST", "/api/v1/articles/batch", "ingest"},
            {"GET", "/api/v1/articles/abc/status", "ingest"}, {"DELETE", "/api/v1/articles/abc", "ingest"},
            {"GET", "/api/v1/feeds", "ingest"}, {"POST", "/api/v1/admin/reprocess", "ingest"},
            {"POST", "/api/v1/nlp/annotate", "nlp"},
            {"GET", "/api/v1/articles?q=port", "query"}, {"GET", "/api/v1/articles/abc", "query"},
            {"GET", "/api/v1/entities/e1/network", "query"}, {"GET", "/api/v1/stories", "query"}};
        for (Object[] r : routes) {
            given().auth().oauth2(token).cookie("q_session_other", "secret").contentType("application/json").body("{}")
                    .request((String) r[0], (String) r[1]).then().statusCode(200).body("backend", equalTo(r[2]))
                    .header("Set-Cookie", nullValue());
            RecordingBackend.Forwarded f = last();
            assertEquals(r[2], f.backend(), r[1].toString());
            assertEquals(List.of("Bearer " + token), f.headers().get("Authorization"), "the token is passed on");
            assertFalse(f.headers().containsKey("Cookie"), "browser cookies never reach a backend");
        }
    }

    @Test
    void withoutOrWithABadTokenTheGatewayAnswers401ProblemAndForwardsNothing() {
        int before = RecordingBackend.REQUESTS.size();
        given().get("/api/v1/articles?q=x").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        given().auth().oauth2("not.a.token").get("/api/v1/articles").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.withoutAudience()).get("/api/v1/articles").then().statusCode(401);
        assertEquals(before, RecordingBackend.REQUESTS.size());
    }

    @Test
    void adminPathsNeedTheAdminRoleAlreadyAtTheDoor() {
        given().auth().oauth2(Tokens.forRole("analyst")).get("/api/v1/feeds").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.forRole("ingestor")).delete("/api/v1/articles/abc").then().statusCode(403);
    }

    @Test
    void bodiesOverTheLimitAre413AndBulkBodiesAreStreamedThrough() {
        given().auth().oauth2(Tokens.forRole("ingestor")).contentType("application/json").body("x".repeat(20_000))
                .post("/api/v1/articles").then().statusCode(413).contentType("application/problem+json");
        byte[] big = new byte[3_000_000];
        java.util.Arrays.fill(big, (byte) 'a');
        given().auth().oauth2(Tokens.forRole("ingestor")).contentType("application/x-ndjson").body(big)
                .post("/api/v1/articles/batch").then().statusCode(200).body("bytes", equalTo(3_000_000));
    }

    @Test
    void answersCarrySecurityHeaders() {
        given().auth().oauth2(Tokens.forRole("analyst")).get("/api/v1/articles").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Cache-Control", "no-store")
                .header("Strict-Transport-Security", nullValue());
        given().auth().oauth2(Tokens.forRole("analyst")).header("X-Forwarded-Proto", "https").get("/api/v1/articles")
                .then().header("Strict-Transport-Security", containsString("max-age"));
    }

    @Test
    void corsAllowsOnlyListedOrigins() {
        given().header("Origin", "http://localhost:8080").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/articles").then().header("Access-Control-Allow-Origin", "http://localhost:8080");
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/articles").then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void aClientOverItsRateLimitGets429WithRetryAfter() {
        String token = Tokens.forRole("ingestor");
        int limited = 0;
        String retryAfter = null;
        for (int i = 0; i < 40; i++) {
            var response = given().auth().oauth2(token).get("/api/v1/articles/x/status").then().extract();
            if (response.statusCode() == 429) {
                limited++;
                retryAfter = response.header("Retry-After");
                assertEquals("application/problem+json", response.contentType());
            }
        }
        assertTrue(limited > 0, "the bucket of 15 ran out");
        assertTrue(Integer.parseInt(retryAfter) >= 1);
        // another client has its own bucket
        given().auth().oauth2(Tokens.forRole("analyst")).get("/api/v1/articles").then().statusCode(200);
    }

    @Test
    void meTellsTheCallerWhoTheyAre() {
        given().auth().oauth2(Tokens.forRole("admin")).get("/api/v1/me").then().statusCode(200)
                .body("username", equalTo("service-account-newslens-admin")).body("roles", hasItem("admin"));
        given().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void browserLoginRedirectsToKeycloakWithPkce() {
        given().redirects().follow(false).get("/login").then().statusCode(302)
                .header("Location", containsString("/realms/newslens/protocol/openid-connect/auth"))
                .header("Location", containsString("code_challenge_method=S256"))
                .header("Location", containsString("client_id=newslens-web"));
    }

    @Test
    void errorsLeakNoInternals() {
        given().auth().oauth2(Tokens.forRole("analyst")).get("/api/v1/me/../../q/dev").then()
                .statusCode(org.hamcrest.Matchers.not(500));
        given().get("/openapi").then().statusCode(200).body("openapi", notNullValue());
    }
}
