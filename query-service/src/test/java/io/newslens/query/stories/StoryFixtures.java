package io.newslens.query.stories;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newslens.contracts.Annotations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The labelled story set: articles written for the evaluation (and the five sample articles), annotated offline by the
 * real NLP pipeline (src/test/resources/stories/tools/AnnotateCorpus.java) and stored as JSON under
 * src/test/resources/stories/fixtures. Each carries its gold story label and its split (tune or heldout).
 */
public final class StoryFixtures {

    public record Fixture(String id, String story, String split, String title, String source, Instant publishedAt,
            String text, Annotations annotations) {

        public ArticleProfile profile() {
            return ArticleProfile.of(id, publishedAt, text, annotations);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static List<Fixture> all;

    private StoryFixtures() {
    }

    /** Every fixture, sorted by publication time then id. */
    public static synchronized List<Fixture> all() {
        if (all == null) {
            all = load(directory());
        }
        return all;
    }

    public static List<Fixture> split(String split) {
        return all().stream().filter(f -> f.split().equals(split)).toList();
    }

    public static Fixture byId(String id) {
        return all().stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no fixture " + id));
    }

    public static List<Fixture> story(String story) {
        return all().stream().filter(f -> f.story().equals(story)).toList();
    }

    /** Document frequencies of entities over the whole set, as a stand-in for the read model's entity counts. */
    public static StorySimilarity.Idf idf(List<Fixture> background) {
        Map<String, Integer> df = new HashMap<>();
        for (Fixture f : background) {
            f.annotations().entities().stream().map(Annotations.Entity::id).distinct().forEach(id -> df.merge(id, 1, Integer::sum));
        }
        int n = background.size();
        return id -> StorySimilarity.idf(n, df.getOrDefault(id, 0));
    }

    static Path directory() {
        URL url = StoryFixtures.class.getResource("/stories/fixtures");
        try {
            if (url != null && "file".equals(url.getProtocol())) {
                return Path.of(url.toURI());
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Path source = Path.of("src/test/resources/stories/fixtures");
        if (Files.isDirectory(source)) {
            return source;
        }
        return Path.of("query-service/src/test/resources/stories/fixtures");
    }

    static List<Fixture> load(Path dir) {
        List<Fixture> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode n = JSON.readTree(f.toFile());
                Annotations a = JSON.treeToValue(n.get("annotations"), Annotations.class);
                JsonNode source = n.get("source");
                out.add(new Fixture(n.get("id").asText(), n.get("story").asText(), n.get("split").asText(),
                        n.hasNonNull("title") ? n.get("title").asText() : null,
                        source != null && source.hasNonNull("name") ? source.get("name").asText() : null,
                        Instant.parse(n.get("publishedAt").asText()), n.get("text").asText(), a));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(Comparator.comparing(Fixture::publishedAt).thenComparing(Fixture::id));
        return List.copyOf(out);
    }
}
