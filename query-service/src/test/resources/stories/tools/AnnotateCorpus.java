/*
 * Annotates the story evaluation corpus with the real newslens NLP pipeline, offline, and writes one JSON
 * fixture per article, so the clustering and disagreement tests and the tuning runs need no running service.
 *
 * It wires nlp-service's own classes by hand, exactly as CDI does in the service: the text cleaner of
 * ingest-service (the seeds are raw page text), then NlpPipeline with the language layer, the entity registry
 * (on a scratch PostgreSQL database, persisting, as the Kafka path does, so cross-article ids behave as in the
 * stream), Wikipedia linking (a built linking index), temporal tagging, quotes, events, keyphrases, sentiment and
 * the MiniLM embedding.
 *
 * Not compiled by Maven (a single-file program; Java 17 runs it from source). See docs/stories.md:
 *
 *   java -Xmx3g -cp "$NLP_JAR:$INGEST_CLASSES:nlp-service/target/quarkus-app/lib/main/*" \
 *       -Dlinking.dir=/path/to/linking-index-dir \
 *       query-service/src/test/resources/stories/tools/AnnotateCorpus.java \
 *       query-service/src/test/resources/stories/corpus ../shared/corpus/seeds \
 *       query-service/src/test/resources/stories/fixtures
 *
 * Corpus files: a header of "key: value" lines (id, story, split, outlet, domain, published, title), a line "---",
 * then the body. Seeds: the files listed in manifest.json, labelled story "seed" and split "heldout".
 */

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newslens.contracts.Annotations;
import io.newslens.ingest.extraction.TextCleaner;
import io.newslens.nlp.config.NlpConfig;
import io.newslens.nlp.linking.EntityRegistry;
import io.newslens.nlp.linking.LinkingConfig;
import io.newslens.nlp.linking.LinkingIndexService;
import io.newslens.nlp.linking.RegistryStore;
import io.newslens.nlp.pipeline.EventExtractor;
import io.newslens.nlp.pipeline.KeyphraseExtractor;
import io.newslens.nlp.pipeline.LanguageLayer;
import io.newslens.nlp.pipeline.QuoteAttributor;
import io.newslens.nlp.pipeline.SentimentScorer;
import io.newslens.nlp.pipeline.TemporalTagger;
import io.newslens.nlp.service.Embedder;
import io.newslens.nlp.service.NlpPipeline;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.postgresql.ds.PGSimpleDataSource;

