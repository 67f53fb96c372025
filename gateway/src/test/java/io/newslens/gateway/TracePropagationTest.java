package io.newslens.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newslens.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The gateway's proxy passes the trace on: the backend gets one traceparent, in the caller's trace, naming the gateway's span. */
@QuarkusTest
class TracePropagationTest {

    @Test
    void theBackendContinuesTheCallersTraceThroughTheGatewaysSpan() {
        String traceId = hex(16);
        String callerSpanId = hex(8);
        given().auth().oauth2(Tokens.forRole("analyst")).header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .get("/api/v1/articles?q=traced").then().statusCode(200);
        RecordingBackend.Forwarded forwarded = GatewayTest.last();
        List<String> traceparents = forwarded.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("traceparent")).flatMap(e -> e.getValue().stream()).toList();
        assertEquals(1, traceparents.size(), "exactly one traceparent reaches the backend: " + traceparents);
        String[] parts = traceparents.get(0).split("-");
        assertEquals(traceId, parts[1], "same trace as the caller's");
        assertNotEquals(callerSpanId, parts[2], "the parent is the gateway's own span, not the caller's");

        // the forwarded traceparent names the gateway's client span, child of its server span, child of the caller's
        Path spans = Path.of("target/spans.jsonl");
        String forwardedSpanId = parts[2];
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertTrue(Files.exists(spans));
            List<String> trace = Files.readAllLines(spans, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.contains("\"traceId\":\"" + traceId + "\"")).toList();
            String client = trace.stream().filter(line -> line.contains("\"spanId\":\"" + forwardedSpanId + "\""))
                    .findFirst().orElseThrow(() -> new AssertionError("no span " + forwardedSpanId + " in " + trace));
            assertTrue(client.contains("\"kind\":\"CLIENT\""), client);
            String serverId = client.replaceAll(".*\"parentSpanId\":\"([0-9a-f]{16})\".*", "$1");
            assertTrue(trace.stream().anyMatch(line -> line.contains("\"spanId\":\"" + serverId + "\"")
                    && line.contains("\"kind\":\"SERVER\"") && line.contains("\"parentSpanId\":\"" + callerSpanId + "\"")),
                    "the client span's parent is the gateway's server span, child of the caller's: " + trace);
        });
    }

    @Test
    void withoutACallerTraceTheGatewayStartsOne() {
        given().auth().oauth2(Tokens.forRole("analyst")).get("/api/v1/articles?q=untraced").then().statusCode(200);
        String traceparent = GatewayTest.last().headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("traceparent")).flatMap(e -> e.getValue().stream()).findFirst()
                .orElse(null);
        assertNotNull(traceparent, "a trace starts at the gateway");
        assertTrue(traceparent.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"), traceparent);
    }

    static String hex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
