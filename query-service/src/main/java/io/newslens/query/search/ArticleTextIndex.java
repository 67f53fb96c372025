package io.newslens.query.search;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newslens.query.config.QueryConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.jboss.logging.Logger;

/**
 * The in-process Lucene index that answers article searches, facets and co-mention counts in milliseconds where
 * PostgreSQL full text needed seconds at a million articles (docs/query-benchmark.md). PostgreSQL stays the source of
 * truth: the index follows the read model by polling for articles indexed and removed since its watermark (with an
 * overlap, as transactions commit out of order), so every replica has every article whichever Kafka partitions it
 * consumes. It is kept on disk with its watermark and the read model's identity in each commit: a restart resumes,
 * an index of another database is rebuilt. Until it has caught up once, searches run on PostgreSQL.
 */
@ApplicationScoped
public class ArticleTextIndex {

    private static final Logger LOG = Logger.getLogger(ArticleTextIndex.class);

    static final String ID = "id";
    static final String TIME = "time";
    static final String ENTITY = "entity";
    static final String ENTITY_TYPE = "etype";
    static final String SOURCE = "source";
    static final String LANGUAGE = "lang";
    /** Facet dimension of outlets; entity dimensions are {@code entity.<TYPE>}. */
    static final String SOURCE_DIM = "source";
    static final String ENTITY_DIM_PREFIX = "entity.";
    static final String UNKNOWN_SOURCE = "(unknown)";

    /** Rows committed after a later-starting transaction carry an earlier indexed_at: re-read this far back. */
    private static final Duration OVERLAP = Duration.ofSeconds(30);
    /** How far back a search checks row by row that the index holds what the read model committed. */
    private static final Duration FRESHNESS_WINDOW = Duration.ofSeconds(5);
    private static final int BATCH = 2000;
    private static final String USER_IDENTITY = "readModelIdentity";
    private static final String USER_WATERMARK = "watermark";
    private static final String USER_REMOVED_WATERMARK = "removedWatermark";

    /** Every dimension may hold several values per article except the outlet. */
    static final FacetsConfig FACETS = new FacetsConfig() {
        @Override
        protected DimConfig getDefaultDimConfig() {
            DimConfig multi = new DimConfig();
            multi.multiValued = true;
            return multi;
        }
    };

    static {
        FACETS.setMultiValued(SOURCE_DIM, false);
        // a query over every language's title and body fields has more clauses than Lucene's default of 1,024
        IndexSearcher.setMaxClauseCount(16_384);
    }

    /** A searcher with the facet ordinals of its reader, built once per refresh instead of once per search. */
    public static final class FacetedSearcher extends IndexSearcher {
        private final SortedSetDocValuesReaderState facets;
        private final Set<String> languages;

        FacetedSearcher(IndexReader reader, java.util.concurrent.Executor executor) throws IOException {
            // segments are searched in parallel: one large search uses every core instead of one
            super(reader, executor);
            SortedSetDocValuesReaderState state = null;
            try {
                state = new DefaultSortedSetDocValuesReaderState(reader, FACETS);
            } catch (IllegalArgumentException noFacetsYet) {
                // an empty index has no facet field
            }
            this.facets = state;
            Set<String> keys = new TreeSet<>();
            for (FieldInfo f : FieldInfos.getMergedFieldInfos(reader)) {
                if (f.name.startsWith("body_")) {
                    keys.add(f.name.substring(5));
                }
            }
            this.languages = keys;
        }

        public SortedSetDocValuesReaderState facets() {
            return facets;
        }

        /** The analyzer keys of the languages the index holds articles in. */
        public Set<String> languages() {
            return languages;
        }
    }

    @Inject
    DataSource dataSource;
    @Inject
    QueryConfig config;
    @Inject
    MeterRegistry meters;

