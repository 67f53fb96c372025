package io.newslens.query.search;

import io.newslens.query.search.ArticleTextIndex.FacetedSearcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Co-mention counts from the text index's entity facets: which entities share articles with given ones, and how many
 * articles each pair of a set shares. PostgreSQL answered these by joining article_entity with itself, which took
 * seconds for an entity in a fifth of a million articles; the index counts the same articles in milliseconds.
 * Every method answers empty until the index has caught up with the read model, and callers fall back to SQL.
 */
@ApplicationScoped
public class CoMentionIndex {

    public record Count(String entityId, String type, long articles) {
    }

    public record Pair(String a, String b, long articles) {
    }

    public record SourceCount(String name, long articles) {
    }

    public record Profile(List<Count> coMentioned, List<SourceCount> sources) {
    }

    @Inject
    ArticleTextIndex index;
    @Inject
    DataSource dataSource;
    @Inject
    io.newslens.query.config.QueryConfig config;

    /** The articles to count: all of them, or an even sample with its scale when there are more than the facet sample. */
    private record Counted(FacetsCollector docs, double scale) {
    }

    private Counted counted(FacetsCollector fc) {
        long total = 0;
        for (FacetsCollector.MatchingDocs md : fc.getMatchingDocs()) {
            total += md.totalHits;
        }
        int sample = config.textIndex().facetSample();
        if (sample <= 0 || total <= sample) {
            return new Counted(fc, 1);
        }
        FacetsCollector sampled = IndexedSearch.sample(fc, total, sample);
        long kept = 0;
        for (FacetsCollector.MatchingDocs md : sampled.getMatchingDocs()) {
            kept += md.totalHits;
        }
        return new Counted(sampled, (double) total / Math.max(1, kept));
    }

