package io.newslens.query.search;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns a parsed {@link SearchQuery} into a tsquery SQL expression whose every word is a bound parameter.
 * Without a language the query matches both the English-stemmed and the unstemmed form of each word.
 */
public final class TsQuerySql {

    public record Fragment(String sql, List<Object> params) {
    }

    private TsQuerySql() {
    }

    /** @param language an ISO 639-1 code to search in that language's configuration, or null for any */
    public static Fragment of(SearchQuery.Node node, String language) {
        List<Object> params = new ArrayList<>();
        String sql = build(node, language, params);
        return new Fragment(sql, params);
    }

    private static String build(SearchQuery.Node node, String language, List<Object> params) {
        if (node instanceof SearchQuery.Term t) {
            return function("plainto_tsquery", t.word(), language, params);
        }
        if (node instanceof SearchQuery.Phrase p) {
            return function("phraseto_tsquery", p.words(), language, params);
        }
        if (node instanceof SearchQuery.Prefix p) {
            return prefix(p.stem().replace("'", "").replace("\u2019", ""), language, params);
        }
        if (node instanceof SearchQuery.And a) {
            return "(" + a.parts().stream().map(n -> build(n, language, params)).collect(Collectors.joining(" && ")) + ")";
        }
        if (node instanceof SearchQuery.Or o) {
            return "(" + o.parts().stream().map(n -> build(n, language, params)).collect(Collectors.joining(" || ")) + ")";
        }
        SearchQuery.Not n = (SearchQuery.Not) node;
        return "(!! " + build(n.part(), language, params) + ")";
    }

    private static String function(String fn, String text, String language, List<Object> params) {
        if (language != null) {
            params.add(language);
            params.add(text);
            return fn + "(newslens_ts_config(?), ?)";
        }
        params.add(text);
        params.add(text);
        return "(" + fn + "('english', ?) || " + fn + "('simple', ?))";
    }

    private static String prefix(String stem, String language, List<Object> params) {
        if (language != null) {
            params.add(language);
            params.add(stem);
            return "to_tsquery(newslens_ts_config(?), ? || ':*')";
        }
        params.add(stem);
        params.add(stem);
        return "(to_tsquery('english', ? || ':*') || to_tsquery('simple', ? || ':*'))";
    }
}
