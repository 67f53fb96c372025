package io.newslens.query.search;

import io.newslens.query.search.ArticleTextIndex.FacetedSearcher;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BitDocIdSet;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * A search answered by {@link ArticleTextIndex}: one pass over the matching articles gives the page of hits, the exact
 * total, the entity and source facets and the date histogram; PostgreSQL then only reads the page's rows by primary
 * key (title, URL, story) and highlights their snippets, the same way as the SQL path.
 */
final class IndexedSearch {

    private static final Sort BY_RELEVANCE = new Sort(SortField.FIELD_SCORE, new SortField(ArticleTextIndex.ID, SortField.Type.STRING, true));
    private static final Sort BY_DATE = new Sort(new SortField(ArticleTextIndex.TIME, SortField.Type.LONG, true),
            new SortField(ArticleTextIndex.ID, SortField.Type.STRING, true));

    /** The page's article ids in order, their scores, the exact total and the facets. */
    record Page(List<String> ids, Map<String, Float> scores, long total, SearchResult.Facets facets) {
    }

    private static final long DAY_MS = 86_400_000L;

    private IndexedSearch() {
    }

    static Page search(ArticleTextIndex index, Connection c, SearchRequest r, boolean withFacets, int facetSample)
            throws IOException, SQLException {
        FacetedSearcher searcher = index.acquire();
        try {
            boolean relevance = r.byRelevance() && r.query() != null;
            Set<String> languages = r.language() != null ? Set.of(TextAnalyzers.key(r.language())) : searcher.languages();
            Query query = new LuceneQueries(index.analyzers(), languages).build(r);
            int maxDoc = Math.max(1, searcher.getIndexReader().maxDoc());
            int want = r.cursor() != null ? r.size() : (int) Math.min((long) r.page() * r.size(), maxDoc);
            int skip = r.cursor() != null ? 0 : (r.page() - 1) * r.size();
            Sort sort = relevance ? BY_RELEVANCE : BY_DATE;
            FacetsCollectorManager.FacetsResult result;
            if (r.cursor() != null) {
                // ids are unique, so the doc number only breaks ties of the cursor's own article: past every doc, it is skipped
                int last = maxDoc - 1;
                FieldDoc after = relevance
                        ? new FieldDoc(last, (float) r.cursor().rank(),
                                new Object[] {(float) r.cursor().rank(), new BytesRef(r.cursor().id())})
                        : new FieldDoc(last, Float.NaN,
                                new Object[] {r.cursor().time().toEpochMilli(), new BytesRef(r.cursor().id())});
                result = FacetsCollectorManager.searchAfter(searcher, after, query, want, sort, relevance, new FacetsCollectorManager());
            } else {
                result = FacetsCollectorManager.search(searcher, query, Math.max(1, want), sort, relevance, new FacetsCollectorManager());
            }
            TopDocs top = result.topDocs();
            FacetsCollector matching = result.facetsCollector();
            long total = 0;
            for (FacetsCollector.MatchingDocs md : matching.getMatchingDocs()) {
                total += md.totalHits;
            }
            List<String> ids = new ArrayList<>();
            Map<String, Float> scores = new HashMap<>();
            var stored = searcher.storedFields();
            for (int i = skip; i < top.scoreDocs.length; i++) {
                ScoreDoc sd = top.scoreDocs[i];
                String id = stored.document(sd.doc, Set.of(ArticleTextIndex.ID)).get(ArticleTextIndex.ID);
                ids.add(id);
                if (relevance) {
                    scores.put(id, sd.score);
                }
            }
            SearchResult.Facets facets = withFacets ? facets(searcher, matching, total, facetSample, c) : null;
            return new Page(ids, scores, total, facets);
        } finally {
            index.release(searcher);
        }
    }

    /**
     * About one in k of the matching articles, picked by a hash of their position in the match: spread over the whole
     * match (and over time), the same for the same match, and free of the aliasing a fixed stride has with any
     * periodic order of the documents.
     */
    static FacetsCollector sample(FacetsCollector matching, long total, int sampleSize) {
        long step = (total + sampleSize - 1) / sampleSize;
        List<FacetsCollector.MatchingDocs> sampled = new ArrayList<>();
        long seen = 0;
        try {
            for (FacetsCollector.MatchingDocs md : matching.getMatchingDocs()) {
                FixedBitSet bits = new FixedBitSet(md.context.reader().maxDoc());
                int kept = 0;
                DocIdSetIterator it = md.bits.iterator();
                for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                    if (Long.remainderUnsigned(mix(seen++), step) == 0) {
                        bits.set(doc);
                        kept++;
                    }
                }
                sampled.add(new FacetsCollector.MatchingDocs(md.context, new BitDocIdSet(bits, kept), kept, null));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new FacetsCollector() {
            @Override
            public List<MatchingDocs> getMatchingDocs() {
                return sampled;
            }
        };
    }

    /** MurmurHash3's 64-bit finaliser. */
    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb93fe53a87d3L;
        return x ^ (x >>> 33);
    }

