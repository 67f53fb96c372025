package io.newslens.query.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

/**
 * Translates a validated {@link SearchRequest} into a Lucene query over {@link ArticleTextIndex}'s fields: the same
 * query language as the PostgreSQL path (words, phrases, prefixes, AND/OR/NOT), a word matching in the title or the
 * body (the title weighted as PostgreSQL weights 'A' over 'B'), and the filters as non-scoring clauses.
 */
final class LuceneQueries {

    /** ts_rank_cd's default weights put a title ('A', 1.0) 2.5 times above the body ('B', 0.4). */
    static final float TITLE_BOOST = 2.5f;

    private final TextAnalyzers analyzers;
    private final Collection<String> languages;

    /** @param languages the analyzer keys to search: the request's language, or every language in the index */
    LuceneQueries(TextAnalyzers analyzers, Collection<String> languages) {
        this.analyzers = analyzers;
        this.languages = languages;
    }

    Query build(SearchRequest r) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        if (r.query() != null) {
            Query text = text(r.query());
            b.add(text == null ? new MatchNoDocsQuery("the query has no searchable words") : text, Occur.MUST);
        } else {
            b.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        for (String entity : r.entities()) {
            b.add(new TermQuery(new Term(ArticleTextIndex.ENTITY, entity)), Occur.FILTER);
        }
        if (r.entityType() != null) {
            b.add(new TermQuery(new Term(ArticleTextIndex.ENTITY_TYPE, r.entityType())), Occur.FILTER);
        }
        if (!r.sources().isEmpty()) {
            b.add(new TermInSetQuery(ArticleTextIndex.SOURCE, r.sources().stream().map(BytesRef::new).toList()), Occur.FILTER);
        }
        if (r.language() != null) {
            b.add(new TermQuery(new Term(ArticleTextIndex.LANGUAGE, r.language().toLowerCase(Locale.ROOT))), Occur.FILTER);
        }
        if (r.from() != null || r.to() != null) {
            long lo = r.from() == null ? Long.MIN_VALUE : r.from().toEpochMilli();
            long hi = r.to() == null ? Long.MAX_VALUE : r.to().toEpochMilli() - 1;
            b.add(LongPoint.newRangeQuery(ArticleTextIndex.TIME, lo, hi), Occur.FILTER);
        }
        return b.build();
    }