    private final TextAnalyzers analyzers = new TextAnalyzers();
    private FSDirectory directory;
    private Path directoryPath;
    private boolean temporaryDirectory;
    private IndexWriter writer;
    private SearcherManager searchers;
    private String identity;
    private volatile Instant watermark = Instant.EPOCH;
    private volatile Instant removedWatermark = Instant.EPOCH;
    /** What the overlap window already indexed, so re-reading it costs a lookup, not a re-analysis. */
    private final Map<String, Instant> recent = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Instant> recentRemovals = new java.util.concurrent.ConcurrentHashMap<>();
    /** Searches of large segments run on these, one per core (Lucene's slices). */
    private final ExecutorService searchThreads = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()),
            r -> {
                Thread t = new Thread(r, "text-index-search");
                t.setDaemon(true);
                return t;
            });
    private final ExecutorService catchUpThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "text-index-catch-up");
        t.setDaemon(true);
        return t;
    });
    private Instant lastCommit = Instant.now();
    private volatile boolean ready;
    private volatile boolean failed;

    public boolean ready() {
        return ready && !failed;
    }

    public TextAnalyzers analyzers() {
        return analyzers;
    }

    /** Number of articles in the current searcher (0 before the index opened). */
    public int documents() {
        if (searchers == null) {
            return 0;
        }
        try {
            IndexSearcher s = searchers.acquire();
            try {
                return s.getIndexReader().numDocs();
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            return 0;
        }
    }

    public FacetedSearcher acquire() throws IOException {
        return (FacetedSearcher) searchers.acquire();
    }

    public void release(FacetedSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            LOG.debugf("releasing a searcher failed: %s", e.getMessage());
        }
    }

    /**
     * Catches up now when the read model committed an article or removal the index has not seen: a search sees every
     * article committed before it, not only those of the last poll. Commits arrive out of order (indexed_at is the
     * transaction's start), so the last seconds are compared row by row with what the index took; an index-only
     * scan of a few rows when nothing is new.
     */
    public void catchUpIfBehind(Connection c) throws SQLException {
        if (!ready()) {
            return;
        }
        boolean behind = false;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, indexed_at FROM article WHERE indexed_at > ? ORDER BY indexed_at DESC LIMIT 5000")) {
            ps.setTimestamp(1, Timestamp.from(watermark.minus(FRESHNESS_WINDOW)));
            try (ResultSet rs = ps.executeQuery()) {
                while (!behind && rs.next()) {
                    behind = !rs.getTimestamp(2).toInstant().equals(recent.get(rs.getString(1)));
                }
            }
        }
        if (!behind) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, recorded_at FROM removed_article WHERE recorded_at > ?")) {
                ps.setTimestamp(1, Timestamp.from(removedWatermark.minus(FRESHNESS_WINDOW)));
                try (ResultSet rs = ps.executeQuery()) {
                    while (!behind && rs.next()) {
                        behind = !rs.getTimestamp(2).toInstant().equals(recentRemovals.get(rs.getString(1)));
                    }
                }
            }
        }
        if (behind) {
            // on a thread of its own: the caller may be inside a transaction its connections would join
            try {
                java.util.concurrent.CompletableFuture.runAsync(this::follow, catchUpThread).get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                LOG.debugf("catching up took over 30 s; searching what the index has");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.debugf("catching up failed: %s", e.getCause());
            }
        }
    }

    @Scheduled(every = "${newslens.query.text-index.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void follow() {
        if (!config.textIndex().enabled() || failed) {
            return;
        }
        try {
            if (writer == null) {
                open();
            }
            boolean wasReady = ready;
            long t0 = System.nanoTime();
            int changed = catchUp(!wasReady);
            if (changed > 0) {
                searchers.maybeRefreshBlocking();
            }
            if (!wasReady) {
                commit();
                ready = true;
                LOG.infof("text index ready: %d articles in %s (%.1f s)", documents(), directoryPath,
                        (System.nanoTime() - t0) / 1e9);
            } else if (changed > 0 && Duration.between(lastCommit, Instant.now()).toSeconds() >= 30) {
                commit();
            }
        } catch (Exception e) {
            // PostgreSQL unreachable for a moment: the next poll retries; searches keep using the index or PostgreSQL
            LOG.warnf("text index follow failed: %s", e.toString());
        }
    }

    private synchronized void open() throws IOException, SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id FROM read_model_identity")) {
            identity = rs.next() ? rs.getString(1) : "unknown";
        }
        Path base = config.textIndex().directory().map(Path::of)
                .orElse(Path.of(System.getProperty("java.io.tmpdir"), "newslens-text-index"));
        directoryPath = base.resolve(identity);
        Files.createDirectories(directoryPath);
        IndexWriterConfig iwc = new IndexWriterConfig(analyzers.perField())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(config.textIndex().ramBufferMb());
        try {
            directory = openDirectory(directoryPath);
            writer = new IndexWriter(directory, iwc);
        } catch (LockObtainFailedException held) {
            // another process of the same read model on this machine holds it: build a private one instead
            directory.close();
            directoryPath = Files.createTempDirectory("newslens-text-index-");
            temporaryDirectory = true;
            directory = openDirectory(directoryPath);
            writer = new IndexWriter(directory, new IndexWriterConfig(analyzers.perField())
                    .setRAMBufferSizeMB(config.textIndex().ramBufferMb()));
            LOG.infof("text index directory %s is in use; building a private index in %s", base.resolve(identity), directoryPath);
        }
        Map<String, String> committed = new HashMap<>();
        for (Map.Entry<String, String> e : writer.getLiveCommitData() == null ? List.<Map.Entry<String, String>>of()
                : writer.getLiveCommitData()) {
            committed.put(e.getKey(), e.getValue());
        }
        if (identity.equals(committed.get(USER_IDENTITY)) && committed.containsKey(USER_WATERMARK)) {
            watermark = Instant.parse(committed.get(USER_WATERMARK));
            removedWatermark = Instant.parse(committed.getOrDefault(USER_REMOVED_WATERMARK, Instant.EPOCH.toString()));
        } else if (writer.getDocStats().numDocs > 0) {
            writer.deleteAll();
        }
        searchers = new SearcherManager(writer, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) throws IOException {
                return new FacetedSearcher(reader, searchThreads);
            }
        });
        Gauge.builder("newslens.search.index.articles", this, ArticleTextIndex::documents)
                .description("Articles in query-service's text index").register(meters);
        LOG.infof("text index opened at %s (watermark %s)", directoryPath, watermark);
    }

    /** Indexes what was indexed or removed in the read model since the watermarks; returns how many changed. */
    int catchUp(boolean building) throws SQLException, IOException, InterruptedException {
        int changed = 0;
        Instant from = watermark.equals(Instant.EPOCH) ? Instant.EPOCH : watermark.minus(OVERLAP);
        Instant newest = watermark;
        String afterId = "";
        Instant afterTime = from;
        ExecutorService pool = building && config.textIndex().buildThreads() > 1
                ? Executors.newFixedThreadPool(config.textIndex().buildThreads()) : null;
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            while (true) {
                List<Document> docs = new ArrayList<>();
                List<String> ids = new ArrayList<>();
                int rows = 0;
                try (PreparedStatement ps = c.prepareStatement("""
                        SELECT a.id, a.title, a.text, a.language, a.source_name, a.sort_time, a.indexed_at,
                          (SELECT string_agg(ae.entity_type || ' ' || ae.entity_id, E'\\n') FROM article_entity ae
                           WHERE ae.article_id = a.id)
                        FROM article a WHERE (a.indexed_at, a.id) > (?, ?) ORDER BY a.indexed_at, a.id LIMIT ?
                        """)) {
                    ps.setTimestamp(1, Timestamp.from(afterTime));
                    ps.setString(2, afterId);
                    ps.setInt(3, BATCH);
                    ps.setFetchSize(500);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rows++;
                            String id = rs.getString(1);
                            Instant indexedAt = rs.getTimestamp(7).toInstant();
                            afterId = id;
                            afterTime = indexedAt;
                            if (indexedAt.isAfter(newest)) {
                                newest = indexedAt;
                            }
                            if (indexedAt.equals(recent.get(id))) {
                                continue;
                            }
                            recent.put(id, indexedAt);
                            docs.add(document(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                    rs.getTimestamp(6).toInstant(), rs.getString(8)));
                            ids.add(id);
                        }
                    }
                }
                c.commit();
                write(docs, pool);
                changed += docs.size();
                Instant keepFrom = newest.minus(OVERLAP);
                recent.values().removeIf(at -> at.isBefore(keepFrom));
                if (building && changed > 0 && changed % 50_000 < docs.size()) {
                    LOG.infof("text index: %,d articles indexed (%.0f/s)", changed, changed / ((System.nanoTime() - started) / 1e9));
                }
                if (rows < BATCH) {
                    break;
                }
            }
            Instant newestRemoval = removedWatermark;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, recorded_at FROM removed_article WHERE recorded_at > ? ORDER BY recorded_at")) {
                ps.setTimestamp(1, Timestamp.from(removedWatermark.equals(Instant.EPOCH) ? Instant.EPOCH
                        : removedWatermark.minus(OVERLAP)));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Instant at = rs.getTimestamp(2).toInstant();
                        if (at.isAfter(newestRemoval)) {
                            newestRemoval = at;
                        }
                        String id = rs.getString(1);
                        if (!at.equals(recentRemovals.get(id))) {
                            recentRemovals.put(id, at);
                            writer.deleteDocuments(new Term(ID, id));
                            changed++;
                        }
                    }
                }
            }
            c.commit();
            removedWatermark = newestRemoval;
        } finally {
            if (pool != null) {
                pool.shutdown();
            }
        }
        watermark = newest;
        Instant keepRemovedFrom = removedWatermark.minus(OVERLAP);
        recentRemovals.values().removeIf(at -> at.isBefore(keepRemovedFrom));
        return changed;
    }

    private void write(List<Document> docs, ExecutorService pool) throws IOException, InterruptedException {
        if (pool == null || docs.size() < 64) {
            for (Document d : docs) {
                writer.updateDocument(new Term(ID, d.get(ID)), d);
            }
            return;
        }
        int threads = config.textIndex().buildThreads();
        List<Future<?>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int part = t;
            parts.add(pool.submit(() -> {
                for (int i = part; i < docs.size(); i += threads) {
                    Document d = docs.get(i);
                    writer.updateDocument(new Term(ID, d.get(ID)), d);
                }
                return null;
            }));
        }
        for (Future<?> f : parts) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            }
        }
    }

    /**
     * An article as the index holds it: title and body in its language's fields, outlet, language, time and every
     * entity (id for filters, type for the type filter, both as facet values).
     */
    static Document document(String id, String title, String text, String language, String source, Instant sortTime,
            String entities) throws IOException {
        Document d = new Document();
        d.add(new StringField(ID, id, Field.Store.YES));
        d.add(new SortedDocValuesField(ID, new BytesRef(id)));
        String key = TextAnalyzers.key(language);
        if (title != null && !title.isBlank()) {
            d.add(new TextField(TextAnalyzers.titleField(key), title, Field.Store.NO));
        }
        d.add(new TextField(TextAnalyzers.bodyField(key), text == null ? "" : text, Field.Store.NO));
        if (language != null) {
            d.add(new StringField(LANGUAGE, language.toLowerCase(java.util.Locale.ROOT), Field.Store.NO));
        }
        if (source != null) {
            d.add(new StringField(SOURCE, source, Field.Store.NO));
        }
        d.add(new SortedSetDocValuesFacetField(SOURCE_DIM, source == null || source.isEmpty() ? UNKNOWN_SOURCE : source));
        long time = sortTime.toEpochMilli();
        d.add(new LongPoint(TIME, time));
        d.add(new NumericDocValuesField(TIME, time));
        d.add(new StoredField(TIME, time));
        if (entities != null) {
            Set<String> types = new LinkedHashSet<>();
            for (String line : entities.split("\n")) {
                int space = line.indexOf(' ');
                if (space <= 0) {
                    continue;
                }
                String type = line.substring(0, space);
                String entity = line.substring(space + 1);
                d.add(new StringField(ENTITY, entity, Field.Store.NO));
                d.add(new SortedSetDocValuesFacetField(ENTITY_DIM_PREFIX + type, entity));
                types.add(type);
            }
            for (String type : types) {
                d.add(new StringField(ENTITY_TYPE, type, Field.Store.NO));
            }
        }
        return FACETS.build(d);
    }

    /** Memory-mapped on the JVM; plain NIO in a native image, where Lucene's unmapping of mapped buffers is not available. */
    private static FSDirectory openDirectory(Path path) throws IOException {
        return io.quarkus.runtime.ImageMode.current() == io.quarkus.runtime.ImageMode.NATIVE_RUN ? new org.apache.lucene.store.NIOFSDirectory(path)
                : FSDirectory.open(path);
    }

    private synchronized void commit() throws IOException {
        Map<String, String> data = Map.of(USER_IDENTITY, identity, USER_WATERMARK, watermark.toString(),
                USER_REMOVED_WATERMARK, removedWatermark.toString());
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
        lastCommit = Instant.now();
    }

    void close(@Observes ShutdownEvent shutdown) {
        failed = true;
        catchUpThread.shutdownNow();
        searchThreads.shutdown();
        try {
            if (searchers != null) {
                searchers.close();
            }
            if (writer != null) {
                if (ready) {
                    commit();
                }
                writer.close();
            }
            if (directory != null) {
                directory.close();
            }
            if (temporaryDirectory) {
                try (Stream<Path> files = Files.walk(directoryPath)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debugf("closing the text index: %s", e.getMessage());
        }
    }
}
