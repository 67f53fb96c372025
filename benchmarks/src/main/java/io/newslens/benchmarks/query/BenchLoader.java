package io.newslens.benchmarks.query;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;

/**
 * Builds the benchmark database: creates it, applies query-service's own Flyway migrations (from its source tree,
 * so new migrations are included), and bulk-loads the synthetic archive the fast way: foreign keys, primary keys
 * and indexes are dropped and the tables made UNLOGGED for the load, articles are streamed with COPY from two
 * generator threads (a BEFORE INSERT trigger computes the tsvector exactly as ReadModelWriter's INSERT does), and
 * afterwards every key, index and foreign key the migrations defined is rebuilt from its recorded definition, then
 * VACUUM ANALYZE (so the planner has statistics and index-only scans have a visibility map).
 */
final class BenchLoader {

    /** The read-model tables that get bulk-loaded. */
    static final List<String> TABLES = List.of("story", "article", "entity", "entity_alias", "article_entity", "quote", "event",
            "story_entity", "entity_day");

    private final String adminUrl;
    private final String database;
    private final String jdbcUrl;
    private final Path migrations;
    final Map<String, Long> timings = new LinkedHashMap<>();

    BenchLoader(String host, String database, Path migrations) {
        this.adminUrl = "jdbc:postgresql://" + host + "/postgres?user=postgres";
        this.database = database;
        this.jdbcUrl = jdbcUrl(host, database);
        this.migrations = migrations;
    }

    static String jdbcUrl(String host, String database) {
        return "jdbc:postgresql://" + host + "/" + database + "?user=postgres&ApplicationName=newslens-query-bench";
    }

    void dropDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    void load(Vocabulary vocabulary, long articles, long seed, int threads) throws Exception {
        long t0 = System.nanoTime();
        dropDatabase();
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        if (!Files.isDirectory(migrations)) {
            throw new IllegalStateException("query-service migrations not found at " + migrations.toAbsolutePath());
        }
        Flyway.configure().dataSource(jdbcUrl, "postgres", "").locations("filesystem:" + migrations.toAbsolutePath())
                .load().migrate();
        List<String> rebuild = dropKeysAndIndexes();
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            for (String t : TABLES) {
                s.execute("ALTER TABLE " + t + " SET UNLOGGED");
            }
            s.execute("""
                    CREATE UNLOGGED TABLE quote_load (article_id VARCHAR(40), speaker_entity_id VARCHAR(64), speaker_name TEXT,
                        text TEXT, start_offset INT, end_offset INT, confidence REAL, sort_time TIMESTAMPTZ, source_name TEXT,
                        language VARCHAR(16))""");
            // the same tsvector as ReadModelWriter's INSERT, computed by PostgreSQL while COPY streams the rows in
            s.execute("""
                    CREATE FUNCTION bench_article_search() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                      NEW.search := setweight(to_tsvector(newslens_ts_config(NEW.language), coalesce(NEW.title, '')), 'A')
                          || setweight(to_tsvector(newslens_ts_config(NEW.language), NEW.text), 'B');
                      RETURN NEW;
                    END $$""");
            s.execute("CREATE TRIGGER bench_article_search BEFORE INSERT ON article FOR EACH ROW EXECUTE FUNCTION bench_article_search()");
        }
        timings.put("create database, migrate, drop keys/indexes", ms(t0));