    private static SearchResult.Facets facets(FacetedSearcher searcher, FacetsCollector matching, long total, int facetSample,
            Connection c) throws IOException, SQLException {
        Map<String, List<SearchResult.EntityCount>> entities = new TreeMap<>();
        List<SearchResult.SourceCount> sources = new ArrayList<>();
        Long sampledArticles = null;
        double scale = 1;
        if (searcher.facets() != null) {
            FacetsCollector counted = matching;
            if (facetSample > 0 && total > facetSample) {
                counted = sample(matching, total, facetSample);
                long kept = 0;
                for (FacetsCollector.MatchingDocs md : counted.getMatchingDocs()) {
                    kept += md.totalHits;
                }
                sampledArticles = kept;
                scale = (double) total / Math.max(1, kept);
            }
            double factor = scale;
            SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(searcher.facets(), counted);
            Map<String, List<LabelAndValue>> byType = new TreeMap<>();
            List<String> entityIds = new ArrayList<>();
            for (String dim : searcher.facets().getDims()) {
                if (dim.startsWith(ArticleTextIndex.ENTITY_DIM_PREFIX)) {
                    FacetResult top = counts.getTopChildren(10, dim);
                    if (top != null && top.labelValues.length > 0) {
                        byType.put(dim.substring(ArticleTextIndex.ENTITY_DIM_PREFIX.length()), List.of(top.labelValues));
                        for (LabelAndValue lv : top.labelValues) {
                            entityIds.add(lv.label);
                        }
                    }
                }
            }
            Map<String, String> names = entityNames(c, entityIds);
            byType.forEach((type, values) -> {
                List<SearchResult.EntityCount> list = new ArrayList<>();
                for (LabelAndValue lv : values) {
                    String name = names.get(lv.label);
                    if (name != null) {
                        list.add(new SearchResult.EntityCount(lv.label, name, Math.round(lv.value.longValue() * factor)));
                    }
                }
                if (!list.isEmpty()) {
                    entities.put(type, list);
                }
            });
            FacetResult top = counts.getTopChildren(20, ArticleTextIndex.SOURCE_DIM);
            if (top != null) {
                for (LabelAndValue lv : top.labelValues) {
                    sources.add(new SearchResult.SourceCount(lv.label, Math.round(lv.value.longValue() * factor)));
                }
            }
        }
        // the date histogram: matching articles per day (an array over the index's day range), then buckets as wide
        // as the span of the matching days asks
        List<SearchResult.DateCount> dates = new ArrayList<>();
        String interval = null;
        byte[] minPacked = PointValues.getMinPackedValue(searcher.getIndexReader(), ArticleTextIndex.TIME);
        byte[] maxPacked = PointValues.getMaxPackedValue(searcher.getIndexReader(), ArticleTextIndex.TIME);
        if (minPacked != null && maxPacked != null) {
            long firstDay = Math.floorDiv(LongPoint.decodeDimension(minPacked, 0), DAY_MS);
            long lastDay = Math.floorDiv(LongPoint.decodeDimension(maxPacked, 0), DAY_MS);
            long[] perDay = new long[(int) (lastDay - firstDay + 1)];
            for (FacetsCollector.MatchingDocs md : matching.getMatchingDocs()) {
                NumericDocValues times = DocValues.getNumeric(md.context.reader(), ArticleTextIndex.TIME);
                DocIdSetIterator it = md.bits.iterator();
                for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                    if (times.advanceExact(doc)) {
                        perDay[(int) (Math.floorDiv(times.longValue(), DAY_MS) - firstDay)]++;
                    }
                }
            }
            int lo = 0;
            while (lo < perDay.length && perDay[lo] == 0) {
                lo++;
            }
            int hi = perDay.length - 1;
            while (hi >= lo && perDay[hi] == 0) {
                hi--;
            }
            if (lo <= hi) {
                long days = hi - lo;
                interval = days <= 90 ? "day" : days <= 730 ? "week" : "month";
                TreeMap<LocalDate, Long> buckets = new TreeMap<>();
                for (int i = lo; i <= hi; i++) {
                    if (perDay[i] == 0) {
                        continue;
                    }
                    LocalDate day = LocalDate.ofEpochDay(firstDay + i);
                    LocalDate bucket = switch (interval) {
                        case "day" -> day;
                        case "week" -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                        default -> day.withDayOfMonth(1);
                    };
                    buckets.merge(bucket, perDay[i], Long::sum);
                }
                buckets.forEach((bucket, n) -> dates.add(new SearchResult.DateCount(bucket.toString(), n)));
            }
        }
        return new SearchResult.Facets(entities, sources, dates, interval, sampledArticles);
    }

    private static Map<String, String> entityNames(Connection c, List<String> ids) throws SQLException {
        Map<String, String> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name FROM entity WHERE id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("varchar", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }
}