    /** Articles mentioning any of the entities, within the optional time range. */
    private static Query mentioning(Collection<String> entities, Instant from, Instant to) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String e : entities) {
            any.add(new TermQuery(new Term(ArticleTextIndex.ENTITY, e)), Occur.SHOULD);
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(any.build(), Occur.MUST);
        if (from != null || to != null) {
            b.add(LongPoint.newRangeQuery(ArticleTextIndex.TIME, from == null ? Long.MIN_VALUE : from.toEpochMilli(),
                    to == null ? Long.MAX_VALUE : to.toEpochMilli() - 1), Occur.FILTER);
        }
        return b.build();
    }

    /** The entities most often in the same articles as the given ones (not themselves, not {@code excluding}). */
    public Optional<List<Count>> coMentioned(Collection<String> entities, Set<String> excluding, int limit, Instant from, Instant to) {
        return withSearcher(searcher -> {
            Counted c = counted(searcher.search(mentioning(entities, from, to), new FacetsCollectorManager()));
            return top(searcher, c, entities, excluding, limit);
        });
    }

    /** Co-mentioned entities and outlets of one entity's articles, from one pass over them. */
    public Optional<Profile> profile(String entity, int limit) {
        return withSearcher(searcher -> {
            Counted c = counted(searcher.search(mentioning(List.of(entity), null, null), new FacetsCollectorManager()));
            List<SourceCount> sources = new ArrayList<>();
            if (searcher.facets() != null) {
                FacetResult top = new SortedSetDocValuesFacetCounts(searcher.facets(), c.docs()).getTopChildren(limit, ArticleTextIndex.SOURCE_DIM);
                if (top != null) {
                    for (LabelAndValue lv : top.labelValues) {
                        sources.add(new SourceCount(lv.label, Math.round(lv.value.longValue() * c.scale())));
                    }
                }
            }
            return new Profile(top(searcher, c, List.of(entity), Set.of(), limit), sources);
        });
    }

    private static List<Count> top(FacetedSearcher searcher, Counted counted, Collection<String> entities, Set<String> excluding,
            int limit) throws IOException {
        List<Count> all = new ArrayList<>();
        if (searcher.facets() == null) {
            return all;
        }
        SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(searcher.facets(), counted.docs());
        int want = limit + entities.size() + excluding.size();
        for (String dim : searcher.facets().getDims()) {
            if (!dim.startsWith(ArticleTextIndex.ENTITY_DIM_PREFIX)) {
                continue;
            }
            FacetResult top = counts.getTopChildren(want, dim);
            if (top == null) {
                continue;
            }
            String type = dim.substring(ArticleTextIndex.ENTITY_DIM_PREFIX.length());
            for (LabelAndValue lv : top.labelValues) {
                if (!entities.contains(lv.label) && !excluding.contains(lv.label)) {
                    all.add(new Count(lv.label, type, Math.round(lv.value.longValue() * counted.scale())));
                }
            }
        }
        all.sort(Comparator.comparingLong(Count::articles).reversed().thenComparing(Count::entityId));
        return all.size() > limit ? new ArrayList<>(all.subList(0, limit)) : all;
    }

    /**
     * For every pair of the given entities (id to type) that share articles, how many they share; pairs ordered
     * a &lt; b by id, heaviest first.
     */
    public Optional<List<Pair>> pairs(Map<String, String> entityTypes, Instant from, Instant to) {
        return withSearcher(searcher -> {
            List<String> ids = new ArrayList<>(entityTypes.keySet());
            ids.sort(null);
            int n = ids.size();
            long[] shared = new long[n * n];
            if (n >= 2) {
                BooleanQuery.Builder atLeastTwo = new BooleanQuery.Builder();
                for (String e : ids) {
                    atLeastTwo.add(new TermQuery(new Term(ArticleTextIndex.ENTITY, e)), Occur.SHOULD);
                }
                atLeastTwo.setMinimumNumberShouldMatch(2);
                BooleanQuery.Builder q = new BooleanQuery.Builder().add(atLeastTwo.build(), Occur.MUST);
                if (from != null || to != null) {
                    q.add(LongPoint.newRangeQuery(ArticleTextIndex.TIME, from == null ? Long.MIN_VALUE : from.toEpochMilli(),
                            to == null ? Long.MAX_VALUE : to.toEpochMilli() - 1), Occur.FILTER);
                }
                FacetsCollector fc = searcher.search(q.build(), new FacetsCollectorManager());
                int[] members = new int[n];
                for (FacetsCollector.MatchingDocs md : fc.getMatchingDocs()) {
                    SortedSetDocValues dv = DocValues.getSortedSet(md.context.reader(), FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
                    // this segment's ordinal of each entity's facet value, sorted, with the entity's slot beside it
                    long[] ords = new long[n];
                    int[] slots = new int[n];
                    int known = 0;
                    for (int i = 0; i < n; i++) {
                        long ord = dv.lookupTerm(new BytesRef(FacetsConfig.pathToString(
                                ArticleTextIndex.ENTITY_DIM_PREFIX + entityTypes.get(ids.get(i)), ids.get(i))));
                        if (ord >= 0) {
                            ords[known] = ord;
                            slots[known] = i;
                            known++;
                        }
                    }
                    sortTogether(ords, slots, known);
                    DocIdSetIterator it = md.bits.iterator();
                    for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                        if (!dv.advanceExact(doc)) {
                            continue;
                        }
                        // a document's ordinals come in increasing order: one merge walk against the sorted node ordinals
                        int found = 0;
                        int j = 0;
                        for (int k = 0, count = dv.docValueCount(); k < count && j < known; k++) {
                            long ord = dv.nextOrd();
                            while (j < known && ords[j] < ord) {
                                j++;
                            }
                            if (j < known && ords[j] == ord) {
                                members[found++] = slots[j++];
                            }
                        }
                        for (int x = 0; x < found; x++) {
                            for (int y = x + 1; y < found; y++) {
                                int lo = Math.min(members[x], members[y]);
                                int hi = Math.max(members[x], members[y]);
                                shared[lo * n + hi]++;
                            }
                        }
                    }
                }
            }
            List<Pair> out = new ArrayList<>();
            for (int x = 0; x < n; x++) {
                for (int y = x + 1; y < n; y++) {
                    if (shared[x * n + y] > 0) {
                        out.add(new Pair(ids.get(x), ids.get(y), shared[x * n + y]));
                    }
                }
            }
            out.sort(Comparator.comparingLong(Pair::articles).reversed().thenComparing(Pair::a).thenComparing(Pair::b));
            return out;
        });
    }

    private static void sortTogether(long[] keys, int[] values, int length) {
        for (int i = 1; i < length; i++) {
            long k = keys[i];
            int v = values[i];
            int j = i - 1;
            while (j >= 0 && keys[j] > k) {
                keys[j + 1] = keys[j];
                values[j + 1] = values[j];
                j--;
            }
            keys[j + 1] = k;
            values[j + 1] = v;
        }
    }

    private interface SearcherCall<T> {
        T apply(FacetedSearcher searcher) throws IOException;
    }

    private <T> Optional<T> withSearcher(SearcherCall<T> call) {
        if (!index.ready()) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection()) {
            index.catchUpIfBehind(c);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the read model failed", e);
        }
        try {
            FacetedSearcher searcher = index.acquire();
            try {
                return Optional.of(call.apply(searcher));
            } finally {
                index.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
