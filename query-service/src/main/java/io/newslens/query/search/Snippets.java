package io.newslens.query.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.search.highlight.SimpleSpanFragmenter;

/**
 * Highlighted snippets for hits of the text index, made in Java from the article text with the same analysis and
 * query as the match: phrases are marked only where the words stand together, stems and prefixes as they matched.
 * PostgreSQL's ts_headline spent about 3 ms per article on this, more than the whole index search. The result carries
 * {@link SearchService#MARK_START}/{@link SearchService#MARK_END} sentinels; {@link SearchService#snippet} escapes the
 * text for HTML and turns them into {@code <mark>}.
 */
final class Snippets {

    /** Characters per fragment (ts_headline's MaxWords=40 is about as long), two fragments at most. */
    private static final int FRAGMENT_CHARS = 200;
    private static final int MAX_FRAGMENTS = 2;
    private static final int MAX_CHARS = 20_000;

    private final TextAnalyzers analyzers;

    Snippets(TextAnalyzers analyzers) {
        this.analyzers = analyzers;
    }

    /** The best fragments of the text for the query in the article's language, or its opening words if none matches. */
    String highlight(SearchQuery.Node query, String language, String text) {
        if (text == null) {
            return null;
        }
        String key = TextAnalyzers.key(language);
        String field = TextAnalyzers.bodyField(key);
        Query q = new LuceneQueries(analyzers, List.of(key)).text(query);
        String limited = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        if (q != null) {
            QueryScorer scorer = new QueryScorer(q, field);
            Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter(SearchService.MARK_START, SearchService.MARK_END), scorer);
            highlighter.setTextFragmenter(new SimpleSpanFragmenter(scorer, FRAGMENT_CHARS));
            highlighter.setMaxDocCharsToAnalyze(MAX_CHARS);
            try (TokenStream tokens = analyzers.perField().tokenStream(field, limited)) {
                String[] fragments = highlighter.getBestFragments(tokens, limited, MAX_FRAGMENTS);
                if (fragments.length > 0) {
                    return String.join(" … ", fragments);
                }
            } catch (IOException | InvalidTokenOffsetsException e) {
                // fall through to the opening words
            }
        }
        int cut = limited.length() <= FRAGMENT_CHARS ? limited.length() : Math.max(limited.lastIndexOf(' ', FRAGMENT_CHARS), 1);
        return limited.substring(0, cut);
    }
}