public class AnnotateCorpus {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    record Doc(String id, String story, String split, String outlet, String domain, Instant published, String title,
            String text) {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        Path seeds = Path.of(args[1]);
        Path out = Path.of(args[2]);
        Files.createDirectories(out);
        List<Doc> docs = new ArrayList<>();
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                docs.add(readCorpusFile(f));
            }
        }
        docs.addAll(readSeeds(seeds));

        NlpPipeline pipeline = pipeline();
        TextCleaner cleaner = new TextCleaner();
        for (Doc d : docs) {
            long started = System.nanoTime();
            String text = cleaner.clean(d.text()).text();
            Annotations a = pipeline.annotate(d.title(), text, d.published());
            ObjectNode node = JSON.createObjectNode();
            node.put("id", d.id());
            node.put("story", d.story());
            node.put("split", d.split());
            node.put("title", d.title());
            ObjectNode source = node.putObject("source");
            source.put("name", d.outlet());
            source.put("domain", d.domain());
            node.put("publishedAt", d.published().toString());
            node.put("text", text);
            node.put("pipelineVersion", "2026.11.1");
            node.set("annotations", JSON.valueToTree(a));
            Files.writeString(out.resolve(d.id() + ".json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
            System.out.printf("%-12s %4d ms  %2d entities %2d temporals %2d quotes %2d events%n", d.id(),
                    (System.nanoTime() - started) / 1_000_000, a.entities().size(), a.temporals().size(),
                    a.quotes().size(), a.events().size());
        }
    }

    static Doc readCorpusFile(Path f) throws Exception {
        String all = Files.readString(f);
        int sep = all.indexOf("\n---\n");
        if (sep < 0) {
            throw new IllegalArgumentException(f + ": no --- line");
        }
        Map<String, String> h = new LinkedHashMap<>();
        for (String line : all.substring(0, sep).split("\n")) {
            int c = line.indexOf(':');
            if (c > 0) {
                h.put(line.substring(0, c).strip(), line.substring(c + 1).strip());
            }
        }
        String published = h.get("published");
        Instant when = published.length() == 10 ? LocalDate.parse(published).atStartOfDay(ZoneOffset.UTC).toInstant()
                : Instant.parse(published);
        return new Doc(h.get("id"), h.get("story"), h.get("split"), h.get("outlet"), h.get("domain"), when, h.get("title"),
                all.substring(sep + 5).strip());
    }

    static List<Doc> readSeeds(Path dir) throws Exception {
        List<Doc> out = new ArrayList<>();
        for (JsonNode m : JSON.readTree(dir.resolve("manifest.json").toFile())) {
            String file = m.get("file").asText();
            String id = "seed-" + file.substring(0, 3);
            Instant when = LocalDate.parse(m.get("publishedAt").asText()).atStartOfDay(ZoneOffset.UTC).toInstant();
            out.add(new Doc(id, "seed", "heldout", text(m, "outlet"), text(m, "domain"), when, text(m, "title"),
                    Files.readString(dir.resolve(file))));
        }
        return out;
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** The service's pipeline, wired by hand the way CDI wires it. */
    static NlpPipeline pipeline() throws Exception {
        String db = System.getProperty("registry.db", "newslens_stories_nlp");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + db);
            s.execute("CREATE DATABASE " + db);
        }
        String migration = new String(NlpPipeline.class.getResourceAsStream("/db/migration/V1__entity_registry.sql")
                .readAllBytes());
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + db, "postgres", "");
                Statement s = c.createStatement()) {
            s.execute(migration);
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl("jdbc:postgresql://127.0.0.1:5432/" + db);
        ds.setUser("postgres");

        LinkingConfig linkingConfig = config(LinkingConfig.class, Map.of("enabled", true,
                "indexDir", Optional.of(System.getProperty("linking.dir")), "build", LinkingConfig.BuildMode.OFF,
                "dictionary", Optional.empty(), "minConfidence", 0.45, "cacheSize", 20000));
        LinkingIndexService linking = new LinkingIndexService();
        set(linking, "config", linkingConfig);
        call(linking, "start");
        System.out.println("linking: " + linking.state() + " " + linking.detail());

        EntityRegistry registry = new EntityRegistry();
        set(registry, "linking", linking);
        set(registry, "store", new RegistryStore(ds));
        set(registry, "config", linkingConfig);

        LanguageLayer language = new LanguageLayer();
        call(language, "init");
        SentimentScorer sentiment = new SentimentScorer();
        call(sentiment, "load");
        Embedder embedder = new Embedder();
        set(embedder, "config", config(NlpConfig.class, Map.of("pipelineVersion", "2026.11.1", "maxTextChars", 200000,
                "concurrency", 1, "embeddings", true)));
        call(embedder, "init");

        NlpPipeline p = new NlpPipeline();
        set(p, "language", language);
        set(p, "registry", registry);
        set(p, "temporalTagger", new TemporalTagger());
        set(p, "quoteAttributor", new QuoteAttributor());
        set(p, "eventExtractor", new EventExtractor());
        set(p, "keyphrases", new KeyphraseExtractor());
        set(p, "sentiment", sentiment);
        set(p, "embedder", embedder);
        set(p, "meters", new SimpleMeterRegistry());
        return p;
    }

    @SuppressWarnings("unchecked")
    static <T> T config(Class<T> type, Map<String, Object> values) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString") ? type.getSimpleName() : null;
            }
            if (!values.containsKey(method.getName())) {
                throw new IllegalStateException("no setting " + method.getName());
            }
            return values.get(method.getName());
        });
    }

    static void set(Object target, String field, Object value) throws Exception {
        Field f = target.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }

    static void call(Object target, String method) throws Exception {
        Method m = target.getClass().getDeclaredMethod(method);
        m.setAccessible(true);
        m.invoke(target);
    }
}
