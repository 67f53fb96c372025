package io.newslens.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newslens.testsupport.MintedTokens;
import io.newslens.testsupport.Tokens;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every service, through the gateway and directly, against the real test Keycloak: each kind of bad token is
 * refused with 401, a valid token without the needed role with 403, and the right token passes.
 */
@ExtendWith(RunningStack.class)
class TokenMatrixTest {

    /** One protected endpoint of one service, reached directly or through the gateway. */
    record Target(String name, String baseUrl, String method, String path, String body, String role, String wrongRole) {
    }

    static final List<Target> TARGETS = List.of(
            new Target("gateway → query", "http://localhost:18080", "GET", "/api/v1/entities", null, "analyst", "ingestor"),
            new Target("gateway → ingest", "http://localhost:18080", "GET", "/api/v1/admin/reprocess", null, "admin", "analyst"),
            new Target("gateway → nlp", "http://localhost:18080", "POST", "/api/v1/nlp/annotate", "{\"text\":\"Ada met Bo.\"}",
                    "analyst", "ingestor"),
            new Target("ingest-service", "http://localhost:18081", "GET", "/api/v1/admin/reprocess", null, "admin", "ingestor"),
            new Target("nlp-service", "http://localhost:18082", "POST", "/api/v1/nlp/annotate", "{\"text\":\"Ada met Bo.\"}",
                    "analyst", "ingestor"),
            new Target("query-service", "http://localhost:18083", "GET", "/api/v1/entities", null, "analyst", "ingestor"));

    static int call(Target t, String token) {
        RequestSpecification r = given().baseUri(t.baseUrl()).port(-1);
        if (token != null) {
            r = r.header("Authorization", "Bearer " + token);
        }
        if (t.body() != null) {
            r = r.contentType("application/json").body(t.body());
        }
        return r.request(t.method(), t.path()).then().extract().statusCode();
    }

    static String roleToken(String role) {
        return Tokens.forRole(role);
    }

    @Test
    void everyServiceRefusesEveryKindOfBadToken() {
        long now = Instant.now().getEpochSecond();
        List<String> failures = new ArrayList<>();
        for (Target t : TARGETS) {
            List<Object[]> cases = new ArrayList<>();
            cases.add(new Object[] {"no token", null, 401});
            cases.add(new Object[] {"garbage", "abc.def.ghi", 401});
            cases.add(new Object[] {"expired", MintedTokens.sign(with(t, c -> c.put("exp", now - 600).put("iat", now - 900))), 401});
            cases.add(new Object[] {"not yet valid", MintedTokens.sign(with(t, c -> c.put("nbf", now + 600))), 401});
            cases.add(new Object[] {"wrong issuer", MintedTokens.sign(with(t, c -> c.put("iss", "http://localhost:18180/realms/other"))), 401});
            cases.add(new Object[] {"wrong audience", MintedTokens.sign(with(t, c -> c.put("aud", "some-other-api"))), 401});
            cases.add(new Object[] {"real token of a client without the audience", Tokens.withoutAudience(), 401});
            cases.add(new Object[] {"forged signature", MintedTokens.forgedSignature(with(t, c -> c)), 401});
            cases.add(new Object[] {"alg none", MintedTokens.unsigned(with(t, c -> c)), 401});
            cases.add(new Object[] {"wrong role (minted)", MintedTokens.sign(MintedTokens.claims(t.wrongRole())), 403});
            cases.add(new Object[] {"wrong role (Keycloak)", roleToken(t.wrongRole()), 403});
            cases.add(new Object[] {"right role (minted)", MintedTokens.sign(MintedTokens.claims(t.role())), 200});
            cases.add(new Object[] {"right role (Keycloak)", roleToken(t.role()), 200});
            for (Object[] c : cases) {
                int status = call(t, (String) c[1]);
                if (status != (Integer) c[2]) {
                    failures.add(t.name() + " / " + c[0] + ": expected " + c[2] + " but was " + status);
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static ObjectNode with(Target t, Function<ObjectNode, ObjectNode> change) {
        return change.apply(MintedTokens.claims(t.role()));
    }
}