    /** The text part of the query, or null when nothing in it can match (only stop words, say). */
    Query text(SearchQuery.Node node) {
        if (node instanceof SearchQuery.Term t) {
            return acrossLanguages(key -> new QueryBuilder(analyzers.forKey(key)), (qb, field) -> qb.createBooleanQuery(field, t.word(), Occur.MUST));
        }
        if (node instanceof SearchQuery.Phrase p) {
            return acrossLanguages(key -> new QueryBuilder(analyzers.forKey(key)), (qb, field) -> qb.createPhraseQuery(field, p.words()));
        }
        if (node instanceof SearchQuery.Prefix p) {
            return prefix(p.stem().replace("'", "").replace("\u2019", ""));
        }
        if (node instanceof SearchQuery.And a) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            int positive = 0;
            int negative = 0;
            for (SearchQuery.Node part : a.parts()) {
                if (part instanceof SearchQuery.Not n) {
                    Query q = text(n.part());
                    if (q != null) {
                        b.add(q, Occur.MUST_NOT);
                        negative++;
                    }
                } else {
                    Query q = text(part);
                    if (q != null) {
                        b.add(q, Occur.MUST);
                        positive++;
                    }
                }
            }
            if (positive == 0) {
                if (negative == 0) {
                    return null;
                }
                b.add(new MatchAllDocsQuery(), Occur.MUST);
            }
            return b.build();
        }
        if (node instanceof SearchQuery.Or o) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            int clauses = 0;
            for (SearchQuery.Node part : o.parts()) {
                Query q = text(part);
                if (q != null) {
                    b.add(q, Occur.SHOULD);
                    clauses++;
                }
            }
            return clauses == 0 ? null : b.build();
        }
        Query inner = text(((SearchQuery.Not) node).part());
        if (inner == null) {
            return null;
        }
        return new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST).add(inner, Occur.MUST_NOT).build();
    }

    private interface FieldQuery {
        Query make(QueryBuilder builder, String field);
    }

    private interface Builders {
        QueryBuilder of(String key);
    }

    /** The word or phrase in the title or body of any searched language. */
    private Query acrossLanguages(Builders builders, FieldQuery make) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int clauses = 0;
        for (String key : languages) {
            QueryBuilder qb = builders.of(key);
            Query title = make.make(qb, TextAnalyzers.titleField(key));
            Query body = make.make(qb, TextAnalyzers.bodyField(key));
            if (title != null) {
                b.add(new BoostQuery(title, TITLE_BOOST), Occur.SHOULD);
                clauses++;
            }
            if (body != null) {
                b.add(body, Occur.SHOULD);
                clauses++;
            }
        }
        return clauses == 0 ? null : b.build();
    }

    /**
     * A prefix as PostgreSQL's {@code to_tsquery('...:*')} reads it: stemmed by the language (so "negotiat*" finds
     * the stem "negoti"), and also as typed, since a stemmer may cut a prefix shorter than any indexed stem.
     */
    private Query prefix(String stem) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int clauses = 0;
        for (String key : languages) {
            List<String> forms = new ArrayList<>();
            forms.add(stem.toLowerCase(Locale.ROOT));
            String analysed = firstToken(analyzers.forKey(key), stem);
            if (analysed != null && !forms.contains(analysed)) {
                forms.add(analysed);
            }
            for (String form : forms) {
                b.add(new BoostQuery(new PrefixQuery(new Term(TextAnalyzers.titleField(key), form)), TITLE_BOOST), Occur.SHOULD);
                b.add(new PrefixQuery(new Term(TextAnalyzers.bodyField(key), form)), Occur.SHOULD);
                clauses += 2;
            }
            for (String cut : shorterStems(key, stem.toLowerCase(Locale.ROOT))) {
                b.add(new BoostQuery(new TermQuery(new Term(TextAnalyzers.titleField(key), cut)), TITLE_BOOST), Occur.SHOULD);
                b.add(new TermQuery(new Term(TextAnalyzers.bodyField(key), cut)), Occur.SHOULD);
                clauses += 2;
            }
        }
        return clauses == 0 ? null : b.build();
    }

    /** English endings a stemmer removes, to find the stems of words that begin with a prefix. */
    private static final List<String> ENGLISH_ENDINGS = List.of("e", "es", "ed", "ing", "ion", "ions", "ation", "ations", "ate",
            "ated", "ates", "ating", "ive", "or", "ors", "er", "ers", "s", "al", "ally", "ly", "ity", "ment", "ments", "ness",
            "ic", "ical", "ism", "y", "ies", "ied");

    /**
     * Stems shorter than the prefix itself that words starting with it are indexed under: "negotiat*" must find
     * "negotiations", indexed as "negoti". Found by stemming the prefix with common endings; only stems the prefix
     * begins with count, so "volcanolog*" never finds "volcano".
     */
    private Set<String> shorterStems(String key, String prefix) {
        Set<String> out = new java.util.TreeSet<>();
        if (!key.equals("en") || prefix.length() < 4) {
            return out;
        }
        Analyzer analyzer = analyzers.forKey(key);
        for (String ending : ENGLISH_ENDINGS) {
            String stem = firstToken(analyzer, prefix + ending);
            if (stem != null && stem.length() < prefix.length() && stem.length() >= Math.min(4, prefix.length())
                    && prefix.startsWith(stem)) {
                out.add(stem);
            }
        }
        return out;
    }

    private static String firstToken(Analyzer analyzer, String text) {
        try (TokenStream ts = analyzer.tokenStream("prefix", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            String first = ts.incrementToken() ? term.toString() : null;
            ts.end();
            return first;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
