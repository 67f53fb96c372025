package io.newslens.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newslens.ingest.model.Article;
import io.newslens.ingest.model.OutboxEvent;
import io.newslens.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BatchAndUploadTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static String article(String lead) {
        return ArticleIngestionTest.uniqueText(lead);
    }

    @Test
    void ndjsonBatchAnswersOneLinePerInputLineInOrderAndABadLineFailsAlone() throws Exception {
        String ok1 = "{\"title\":\"One\",\"text\":" + ArticleIngestionTest.json(article("Batch one.")) + "}";
        String bad = "{\"title\": \"broken";
        String empty = "{\"title\":\"no text\"}";
        String ok2 = "{\"title\":\"Two\",\"text\":" + ArticleIngestionTest.json(article("Batch two.")) + "}";
        String body = ok1 + "\n" + bad + "\n\n" + empty + "\n" + ok2 + "\n" + ok1 + "\n";
        String answer = given().auth().oauth2(Tokens.forRole("ingestor")).contentType("application/x-ndjson").body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/articles/batch").then().statusCode(200).contentType(containsString("application/x-ndjson"))
                .extract().asString();
        List<JsonNode> lines = new ArrayList<>();
        for (String l : answer.split("\n")) {
            lines.add(JSON.readTree(l));
        }
        assertEquals(6, lines.size(), answer);
        assertEquals("accepted", lines.get(0).get("status").asText());
        assertEquals(1, lines.get(0).get("line").asInt());
        assertEquals("error", lines.get(1).get("status").asText());
        assertEquals(400, lines.get(1).get("error").get("status").asInt());
        assertEquals("error", lines.get(2).get("status").asText());
        assertEquals(422, lines.get(2).get("error").get("status").asInt());
        assertEquals(3, lines.get(2).get("line").asInt(), "blank lines are skipped and not counted");
        assertEquals("accepted", lines.get(3).get("status").asText());
        assertEquals("duplicate", lines.get(4).get("status").asText());
        assertEquals(lines.get(0).get("id").asText(), lines.get(4).get("id").asText());
        JsonNode summary = lines.get(5).get("summary");
        assertEquals(5, summary.get("lines").asInt());
        assertEquals(2, summary.get("accepted").asInt());
        assertEquals(1, summary.get("duplicates").asInt());
        assertEquals(2, summary.get("failed").asInt());
        String id = lines.get(3).get("id").asText();
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Article.findByIdOptional(id).isPresent()));
    }

    /** About 300 words no other test writes: 30 sentences of ten random tokens. */
    static List<String> sentences() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            StringBuilder s = new StringBuilder("Sentence");
            for (int w = 0; w < 10; w++) {
                s.append(' ').append(UUID.randomUUID().toString(), 0, 8 + (w % 3));
            }
            out.add(s.append('.').toString());
        }
        return out;
    }

    @Test
    void nearDuplicatesInOneBatchAndAcrossBatchesAreStoredAndFlaggedWithTheirOriginal() throws Exception {
        List<String> original = sentences();
        List<String> rewritten = new ArrayList<>(original);
        rewritten.set(29, "A changed closing sentence says the minister declined to comment on the matter.");
        List<String> again = new ArrayList<>(original);
        again.set(0, "Another outlet wrote its own opening sentence for the same wire story today.");
        String unrelated = String.join(" ", sentences());
        String body = "{\"title\":\"Wire\",\"text\":" + ArticleIngestionTest.json(String.join(" ", original)) + "}\n"
                + "{\"text\":" + ArticleIngestionTest.json(unrelated) + "}\n"
                + "{\"title\":\"Other headline\",\"text\":" + ArticleIngestionTest.json(String.join(" ", rewritten)) + "}\n"
                + "{\"title\":\"Wire\",\"text\":" + ArticleIngestionTest.json(String.join(" ", original)) + "}\n";
        List<JsonNode> lines = postBatch(body);
        assertEquals(5, lines.size());
        String originalId = lines.get(0).get("id").asText();
        assertEquals("accepted", lines.get(0).get("status").asText());
        assertTrue(lines.get(0).get("nearDuplicateOf") == null, lines.get(0).toString());
        assertEquals("accepted", lines.get(1).get("status").asText());
        assertTrue(lines.get(1).get("nearDuplicateOf") == null, "unrelated text is no near duplicate");
        assertEquals("accepted", lines.get(2).get("status").asText(), "a near duplicate is stored, not dropped");
        assertEquals(originalId, lines.get(2).get("nearDuplicateOf").asText(), "flagged with the batch's earlier original");
        assertEquals("duplicate", lines.get(3).get("status").asText());
        assertEquals(originalId, lines.get(3).get("id").asText());

        String nearId = lines.get(2).get("id").asText();
        Article stored = QuarkusTransaction.requiringNew().call(() -> Article.<Article>findById(nearId));
        assertEquals(originalId, stored.duplicateOf);
        assertTrue(stored.duplicateSimilarity >= 0.7f, "similarity " + stored.duplicateSimilarity);
        for (String id : List.of(originalId, nearId, lines.get(1).get("id").asText())) {
            long outbox = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("aggregateId", id)
                    + io.newslens.ingest.model.Article.count("id = ?1 and publishedToKafkaAt is not null", id));
            assertTrue(outbox >= 1, "each stored article has its outbox row (or was already published): " + id);
            long bands = QuarkusTransaction.requiringNew().call(() -> ((Number) Article.getEntityManager()
                    .createNativeQuery("SELECT count(*) FROM article_minhash_band WHERE article_id = ?1")
                    .setParameter(1, id).getSingleResult()).longValue());
            assertEquals(32, bands, "every article is indexed in its 32 LSH bands");
        }

        // a later batch: the original is found in the database
        List<JsonNode> later = postBatch("{\"text\":" + ArticleIngestionTest.json(String.join(" ", again)) + "}\n");
        assertEquals("accepted", later.get(0).get("status").asText());
        String laterOf = later.get(0).get("nearDuplicateOf").asText();
        assertTrue(laterOf.equals(originalId) || laterOf.equals(nearId), later.get(0).toString());
        // and a single POST too
        String single = given().auth().oauth2(Tokens.forRole("ingestor")).contentType("application/json")
                .body("{\"text\":" + ArticleIngestionTest.json(String.join(" ", again).replace("today", "yesterday")) + "}")
                .post("/api/v1/articles").then().statusCode(202).extract().path("nearDuplicateOf");
        assertTrue(single != null, "a single POST finds near duplicates as well");
    }

    private static List<JsonNode> postBatch(String body) throws Exception {
        String answer = given().auth().oauth2(Tokens.forRole("ingestor")).contentType("application/x-ndjson")
                .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/articles/batch").then()
                .statusCode(200).extract().asString();
        List<JsonNode> lines = new ArrayList<>();
        for (String l : answer.split("\n")) {
            lines.add(JSON.readTree(l));
        }
        return lines;
    }

    @Test
    void largeBatchIsStoredInFull() throws Exception {
        StringBuilder body = new StringBuilder();
        String run = UUID.randomUUID().toString();
        for (int i = 0; i < 250; i++) {
            body.append("{\"text\":").append(ArticleIngestionTest.json("Article " + i + " of run " + run
                    + ". The council met on Monday to discuss the budget for the new library and the harbour wall."))
                    .append("}\n");
        }
        String answer = given().auth().oauth2(Tokens.forRole("ingestor")).contentType("application/x-ndjson")
                .body(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/articles/batch").then().statusCode(200).extract().asString();
        String[] lines = answer.split("\n");
        JsonNode summary = JSON.readTree(lines[lines.length - 1]).get("summary");
        assertEquals(250, summary.get("lines").asInt());
        assertEquals(250, summary.get("accepted").asInt() + summary.get("duplicates").asInt(), answer);
    }

    @Test
    void batchNeedsTheIngestorRole() {
        given().auth().oauth2(Tokens.forRole("analyst")).contentType("application/x-ndjson").body("{\"text\":\"x\"}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/articles/batch").then().statusCode(403);
        given().contentType("application/x-ndjson").body("{\"text\":\"x\"}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/articles/batch").then().statusCode(401);
    }

    @Test
    void uploadedHtmlFileIsExtractedAndScriptsAreGone() {
        String html = "<html><head><title>Harbour wall repaired | Coast Times</title>"
                + "<meta property=\"article:published_time\" content=\"2024-06-02T08:00:00Z\"></head><body>"
                + "<nav>Home News Sport</nav><article><h1>Harbour wall repaired</h1>"
                + "<p>Workers finished repairing the harbour wall in Porthleven on Saturday, the council said.</p>"
                + "<p>The wall was damaged in the winter storms of January, when waves broke through in two places. "
                + UUID.randomUUID() + "</p>"
                + "<script>alert('owned')</script><p onclick=\"steal()\">Repairs cost 1.2 million pounds.</p></article>"
                + "<footer>Copyright Coast Times</footer></body></html>";
        String id = given().auth().oauth2(Tokens.forRole("ingestor"))
                .multiPart("file", "harbour.html", html.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/html")
                .post("/api/v1/articles/upload").then().statusCode(202)
                .body("accepted", equalTo(1)).extract().path("files[0].result.id");
        Article stored = QuarkusTransaction.requiringNew().call(() -> Article.<Article>findById(id));
        assertTrue(stored.text.contains("Porthleven"), stored.text);
        assertTrue(!stored.text.contains("alert(") && !stored.text.contains("steal()"), stored.text);
        assertEquals("2024-06-02T08:00:00Z", stored.publishedAt.toString());
    }

    @Test
    void uploadOfAnUnsupportedFileIs415AndMixedUploadsAre207() {
        given().auth().oauth2(Tokens.forRole("ingestor")).multiPart("file", "report.pdf", new byte[] {37, 80, 68, 70}, "application/pdf")
                .post("/api/v1/articles/upload").then().statusCode(415).contentType("application/problem+json");
        given().auth().oauth2(Tokens.forRole("ingestor"))
                .multiPart("file", "ok.txt", article("Upload mixed.").getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain")
                .multiPart("file", "bad.exe", new byte[] {1, 2, 3}, "application/octet-stream")
                .post("/api/v1/articles/upload").then().statusCode(207)
                .body("accepted", equalTo(1)).body("failed", equalTo(1));
    }
}
