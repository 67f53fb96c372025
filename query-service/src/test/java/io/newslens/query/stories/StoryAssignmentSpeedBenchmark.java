package io.newslens.query.stories;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newslens.contracts.ArticleAnnotated;
import io.newslens.contracts.Annotations;
import io.newslens.contracts.SourceRef;
import io.newslens.query.service.ReadModelWriter;
import io.newslens.query.service.Vectors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.NoResultException;
import jakarta.persistence.Query;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * How fast the read model takes annotated articles as it grows: fills a scratch database with a synthetic read model of
 * each size (stories of a few articles over 30 days, entities from common to rare, 384-dimensional embeddings, loaded by
 * COPY), then applies new articles through the real {@link ReadModelWriter} and {@link StoryAssigner} code (one
 * transaction each, as the Kafka consumer does) and prints articles/s. Half of them report an event already in the read
 * model, half a new one.
 *
 * <p>Not part of the default suite (the class name does not end in Test); it drops and recreates the database
 * {@code speed.db} (default {@code newslens_story_speed}) and nothing else. Run it with
 * {@code flock /tmp/newslens-build.lock mvn -B -ntp -q -pl query-service test -Dtest=StoryAssignmentSpeedBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dspeed.sizes=1000,10000,50000 -Dspeed.articles=40}.
 *
 * <p>It talks to PostgreSQL through a small JDBC-backed {@link EntityManager} that supports exactly what the two
 * classes use (native queries with positional parameters), so no Quarkus, Kafka or Keycloak is started.
 */
class StoryAssignmentSpeedBenchmark {

    static final int DIM = 384;
    static final String[] TYPES = {"PERSON", "ORGANIZATION", "LOCATION"};
    static final String SERVER = System.getProperty("speed.server", "jdbc:postgresql://127.0.0.1:5432/");
    static final String DB = System.getProperty("speed.db", "newslens_story_speed");
    static final Instant START = Instant.parse("2026-10-01T00:00:00Z");
    static final Duration SPAN = Duration.ofDays(30);

