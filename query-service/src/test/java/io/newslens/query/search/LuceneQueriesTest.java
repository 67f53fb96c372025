package io.newslens.query.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The query language on the text index's own documents, without a service: stemming per language, operators, filters. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LuceneQueriesTest {

    final TextAnalyzers analyzers = new TextAnalyzers();
    final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    DirectoryReader reader;
    IndexSearcher searcher;

    @BeforeAll
    void index() throws IOException {
        try (IndexWriter w = new IndexWriter(directory, new IndexWriterConfig(analyzers.perField()))) {
            w.addDocument(ArticleTextIndex.document("strike", "Dockworkers strike in Rotterdam",
                    "The union said the strikes would continue. Negotiations with the port authority failed on Monday.",
                    "en", "Harbour Times", Instant.parse("2024-05-01T10:00:00Z"),
                    "PERSON p_visser\nORGANIZATION o_union\nLOCATION l_rotterdam"));
            w.addDocument(ArticleTextIndex.document("storm", "Storm closes the port",
                    "High winds closed the port of Rotterdam. The union asked members to stay home.",
                    "en", "Weather Daily", Instant.parse("2024-05-03T10:00:00Z"), "ORGANIZATION o_union\nLOCATION l_rotterdam"));
            w.addDocument(ArticleTextIndex.document("streik", "Hafenarbeiter streiken in Hamburg",
                    "Die Gewerkschaft kündigte weitere Streiks an. Die Verhandlungen sind gescheitert.",
                    "de", "Hamburger Blatt", Instant.parse("2024-05-02T10:00:00Z"), "LOCATION l_hamburg"));
            w.addDocument(ArticleTextIndex.document("nolang", "Port notes",
                    "Shipping schedules were published without a language tag.",
                    null, null, Instant.parse("2024-04-20T10:00:00Z"), null));
        }
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
    }

    @AfterAll
    void close() throws IOException {
        reader.close();
        directory.close();
    }

    Set<String> find(String q, String language, List<String> entities, String type, List<String> sources, Instant from, Instant to)
            throws IOException {
        SearchRequest r = new SearchRequest(q, q == null ? null : SearchQuery.parse(q), entities, type, sources, language,
                from, to, "relevance", 1, 20, null);
        List<String> languages = new ArrayList<>(language != null ? List.of(TextAnalyzers.key(language)) : TextAnalyzers.keys());
        Set<String> ids = new TreeSet<>();
        for (ScoreDoc sd : searcher.search(new LuceneQueries(analyzers, languages).build(r), 100).scoreDocs) {
            ids.add(searcher.storedFields().document(sd.doc).get(ArticleTextIndex.ID));
        }
        return ids;
    }

    Set<String> find(String q) throws IOException {
        return find(q, null, List.of(), null, List.of(), null, null);
    }

    @Test
    void wordsAreStemmedInTheArticlesOwnLanguage() throws IOException {
        assertEquals(Set.of("strike"), find("striking"));
        assertEquals(Set.of("strike"), find("negotiation"));
        assertEquals(Set.of("streik"), find("Streik"));
        assertEquals(Set.of("streik"), find("Streiks", "de", List.of(), null, List.of(), null, null));
        assertEquals(Set.of("nolang"), find("shipping"));
    }

    @Test
    void phrasesKeepWordOrderAndStopWordsDoNotBreakThem() throws IOException {
        assertEquals(Set.of("storm"), find("\"closed the port\""));
        assertEquals(Set.of(), find("\"port the closed\""));
        assertEquals(Set.of("strike"), find("\"port authority\""));
    }

    @Test
    void booleanOperatorsAndPrefixes() throws IOException {
        assertEquals(Set.of("strike", "storm"), find("union Rotterdam"));
        assertEquals(Set.of("strike", "storm", "streik"), find("strike OR storm OR Gewerkschaft"));
        assertEquals(Set.of("storm"), find("union -strikes"));
        assertEquals(Set.of("storm"), find("union NOT (strike OR dockworkers)"));
        assertEquals(Set.of("strike"), find("negotiat*"));
        assertEquals(Set.of("streik"), find("Gewerk*"));
        assertEquals(Set.of(), find("the"), "a query of stop words finds nothing");
    }

    @Test
    void filtersCombineWithTheWords() throws IOException {
        assertEquals(Set.of("strike"), find("union", null, List.of("p_visser"), null, List.of(), null, null));
        assertEquals(Set.of("strike", "storm", "streik"), find(null, null, List.of(), "LOCATION", List.of(), null, null));
        assertEquals(Set.of("storm"), find("port", null, List.of(), null, List.of("Weather Daily"), null, null));
        assertEquals(Set.of("streik"), find(null, "de", List.of(), null, List.of(), null, null));
        assertEquals(Set.of("strike", "streik"), find(null, null, List.of(), null, List.of(),
                Instant.parse("2024-05-01T00:00:00Z"), Instant.parse("2024-05-03T10:00:00Z")), "the end of the range is exclusive");
    }

    @Test
    void aTitleWordOutranksTheSameWordInTheBody() throws IOException {
        SearchRequest r = new SearchRequest("port", SearchQuery.parse("port"), List.of(), null, List.of(), "en", null, null,
                "relevance", 1, 20, null);
        ScoreDoc[] hits = searcher.search(new LuceneQueries(analyzers, List.of("en")).build(r), 10).scoreDocs;
        assertEquals("storm", searcher.storedFields().document(hits[0].doc).get(ArticleTextIndex.ID));
    }

    @Test
    void aFacetSampleSpreadsEvenlyOverTheWholeMatch() throws IOException {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzers.perField()).setMaxBufferedDocs(300))) {
                for (int i = 0; i < 1000; i++) {
                    w.addDocument(ArticleTextIndex.document("a" + i, "Title " + i, "common words here", "en",
                            i % 4 == 0 ? "Quarter Outlet" : "Other Outlet", Instant.parse("2024-01-01T00:00:00Z").plusSeconds(3600L * i),
                            null));
                }
            }
            try (DirectoryReader r = DirectoryReader.open(dir)) {
                IndexSearcher s = new IndexSearcher(r);
                org.apache.lucene.facet.FacetsCollector all = s.search(new org.apache.lucene.search.MatchAllDocsQuery(),
                        new org.apache.lucene.facet.FacetsCollectorManager());
                org.apache.lucene.facet.FacetsCollector sampled = IndexedSearch.sample(all, 1000, 100);
                long kept = sampled.getMatchingDocs().stream().mapToLong(m -> m.totalHits).sum();
                assertEquals(100, kept, 30, "about one in ten");
                assertEquals(r.leaves().size(), sampled.getMatchingDocs().size(), "every segment is sampled");
                var counts = new org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts(
                        new org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState(r, ArticleTextIndex.FACETS), sampled);
                long quarter = counts.getSpecificValue(ArticleTextIndex.SOURCE_DIM, "Quarter Outlet").longValue();
                assertEquals(kept / 4.0, quarter, 13, "an outlet of a quarter of the match is about a quarter of the sample,"
                        + " also when it recurs with the stride of the documents");
            }
        }
    }
}