        SyntheticWorld world = new SyntheticWorld(vocabulary, seed);
        long t1 = System.nanoTime();
        AtomicLong progress = new AtomicLong();
        List<ArticleGenerator> generators = new ArrayList<>();
        List<Thread> running = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            ArticleGenerator g = new ArticleGenerator(world, jdbcUrl, articles * i / threads, articles * (i + 1) / threads,
                    articles, seed, progress);
            generators.add(g);
            Thread thread = new Thread(g, "generator-" + i);
            thread.start();
            running.add(thread);
        }
        for (Thread thread : running) {
            thread.join();
        }
        for (ArticleGenerator g : generators) {
            if (g.failure != null) {
                throw new IllegalStateException("generation failed", g.failure);
            }
        }
        timings.put("COPY articles + article_entity + stories + quote staging (" + threads + " streams, tsvector by trigger)", ms(t1));
        long textChars = generators.stream().mapToLong(g -> g.textChars).sum();
        long aeRows = generators.stream().mapToLong(g -> g.articleEntityRows).sum();
        long quoteRows = generators.stream().mapToLong(g -> g.quoteRows).sum();
        long storyRows = generators.stream().mapToLong(g -> g.storyRows).sum();
        System.out.printf(Locale.ROOT, "  text: %,d chars (%.0f per article); article_entity %,d; quotes %,d; stories %,d%n",
                textChars, (double) textChars / articles, aeRows, quoteRows, storyRows);

        long t2 = System.nanoTime();
        long entities = writeEntities(world, generators);
        timings.put("COPY entities + aliases (" + entities + " entities)", ms(t2));

        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            long t3 = System.nanoTime();
            s.execute("""
                    INSERT INTO quote (article_id, speaker_entity_id, speaker_name, text, start_offset, end_offset, confidence,
                        sort_time, source_name, search)
                    SELECT article_id, speaker_entity_id, speaker_name, text, start_offset, end_offset, confidence, sort_time,
                        source_name, to_tsvector(newslens_ts_config(language), text) FROM quote_load""");
            s.execute("DROP TABLE quote_load");
            // story entity profiles as StoryAssigner keeps them (the same aggregate as migration V3)
            s.execute("""
                    INSERT INTO story_entity (story_id, entity_id, weight, articles)
                    SELECT a.story_id, ae.entity_id, sum(ae.salience), count(*)
                    FROM article_entity ae JOIN article a ON a.id = ae.article_id
                    WHERE a.story_id IS NOT NULL AND ae.salience > 0
                      AND ae.entity_type IN ('PERSON', 'ORGANIZATION', 'LOCATION', 'EQUIPMENT', 'MISC')
                    GROUP BY a.story_id, ae.entity_id""");
            // entities' daily counts as ReadModelWriter keeps them (the same aggregate as migration V6)
            s.execute("""
                    INSERT INTO entity_day (entity_id, day, mentions, articles, sentiment_sum, rated)
                    SELECT entity_id, (sort_time AT TIME ZONE 'UTC')::date, sum(mention_count), count(*),
                           coalesce(sum(sentiment), 0), count(sentiment)
                    FROM article_entity GROUP BY 1, 2""");
            s.execute("DROP TRIGGER bench_article_search ON article");
            s.execute("DROP FUNCTION bench_article_search()");
            timings.put("quotes from staging (tsvector in SQL)", ms(t3));
            s.execute("SET maintenance_work_mem = '1GB'");
            s.execute("SET max_parallel_maintenance_workers = 2");
            for (String ddl : rebuild) {
                long t = System.nanoTime();
                s.execute(ddl);
                long took = ms(t);
                timings.put(ddl.length() > 110 ? ddl.substring(0, 110) + "…" : ddl, took);
                System.out.printf(Locale.ROOT, "  %6.1f s  %s%n", took / 1000.0, ddl);
            }
        }
        long t4 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            for (String t : TABLES) {
                s.execute("VACUUM (ANALYZE) " + t);
            }
        }
        timings.put("VACUUM ANALYZE", ms(t4));
        timings.put("total load", ms(t0));
    }

    /** Applies migrations added since the load (index builds get the same memory as in the load), then VACUUM ANALYZE. */
    void migrate() throws SQLException {
        long t0 = System.nanoTime();
        var result = Flyway.configure().dataSource(jdbcUrl, "postgres", "").locations("filesystem:" + migrations.toAbsolutePath())
                .initSql("SET maintenance_work_mem = '1GB'").load().migrate();
        System.out.printf(Locale.ROOT, "applied %d migration(s) in %.1f s%n", result.migrationsExecuted, ms(t0) / 1000.0);
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            for (String t : TABLES) {
                s.execute("VACUUM (ANALYZE) " + t);
            }
        }
    }

    /** Records and drops the read model's foreign keys, primary keys and indexes; returns the DDL that rebuilds them. */
    private List<String> dropKeysAndIndexes() throws SQLException {
        List<String> drops = new ArrayList<>();
        List<String> primaryKeys = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        List<String> foreignKeys = new ArrayList<>();
        String tables = "'" + String.join("','", TABLES) + "'";
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid), contype"
                    + " FROM pg_constraint WHERE contype IN ('f', 'p') AND conrelid::regclass::text IN (" + tables + ")"
                    + " ORDER BY contype, conrelid::regclass::text, conname")) {
                while (rs.next()) {
                    String ddl = "ALTER TABLE " + rs.getString(1) + " ADD CONSTRAINT " + rs.getString(2) + " " + rs.getString(3);
                    ("f".equals(rs.getString(4)) ? foreignKeys : primaryKeys).add(ddl);
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)"
                    + " FROM pg_index i WHERE i.indrelid::regclass::text IN (" + tables + ")"
                    + " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid) ORDER BY 1")) {
                while (rs.next()) {
                    drops.add("DROP INDEX " + rs.getString(1));
                    indexes.add(rs.getString(2));
                }
            }
            for (String fk : foreignKeys) {
                String[] p = fk.split(" ");
                s.execute("ALTER TABLE " + p[2] + " DROP CONSTRAINT " + p[5]);
            }
            for (String pk : primaryKeys) {
                String[] p = pk.split(" ");
                s.execute("ALTER TABLE " + p[2] + " DROP CONSTRAINT " + p[5]);
            }
            for (String d : drops) {
                s.execute(d);
            }
        }
        List<String> rebuild = new ArrayList<>(primaryKeys);
        rebuild.addAll(indexes);
        rebuild.addAll(foreignKeys);
        return rebuild;
    }

    private long writeEntities(SyntheticWorld world, List<ArticleGenerator> generators) throws SQLException {
        long count = 0;
        try (CopyStream entityOut = new CopyStream(jdbcUrl, "COPY entity (id, name, type, subtype, wikipedia, first_seen, last_seen,"
                + " article_count, mention_count) FROM STDIN");
                CopyStream aliasOut = new CopyStream(jdbcUrl, "COPY entity_alias (entity_id, alias, alias_key) FROM STDIN")) {
            for (int t = 0; t < SyntheticWorld.TYPES.length; t++) {
                for (int r = 0; r < SyntheticWorld.TYPE_SIZES[t]; r++) {
                    int articles = 0;
                    int mentions = 0;
                    long first = Long.MAX_VALUE;
                    long last = Long.MIN_VALUE;
                    for (ArticleGenerator g : generators) {
                        articles += g.articles[t][r];
                        mentions += g.mentions[t][r];
                        if (g.articles[t][r] > 0) {
                            first = Math.min(first, g.firstSeen[t][r]);
                            last = Math.max(last, g.lastSeen[t][r]);
                        }
                    }
                    if (articles == 0) {
                        continue; // the read model only knows entities some article mentioned
                    }
                    count++;
                    String id = world.entityIds[t][r];
                    String name = world.entityNames[t][r];
                    entityOut.raw(id).field(name).raw(SyntheticWorld.TYPES[t]).raw(null).raw(null)
                            .raw(ArticleGenerator.TS.format(Instant.ofEpochSecond(first)))
                            .raw(ArticleGenerator.TS.format(Instant.ofEpochSecond(last))).raw(articles).raw(mentions);
                    entityOut.endRow();
                    List<String> names = new ArrayList<>();
                    names.add(name);
                    names.addAll(world.aliases(t, r));
                    java.util.Set<String> keys = new java.util.HashSet<>();
                    for (String alias : names) {
                        String key = io.newslens.query.service.ReadModelWriter.aliasKey(alias);
                        if (keys.add(key)) {
                            aliasOut.raw(id).field(alias).field(key);
                            aliasOut.endRow();
                        }
                    }
                }
            }
        }
        return count;
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
