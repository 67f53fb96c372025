package io.newslens.benchmarks.query;

import io.newslens.query.search.SearchQuery;
import io.newslens.query.search.SearchRequest;
import io.newslens.query.search.SearchResult;
import io.newslens.query.search.SearchService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * Measures each query shape through query-service's code ({@link ServiceHarness}) and, in the same run, the raw SQL
 * of the same statements over plain JDBC. Each scenario has several variants (different words, entities, dates) so
 * that no single cached answer is measured; a warm-up pass runs every variant through both paths (and captures the
 * statements), then the timed iterations cycle through the variants, alternating which path goes first.
 */
final class QueryRuns {

    /** One way to call the service; returns a short description of the answer (total, hits). */
    interface Call {
        String run();
    }

    record Scenario(String name, String what, List<Call> variants) {
    }

    record Stats(int n, double p50, double p95, double p99, double max, double mean) {
        static Stats of(List<Double> ms) {
            double[] a = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            if (a.length == 0) {
                return new Stats(0, 0, 0, 0, 0, 0);
            }
            return new Stats(a.length, pct(a, 50), pct(a, 95), pct(a, 99), a[a.length - 1], Arrays.stream(a).average().orElse(0));
        }

        /** Nearest-rank percentile. */
        static double pct(double[] sorted, double p) {
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
        }
    }

    private QueryRuns() {
    }

    static void main(String jdbcUrl, Vocabulary vocabulary, long seed, Map<String, String> o) throws Exception {
        ServiceHarness.quietLogs();
        int iterations = Integer.parseInt(o.getOrDefault("iterations", "100"));
        int variantCount = Integer.parseInt(o.getOrDefault("variants", "5"));
        long budgetMs = Long.parseLong(o.getOrDefault("budget-seconds", "30")) * 1000;
        Set<String> only = o.containsKey("only") ? Set.of(o.get("only").split(",")) : null;
        Set<String> explain = o.containsKey("explain") ? Set.of(o.get("explain").split(",")) : Set.of();
        // scenarios timed on the service path only (their PostgreSQL baseline takes minutes and is known from earlier runs)
        Set<String> noBaseline = o.containsKey("no-baseline") ? Set.of(o.get("no-baseline").split(",")) : Set.of();
        Duration timeout = Duration.parse("PT" + o.getOrDefault("statement-timeout", "10S"));
        try (ServiceHarness h = new ServiceHarness(jdbcUrl, timeout)) {
            System.out.println("text index: opening and catching up with the database ...");
            double took = h.buildTextIndex();
            System.out.printf(Locale.ROOT, "text index: %,d articles, up to date after %.1f s%n", h.textIndex.documents(), took);
            Fixtures f = new Fixtures(jdbcUrl, vocabulary, seed, variantCount);
            List<Scenario> scenarios = scenarios(h, f);
            StringBuilder table = new StringBuilder();
            table.append("| scenario | what | n service / SQL | service p50 | p95 | p99 | raw SQL p50 | p95 | p99 | errors | typical answer |\n");
            table.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
            System.out.printf(Locale.ROOT, "%d scenarios, up to %d timed iterations each over %d variants, %s%n", scenarios.size(),
                    iterations, variantCount, jdbcUrl);
            for (Scenario s : scenarios) {
                if (only != null && !only.contains(s.name())) {
                    continue;
                }
                String row = measure(h, s, iterations, budgetMs, explain.contains(s.name()), !noBaseline.contains(s.name()), jdbcUrl);
                table.append(row).append('\n');
                System.out.println(row);
                System.out.flush();
            }
            System.out.println();
            System.out.println(table);
            Path out = Path.of("benchmarks/target/query-bench-results.md");
            if (Files.isDirectory(out.getParent())) {
                Files.writeString(out, table.toString());
                System.out.println("written to " + out);
            }
        }
    }

