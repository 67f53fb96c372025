package io.newslens.benchmarks.query;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The 1M-article query benchmark of query-service (issue 5, item 12). Not a test: run it by hand, see
 * docs/query-benchmark.md.
 *
 * <pre>
 *   benchmarks/run.sh QueryBench load [--articles 1000000] [--seed 42] [--threads 2]
 *   benchmarks/run.sh QueryBench run  [--iterations 100] [--variants 20] [--only name,name]
 *   benchmarks/run.sh QueryBench migrate   (applies query-service migrations added since the load, then VACUUM ANALYZE)
 *   benchmarks/run.sh QueryBench size
 *   benchmarks/run.sh QueryBench drop
 * common: [--host 127.0.0.1:5432] [--database newslens_query_bench]
 * </pre>
 * Run from the repository root (the corpus, samples and query-service's migrations are found from there).
 */
public final class QueryBench {

    private QueryBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: QueryBench load|run|migrate|size|drop [--options]  (see docs/query-benchmark.md)");
            System.exit(2);
        }
        Map<String, String> o = options(args);
        String host = o.getOrDefault("host", "127.0.0.1:5432");
        String database = o.getOrDefault("database", "newslens_query_bench");
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name: lower-case letters, digits and _ only");
        }
        long seed = Long.parseLong(o.getOrDefault("seed", "42"));
        Path root = Path.of(o.getOrDefault("root", "."));
        BenchLoader loader = new BenchLoader(host, database, root.resolve("query-service/src/main/resources/db/migration"));
        switch (args[0]) {
            case "load" -> {
                long articles = Long.parseLong(o.getOrDefault("articles", "1000000"));
                int threads = Integer.parseInt(o.getOrDefault("threads", "2"));
                Vocabulary vocabulary = vocabulary(root, seed);
                System.out.printf(Locale.ROOT, "vocabulary: %,d words (%,d real, from %,d corpus sentences)%n", vocabulary.size(),
                        vocabulary.realWords(), vocabulary.templates().size());
                System.out.printf(Locale.ROOT, "loading %,d articles into %s ...%n", articles, database);
                loader.load(vocabulary, articles, seed, threads);
                System.out.println("load timings (ms):");
                loader.timings.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %9d  %s%n", v, k));
                printSizes(loader.jdbcUrl());
            }
            case "run" -> QueryRuns.main(loader.jdbcUrl(), vocabulary(root, seed), seed, o);
            case "migrate" -> {
                // applies query-service migrations newer than the load (e.g. new indexes) to the loaded database
                loader.migrate();
                printSizes(loader.jdbcUrl());
            }
            case "size" -> printSizes(loader.jdbcUrl());
            case "drop" -> {
                loader.dropDatabase();
                System.out.println("dropped " + database);
            }
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    static Vocabulary vocabulary(Path root, long seed) throws java.io.IOException {
        List<Path> dirs = List.of(root.resolve("../shared/corpus"), root.resolve("samples"));
        if (dirs.stream().noneMatch(Files::isDirectory)) {
            throw new IllegalStateException("run from the repository root: ../shared/corpus and samples/ not found");
        }
        return Vocabulary.learn(dirs, 150_000, seed);
    }

    static void printSizes(String jdbcUrl) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT pg_size_pretty(pg_database_size(current_database()))")) {
                rs.next();
                System.out.println("database size: " + rs.getString(1));
            }
            try (ResultSet rs = s.executeQuery("""
                    SELECT c.relname, c.reltuples::bigint, pg_size_pretty(pg_table_size(c.oid)),
                           pg_size_pretty(pg_indexes_size(c.oid)), pg_size_pretty(pg_total_relation_size(c.oid))
                    FROM pg_class c WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace
                    ORDER BY pg_total_relation_size(c.oid) DESC""")) {
                System.out.println("| table | rows | table+toast | indexes | total |");
                System.out.println("|---|---:|---:|---:|---:|");
                while (rs.next()) {
                    System.out.printf(Locale.ROOT, "| %s | %,d | %s | %s | %s |%n", rs.getString(1), rs.getLong(2), rs.getString(3),
                            rs.getString(4), rs.getString(5));
                }
            }
            try (ResultSet rs = s.executeQuery("""
                    SELECT c.relname, pg_size_pretty(pg_relation_size(c.oid)) FROM pg_class c
                    WHERE c.relkind = 'i' AND c.relnamespace = 'public'::regnamespace ORDER BY pg_relation_size(c.oid) DESC""")) {
                System.out.println("indexes:");
                while (rs.next()) {
                    System.out.println("  " + rs.getString(1) + " " + rs.getString(2));
                }
            }
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            out.put(args[i].substring(2), args[++i]);
        }
        return out;
    }
}