    @Test
    void articlesPerSecondAsTheReadModelGrows() throws Exception {
        int measured = Integer.getInteger("speed.articles", 40);
        List<Integer> sizes = Arrays.stream(System.getProperty("speed.sizes", "1000,10000,50000").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        List<String> lines = new ArrayList<>();
        for (int size : sizes) {
            recreateDatabase();
            try (Connection c = DriverManager.getConnection(SERVER + DB, "postgres", "")) {
                Model model = new Model(size, new Random(42));
                long t0 = System.nanoTime();
                migrate(c, 2);
                model.fill(c);
                migrate(c, Integer.MAX_VALUE);
                try (Statement s = c.createStatement()) {
                    s.execute("VACUUM ANALYZE");
                }
                long filled = System.nanoTime() - t0;
                c.setAutoCommit(false);
                ReadModelWriter writer = writer(c);
                List<ArticleAnnotated> arrivals = model.arrivals(measured, new Random(7));
                // two warm-up articles: JIT and PostgreSQL caches
                for (ArticleAnnotated a : model.arrivals(2, new Random(99))) {
                    writer.apply(a);
                    c.commit();
                }
                long[] each = new long[arrivals.size()];
                long start = System.nanoTime();
                for (int i = 0; i < arrivals.size(); i++) {
                    long s = System.nanoTime();
                    writer.apply(arrivals.get(i));
                    c.commit();
                    each[i] = System.nanoTime() - s;
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                Arrays.sort(each);
                String line = String.format("read model %,7d articles (%,d stories): %6.1f articles/s (%,6.0f/min), per article p50 %6.1f ms, max %7.1f ms  [fill %.0f s]",
                        size, model.stories, arrivals.size() / seconds, 60 * arrivals.size() / seconds, each[each.length / 2] / 1e6,
                        each[each.length - 1] / 1e6, filled / 1e9);
                System.out.println(line);
                lines.add(line);
            }
        }
        System.out.println("== story assignment speed ==");
        lines.forEach(System.out::println);
    }

    static void recreateDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + DB);
        }
    }

    /** Applies the service's Flyway scripts, in version order, from after what is applied up to {@code upTo}. */
    static void migrate(Connection c, int upTo) throws IOException, SQLException {
        Path dir = Path.of("src/main/resources/db/migration");
        int done;
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS speed_migrations (version INT PRIMARY KEY)");
            try (ResultSet r = s.executeQuery("SELECT coalesce(max(version), 0) FROM speed_migrations")) {
                r.next();
                done = r.getInt(1);
            }
        }
        List<Path> scripts;
        try (Stream<Path> files = Files.list(dir)) {
            scripts = files.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted((a, b) -> Integer.compare(version(a), version(b))).toList();
        }
        for (Path p : scripts) {
            int v = version(p);
            if (v > done && v <= upTo) {
                try (Statement s = c.createStatement()) {
                    s.execute(Files.readString(p));
                    s.execute("INSERT INTO speed_migrations VALUES (" + v + ")");
                }
            }
        }
    }

    static int version(Path p) {
        String n = p.getFileName().toString();
        return Integer.parseInt(n.substring(1, n.indexOf("__")));
    }

    static ReadModelWriter writer(Connection c) throws ReflectiveOperationException {
        EntityManager em = jdbcEntityManager(c);
        StoryAssigner assigner = new StoryAssigner();
        set(assigner, "em", em);
        set(assigner, "config", defaultConfig());
        ReadModelWriter writer = new ReadModelWriter();
        set(writer, "em", em);
        set(writer, "json", new ObjectMapper());
        set(writer, "stories", assigner);
        return writer;
    }

    /** The config the service runs with when nothing is set: every method's {@code @WithDefault}. */
    static StoryConfig defaultConfig() {
        return (StoryConfig) Proxy.newProxyInstance(StoryConfig.class.getClassLoader(), new Class<?>[] {StoryConfig.class},
                (proxy, method, args) -> {
                    if (method.isDefault()) {
                        return java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
                    }
                    String value = method.getAnnotation(io.smallrye.config.WithDefault.class).value();
                    Class<?> t = method.getReturnType();
                    if (t == Duration.class) {
                        return Duration.parse(value);
                    }
                    if (t == double.class) {
                        return Double.parseDouble(value);
                    }
                    if (t == int.class) {
                        return Integer.parseInt(value);
                    }
                    if (t == boolean.class) {
                        return Boolean.parseBoolean(value);
                    }
                    return value;
                });
    }

    static void set(Object target, String field, Object value) throws ReflectiveOperationException {
        Field f = target.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }

    static final Pattern POSITIONAL = Pattern.compile("\\?(\\d+)");

    /** Native queries with ?N parameters over one JDBC connection, typed as Hibernate returns them. */
    static EntityManager jdbcEntityManager(Connection c) {
        return (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(), new Class<?>[] {EntityManager.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("createNativeQuery") || args.length != 1) {
                        throw new UnsupportedOperationException(method.toString());
                    }
                    return nativeQuery(c, (String) args[0]);
                });
    }

    static Query nativeQuery(Connection c, String sql) {
        List<Integer> order = new ArrayList<>();
        Matcher m = POSITIONAL.matcher(sql);
        StringBuilder jdbc = new StringBuilder();
        while (m.find()) {
            order.add(Integer.parseInt(m.group(1)));
            m.appendReplacement(jdbc, "?");
        }
        m.appendTail(jdbc);
        Map<Integer, Object> params = new HashMap<>();
        return (Query) Proxy.newProxyInstance(Query.class.getClassLoader(), new Class<?>[] {Query.class}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "setParameter" -> {
                    params.put((Integer) args[0], args[1]);
                    return proxy;
                }
                case "executeUpdate" -> {
                    try (PreparedStatement ps = prepare(c, jdbc.toString(), order, params)) {
                        return ps.executeUpdate();
                    }
                }
                case "getResultList", "getSingleResult" -> {
                    List<Object> rows = new ArrayList<>();
                    try (PreparedStatement ps = prepare(c, jdbc.toString(), order, params); ResultSet r = ps.executeQuery()) {
                        int n = r.getMetaData().getColumnCount();
                        while (r.next()) {
                            if (n == 1) {
                                rows.add(r.getObject(1));
                            } else {
                                Object[] row = new Object[n];
                                for (int i = 0; i < n; i++) {
                                    row[i] = r.getObject(i + 1);
                                }
                                rows.add(row);
                            }
                        }
                    }
                    if (method.getName().equals("getResultList")) {
                        return rows;
                    }
                    if (rows.isEmpty()) {
                        throw new NoResultException(sql);
                    }
                    return rows.get(0);
                }
                default -> throw new UnsupportedOperationException(method.toString());
            }
        });
    }

    static PreparedStatement prepare(Connection c, String sql, List<Integer> order, Map<Integer, Object> params)
            throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < order.size(); i++) {
            Object v = params.get(order.get(i));
            if (v == null) {
                ps.setNull(i + 1, Types.NULL);
            } else if (v instanceof byte[] b) {
                ps.setBytes(i + 1, b);
            } else {
                ps.setObject(i + 1, v);
            }
        }
        return ps;
    }

    /**
     * A synthetic read model: stories of 1-6 articles spread over 30 days, each about its own few rare entities, a few
     * shared with other stories, and one to three of 40 very common ones ("United States"); members' embeddings lie
     * around their story's direction.
     */
    static final class Model {
        final int size;
        final Random random;
        final int commonEntities = 40;
        final int midEntities;
        int stories;
        final List<float[]> storyDirections = new ArrayList<>();
        final List<Instant> storyTimes = new ArrayList<>();
        final List<String[]> storyEntities = new ArrayList<>();

        Model(int size, Random random) {
            this.size = size;
            this.random = random;
            this.midEntities = Math.max(200, size / 5);
        }

        void fill(Connection c) throws SQLException, IOException {
            StringBuilder storyRows = new StringBuilder();
            StringBuilder articleRows = new StringBuilder();
            StringBuilder mentionRows = new StringBuilder();
            Map<String, long[]> entityStats = new HashMap<>(); // articles, mentions, first, last
            int articles = 0;
            while (articles < size) {
                int members = Math.min(size - articles, 1 + random.nextInt(6));
                String storyId = "s_" + stories;
                float[] direction = unit(randomVector());
                Instant first = START.plusSeconds((long) (random.nextDouble() * SPAN.toSeconds()));
                String[] topical = topicalEntities(stories);
                storyDirections.add(direction);
                storyTimes.add(first);
                storyEntities.add(topical);
                Instant last = first;
                float[] sum = new float[DIM];
                for (int k = 0; k < members; k++) {
                    Instant t = first.plusSeconds(random.nextInt(36 * 3600));
                    last = t.isAfter(last) ? t : last;
                    float[] e = around(direction);
                    for (int i = 0; i < DIM; i++) {
                        sum[i] += e[i];
                    }
                    String id = "a_" + articles;
                    articleRows.append(id).append('\t').append("Outlet ").append(random.nextInt(12)).append('\t')
                            .append("Report ").append(articles).append('\t').append(ts(t)).append('\t').append("en\tbody\t")
                            .append(ts(t)).append("\tbench\t").append(storyId).append("\t{}\t\\\\x")
                            .append(HexFormat.of().formatHex(Vectors.toBytes(e))).append("\t\t{}\t{}\n");
                    for (Map.Entry<String, Double> en : mentions(topical).entrySet()) {
                        int count = 1 + random.nextInt(4);
                        mentionRows.append(id).append('\t').append(en.getKey()).append('\t').append(type(en.getKey()))
                                .append('\t').append(count).append('\t').append(en.getValue()).append('\t')
                                .append(ts(t)).append('\n');
                        long[] st = entityStats.computeIfAbsent(en.getKey(), x -> new long[] {0, 0, Long.MAX_VALUE, 0});
                        st[0]++;
                        st[1] += count;
                        st[2] = Math.min(st[2], t.getEpochSecond());
                        st[3] = Math.max(st[3], t.getEpochSecond());
                    }
                    articles++;
                }
                storyRows.append(storyId).append("\tReport\t").append(ts(first)).append('\t').append(ts(first)).append('\t')
                        .append(ts(first)).append('\t').append(ts(last)).append('\t').append(members).append('\t')
                        .append(Math.min(members, 12)).append("\t\\\\x").append(HexFormat.of().formatHex(Vectors.toBytes(unit(sum))))
                        .append('\n');
                stories++;
            }
            StringBuilder entityRows = new StringBuilder();
            entityStats.forEach((id, st) -> entityRows.append(id).append("\tName ").append(id).append('\t').append(type(id))
                    .append('\t').append(ts(Instant.ofEpochSecond(st[2]))).append('\t').append(ts(Instant.ofEpochSecond(st[3])))
                    .append('\t').append(st[0]).append('\t').append(st[1]).append('\n'));
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn("COPY story (id, title, created_at, updated_at, first_published, last_published, article_count, "
                    + "source_count, centroid) FROM STDIN", new StringReader(storyRows.toString()));
            copy.copyIn("COPY article (id, source_name, title, sort_time, language, text, indexed_at, pipeline_version, "
                    + "story_id, annotations, embedding, search, story_places, story_names) FROM STDIN",
                    new StringReader(articleRows.toString()));
            copy.copyIn("COPY entity (id, name, type, first_seen, last_seen, article_count, mention_count) FROM STDIN",
                    new StringReader(entityRows.toString()));
            copy.copyIn("COPY article_entity (article_id, entity_id, entity_type, mention_count, salience, sort_time) FROM STDIN",
                    new StringReader(mentionRows.toString()));
        }

        /** Six entities a story is about: mostly its own, some from a middle pool other stories share. */
        String[] topicalEntities(int story) {
            String[] e = new String[6];
            for (int i = 0; i < e.length; i++) {
                e[i] = i < 4 ? "r" + story + "_" + i : "m" + random.nextInt(midEntities);
            }
            return e;
        }

        /** An article's entities with salience: four or five of its story's, one to three common, two random ones. */
        Map<String, Double> mentions(String[] topical) {
            Map<String, Double> m = new HashMap<>();
            for (String t : topical) {
                if (random.nextInt(6) > 0) {
                    m.put(t, 0.05 + random.nextDouble() * 0.2);
                }
            }
            int common = 1 + random.nextInt(3);
            for (int i = 0; i < common; i++) {
                // skewed: c0 is in a large share of all articles
                m.put("c" + (int) (commonEntities * Math.pow(random.nextDouble(), 3)), 0.02 + random.nextDouble() * 0.05);
            }
            m.put("m" + random.nextInt(midEntities), 0.02 + random.nextDouble() * 0.05);
            m.put("m" + random.nextInt(midEntities), 0.02 + random.nextDouble() * 0.05);
            return m;
        }

        /** New articles, half of them reports of a story already in the read model, half of new events. */
        List<ArticleAnnotated> arrivals(int n, Random r) {
            List<ArticleAnnotated> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String id = "new_" + Long.toString(r.nextLong() & Long.MAX_VALUE, 36);
                float[] direction;
                String[] topical;
                Instant t;
                if (i % 2 == 0) {
                    int s = r.nextInt(stories);
                    direction = storyDirections.get(s);
                    topical = storyEntities.get(s);
                    t = storyTimes.get(s).plusSeconds(r.nextInt(24 * 3600));
                } else {
                    direction = unit(randomVector());
                    topical = new String[] {id + "_0", id + "_1", id + "_2", id + "_3", "m" + r.nextInt(midEntities),
                        "m" + r.nextInt(midEntities)};
                    t = START.plusSeconds((long) (r.nextDouble() * SPAN.toSeconds()));
                }
                List<Annotations.Entity> entities = new ArrayList<>();
                mentions(topical).forEach((e, salience) -> entities.add(new Annotations.Entity(e, "Name " + e, type(e), null,
                        List.of(), null, 2, salience, null)));
                Annotations ann = new Annotations(List.of(), List.of(), entities, List.of(), List.of(), List.of(), List.of(),
                        new Annotations.Sentiment(0, "neutral"), around(direction));
                out.add(new ArticleAnnotated(ArticleAnnotated.SCHEMA_VERSION, id, "bench-1", "https://example.org/" + id,
                        new SourceRef("Outlet " + r.nextInt(12), "example.org"), "Report " + id, null, t, "en",
                        "A report about " + String.join(", ", topical) + ".", null, t, null, t, 10, ann));
            }
            return out;
        }

        float[] randomVector() {
            float[] v = new float[DIM];
            for (int i = 0; i < DIM; i++) {
                v[i] = (float) random.nextGaussian();
            }
            return v;
        }

        float[] around(float[] direction) {
            float[] v = randomVector();
            for (int i = 0; i < DIM; i++) {
                v[i] = direction[i] + 0.04f * v[i];
            }
            return unit(v);
        }

        static float[] unit(float[] v) {
            return Vectors.normalize(v.clone());
        }

        static String type(String entityId) {
            return TYPES[Math.floorMod(entityId.hashCode(), TYPES.length)];
        }

        static String ts(Instant t) {
            return Timestamp.from(t).toInstant().toString();
        }
    }
}