    private static String measure(ServiceHarness h, Scenario s, int iterations, long budgetMs, boolean explain, boolean baselined,
            String jdbcUrl) throws Exception {
        // warm-up and capture: every variant once on the PostgreSQL path (recording its SQL) and replayed raw; a variant
        // PostgreSQL cannot answer within the statement timeout has no baseline but is still timed on the service path
        List<List<ServiceHarness.Captured>> replays = new ArrayList<>();
        String answer = null;
        int baselineFailures = 0;
        double failedMs = 0;
        double rawWarm = 0;
        for (Call v : baselined ? s.variants() : List.<Call>of()) {
            String[] result = new String[1];
            long t = System.nanoTime();
            try {
                List<ServiceHarness.Captured> statements = h.capture(() -> result[0] = v.run());
                if (answer == null) {
                    answer = result[0];
                }
                long r = System.nanoTime();
                h.replay(statements);
                rawWarm = Math.max(rawWarm, (System.nanoTime() - r) / 1e6);
                replays.add(statements);
            } catch (RuntimeException | SQLException e) {
                failedMs = Math.max(failedMs, (System.nanoTime() - t) / 1e6);
                System.out.println("  " + s.name() + ": PostgreSQL path failed: " + rootMessage(e));
                baselineFailures++;
            }
        }
        // the service path (text index) and the raw SQL baseline get their own iteration counts: a fast path is not
        // held to the few samples a multi-second baseline fits into the time budget
        double serviceWarm = 0;
        String serviceAnswer = null;
        int errors = 0;
        for (Call v : s.variants()) {
            long t = System.nanoTime();
            try {
                String a = v.run();
                if (serviceAnswer == null) {
                    serviceAnswer = a;
                }
            } catch (RuntimeException e) {
                System.out.println("  " + s.name() + ": service failed: " + rootMessage(e));
                errors++;
            }
            serviceWarm = Math.max(serviceWarm, (System.nanoTime() - t) / 1e6);
        }
        int nService = (int) Math.max(Math.min(iterations, 5), Math.min(iterations, budgetMs / 2 / Math.max(1, serviceWarm)));
        int nRaw = replays.isEmpty() ? 0
                : (int) Math.max(Math.min(iterations, 5), Math.min(iterations, budgetMs / 2 / Math.max(1, rawWarm)));
        int n = Math.max(nService, nRaw);
        List<Double> service = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean serviceFirst = i % 2 == 0;
            for (int k = 0; k < 2; k++) {
                boolean doService = (k == 0) == serviceFirst;
                if (doService ? i >= nService : i >= nRaw) {
                    continue;
                }
                long t = System.nanoTime();
                try {
                    if (doService) {
                        s.variants().get(i % s.variants().size()).run();
                    } else {
                        h.replay(replays.get(i % replays.size()));
                    }
                } catch (RuntimeException | SQLException e) {
                    errors++;
                }
                double ms = (System.nanoTime() - t) / 1e6;
                (doService ? service : raw).add(ms);
            }
        }
        if (explain && !replays.isEmpty()) {
            explain(jdbcUrl, s, replays.get(0));
        }
        if (serviceAnswer != null && !serviceAnswer.equals(answer)) {
            answer = answer == null ? "index: " + serviceAnswer : "PostgreSQL: " + answer + "; index: " + serviceAnswer;
        }
        Stats a = Stats.of(service);
        String baseline;
        if (!baselined) {
            baseline = "not run | – | –";
        } else if (raw.isEmpty()) {
            baseline = String.format(Locale.ROOT, "> %.0f (timeout) | – | –", failedMs);
        } else {
            Stats b = Stats.of(raw);
            baseline = String.format(Locale.ROOT, "%.1f | %.1f | %.1f", b.p50(), b.p95(), b.p99());
        }
        String failures = baselineFailures == 0 ? "" : " (" + baselineFailures + " of " + s.variants().size()
                + " variants over the statement timeout on PostgreSQL)";
        return String.format(Locale.ROOT, "| %s | %s | %d / %d | %.1f | %.1f | %.1f | %s | %d | %s%s |", s.name(), s.what(),
                nService, nRaw, a.p50(), a.p95(), a.p99(), baseline, errors, answer, failures);
    }


    /** EXPLAIN (ANALYZE, BUFFERS) of every captured statement of one variant, slowest plans first in the output. */
    private static void explain(String jdbcUrl, Scenario s, List<ServiceHarness.Captured> statements) throws Exception {
        System.out.println("---- EXPLAIN " + s.name());
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            for (ServiceHarness.Captured st : statements) {
                if (!st.sql().stripLeading().toUpperCase(Locale.ROOT).startsWith("SELECT")
                        && !st.sql().stripLeading().toUpperCase(Locale.ROOT).startsWith("WITH")) {
                    continue;
                }
                try (PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + st.sql())) {
                    for (Object[] bind : st.binds()) {
                        ((java.lang.reflect.Method) bind[0]).invoke(ps, (Object[]) bind[1]);
                    }
                    StringBuilder plan = new StringBuilder();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            plan.append("    ").append(rs.getString(1)).append('\n');
                        }
                    }
                    System.out.println("  SQL: " + st.sql().replaceAll("\\s+", " "));
                    System.out.print(plan);
                }
            }
        }
    }

    private static String rootMessage(Throwable e) {
        while (e.getCause() != null) {
            e = e.getCause();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** Words, entities, dates and cursors the scenarios draw their variants from. */
    static final class Fixtures {
        final int variants;
        final List<String> commonWords = new ArrayList<>();
        final List<String> midWords = new ArrayList<>();
        final List<String> rareWords = new ArrayList<>();
        final List<String> phrases = new ArrayList<>();
        final List<String> topPeople;
        final List<String> midEntities;
        final List<String> tailEntities;
        final List<String> midPeopleNames;
        final Instant newest;
        final SplittableRandom random;

        Fixtures(String jdbcUrl, Vocabulary v, long seed, int variants) throws SQLException {
            this.variants = variants;
            this.random = new SplittableRandom(seed + 7);
            // common: the most frequent content words (not stop words); mid: ranks 2,000-5,000; rare: the far tail
            for (int r = 0; commonWords.size() < variants && r < v.realWords(); r++) {
                String w = v.word(r);
                if (!v.isFunctionWord(w) && w.length() > 3 && w.chars().allMatch(Character::isLetter)) {
                    commonWords.add(w);
                }
            }
            for (int i = 0; i < variants; i++) {
                midWords.add(v.word(2_000 + random.nextInt(3_000)));
                rareWords.add(v.word(100_000 + random.nextInt(v.size() - 100_000)));
            }
            Set<String> bigrams = new LinkedHashSet<>();
            for (String[] t : v.templates()) {
                for (int i = 0; i + 1 < t.length; i++) {
                    if (!v.isFunctionWord(t[i]) && !v.isFunctionWord(t[i + 1]) && t[i].length() > 3 && t[i + 1].length() > 3
                            && t[i].chars().allMatch(Character::isLetter) && t[i + 1].chars().allMatch(Character::isLetter)) {
                        bigrams.add(t[i] + " " + t[i + 1]);
                    }
                }
            }
            List<String> all = new ArrayList<>(bigrams);
            for (int i = 0; i < variants && !all.isEmpty(); i++) {
                phrases.add(all.get(random.nextInt(all.size())));
            }
            try (Connection c = DriverManager.getConnection(jdbcUrl)) {
                topPeople = ids(c, "SELECT id FROM entity WHERE type = 'PERSON' ORDER BY article_count DESC, id LIMIT ?", variants);
                midEntities = ids(c, "SELECT id FROM entity ORDER BY article_count DESC, id OFFSET 200 LIMIT ?", variants);
                tailEntities = ids(c, "SELECT id FROM entity WHERE article_count BETWEEN 20 AND 60 ORDER BY id LIMIT ?", variants);
                midPeopleNames = ids(c, "SELECT name FROM entity WHERE type = 'PERSON' ORDER BY article_count DESC, id OFFSET 100 LIMIT ?",
                        variants);
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT max(sort_time) FROM article")) {
                    rs.next();
                    newest = rs.getTimestamp(1).toInstant();
                }
            }
        }

        private static List<String> ids(Connection c, String sql, int n) throws SQLException {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setInt(1, n);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        }

        /** A 90-day window somewhere in the archive, for variant i. */
        Instant windowStart(int i) {
            return newest.minus(90 + (i * 31L) % 600, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
        }
    }

    static SearchRequest request(String q, List<String> entities, Instant from, Instant to, String sort, int page,
            SearchRequest.Cursor cursor) {
        return new SearchRequest(q, q == null ? null : SearchQuery.parse(q), entities, null, List.of(), null, from, to, sort, page,
                20, cursor);
    }

    static String describe(SearchResult r) {
        return "total " + r.total() + ", " + r.hits().size() + " hits";
    }

    private static List<Call> variants(int n, IntFunction<Call> make) {
        List<Call> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(make.apply(i));
        }
        return out;
    }

    static List<Scenario> scenarios(ServiceHarness h, Fixtures f) {
        SearchService search = h.search;
        int n = f.variants;
        List<Scenario> out = new ArrayList<>();
        out.add(new Scenario("search-common-date", "one common word, newest first, facets",
                variants(n, i -> () -> describe(search.search(request(f.commonWords.get(i), List.of(), null, null, "date", 1, null), true)))));
        out.add(new Scenario("search-common-relevance", "one common word, by relevance, facets",
                variants(n, i -> () -> describe(search.search(request(f.commonWords.get(i), List.of(), null, null, "relevance", 1, null), true)))));
        out.add(new Scenario("search-mid-relevance", "one mid-frequency word, by relevance, facets",
                variants(n, i -> () -> describe(search.search(request(f.midWords.get(i), List.of(), null, null, "relevance", 1, null), true)))));
        out.add(new Scenario("search-rare-relevance", "one rare word, by relevance, facets",
                variants(n, i -> () -> describe(search.search(request(f.rareWords.get(i), List.of(), null, null, "relevance", 1, null), true)))));
        out.add(new Scenario("search-phrase", "\"two-word phrase\", by relevance, facets",
                variants(n, i -> () -> describe(search.search(request("\"" + f.phrases.get(i % f.phrases.size()) + "\"", List.of(), null,
                        null, "relevance", 1, null), true)))));
        out.add(new Scenario("search-name-phrase", "\"person's name\" phrase, newest first, facets",
                variants(n, i -> () -> describe(search.search(request("\"" + f.midPeopleNames.get(i % f.midPeopleNames.size()) + "\"",
                        List.of(), null, null, "date", 1, null), true)))));
        out.add(new Scenario("search-and-or", "(common OR common) AND mid, by relevance, facets",
                variants(n, i -> () -> describe(search.search(request("(" + f.commonWords.get(i) + " OR " + f.commonWords.get((i + 1) % n)
                        + ") AND " + f.midWords.get(i), List.of(), null, null, "relevance", 1, null), true)))));
        out.add(new Scenario("search-entity-date-filter", "common word + top person + 90 days, newest first, facets",
                variants(n, i -> () -> describe(search.search(request(f.commonWords.get(i), List.of(f.topPeople.get(i % 5)),
                        f.windowStart(i), f.windowStart(i).plus(90, ChronoUnit.DAYS), "date", 1, null), true)))));
        out.add(new Scenario("search-entity-only", "no words, one mid entity, newest first, facets",
                variants(n, i -> () -> describe(search.search(request(null, List.of(f.midEntities.get(i)), null, null, "date", 1, null),
                        true)))));
        out.add(new Scenario("search-no-facets", "one common word, newest first, hits only",
                variants(n, i -> () -> describe(search.search(request(f.commonWords.get(i), List.of(), null, null, "date", 1, null), false)))));
        // deep paging: the cursor after 1,000 hits (found once per variant through the service, not timed)
        List<SearchRequest.Cursor> cursors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SearchResult page50 = search.search(request(f.midWords.get(i), List.of(), null, null, "date", 50, null), false);
            cursors.add(page50.nextCursor() == null ? null : SearchService.decodeCursor(page50.nextCursor()));
        }
        out.add(new Scenario("search-deep-cursor", "mid word, newest first, cursor after 1,000 hits, facets",
                variants(n, i -> () -> describe(search.search(request(f.midWords.get(i), List.of(), null, null, "date", 1,
                        cursors.get(i)), true)))));
        out.add(new Scenario("search-deep-offset", "mid word, newest first, page 50 by offset, facets",
                variants(n, i -> () -> describe(search.search(request(f.midWords.get(i), List.of(), null, null, "date", 50, null), true)))));
        out.add(new Scenario("entity-profile-top", "profile of a top-5 person (in ~20% of articles)",
                variants(n, i -> () -> h.transactional(() -> h.entities.profile(f.topPeople.get(i % 5)).map(p -> "articles "
                        + p.articleCount() + ", " + p.mentionsPerDay().size() + " days").orElse("missing")))));
        out.add(new Scenario("entity-profile-mid", "profile of an entity ranked ~200",
                variants(n, i -> () -> h.transactional(() -> h.entities.profile(f.midEntities.get(i)).map(p -> "articles "
                        + p.articleCount() + ", " + p.mentionsPerDay().size() + " days").orElse("missing")))));
        out.add(new Scenario("entity-profile-tail", "profile of an entity in 20-60 articles",
                variants(n, i -> () -> h.transactional(() -> h.entities.profile(f.tailEntities.get(i % f.tailEntities.size()))
                        .map(p -> "articles " + p.articleCount()).orElse("missing")))));
        out.add(new Scenario("entity-network-mid-d1", "network depth 1, limit 25, entity ranked ~200",
                variants(n, i -> () -> h.transactional(() -> h.entities.network(f.midEntities.get(i), 1, 25, null, null)
                        .map(x -> x.nodes().size() + " nodes, " + x.edges().size() + " edges").orElse("missing")))));
        out.add(new Scenario("entity-network-mid-d2", "network depth 2, limit 50, entity ranked ~200",
                variants(n, i -> () -> h.transactional(() -> h.entities.network(f.midEntities.get(i), 2, 50, null, null)
                        .map(x -> x.nodes().size() + " nodes, " + x.edges().size() + " edges").orElse("missing")))));
        out.add(new Scenario("entity-network-top-d1", "network depth 1, limit 25, top-5 person",
                variants(n, i -> () -> h.transactional(() -> h.entities.network(f.topPeople.get(i % 5), 1, 25, null, null)
                        .map(x -> x.nodes().size() + " nodes, " + x.edges().size() + " edges").orElse("missing")))));
        out.add(new Scenario("stories-latest", "stories list, newest first, page 1..5",
                variants(n, i -> () -> h.transactional(() -> {
                    var p = h.stories.list(null, null, null, 1 + i % 5, 20);
                    return "total " + p.total() + ", " + p.items().size() + " items";
                }))));
        out.add(new Scenario("stories-by-entity-mid", "stories mentioning an entity ranked ~200",
                variants(n, i -> () -> h.transactional(() -> {
                    var p = h.stories.list(f.midEntities.get(i), null, null, 1, 20);
                    return "total " + p.total() + ", " + p.items().size() + " items";
                }))));
        out.add(new Scenario("stories-by-entity-top", "stories mentioning a top-5 person",
                variants(n, i -> () -> h.transactional(() -> {
                    var p = h.stories.list(f.topPeople.get(i % 5), null, null, 1, 20);
                    return "total " + p.total() + ", " + p.items().size() + " items";
                }))));
        return out;
    }
}
