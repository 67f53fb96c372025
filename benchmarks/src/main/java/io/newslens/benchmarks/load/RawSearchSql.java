package io.newslens.benchmarks.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline for search latency: the very statements query-service runs for {@code GET /api/v1/articles?q=...}
 * (relevance order, first page of 20, facets on, no language filter), copied from its SearchService and
 * TsQuerySql, executed over JDBC straight against newslens_query in one read-only transaction and every row
 * read. What remains between this and the API figure is HTTP, JSON, security and the gateway hop.
 */
final class RawSearchSql {

    private static final String HEADLINE_OPTIONS = "StartSel=\u0002, StopSel=\u0003"
            + ", MaxWords=40, MinWords=18, ShortWord=2, MaxFragments=2, FragmentDelimiter=\" … \"";
    private static final int PAGE_SIZE = 20;

    private RawSearchSql() {
    }

    /** Runs one search of space-separated words (an implicit AND, as the query language reads them). */
    static long search(Connection c, String query, Duration statementTimeout) throws SQLException {
        List<String> words = List.of(query.strip().split("\\s+"));
        String tsquery;
        List<String> params = new ArrayList<>();
        if (words.size() == 1) {
            tsquery = term(words.get(0), params);
        } else {
            List<String> parts = new ArrayList<>();
            for (String w : words) {
                parts.add(term(w, params));
            }
            tsquery = "(" + String.join(" && ", parts) + ")";
        }
        String with = "WITH q AS (SELECT " + tsquery + " AS query) ";
        String from = " FROM article a, q WHERE a.search @@ q.query";
        c.setAutoCommit(false);
        c.setReadOnly(true);
        long rows = 0;
        try {
            try (PreparedStatement t = c.prepareStatement("SET LOCAL statement_timeout = " + statementTimeout.toMillis())) {
                t.execute();
            }
            long total;
            try (PreparedStatement ps = prepare(c, with + "SELECT count(*)" + from, params); ResultSet rs = ps.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
            String hits = with + ", hits AS (SELECT a.id, a.sort_time, ts_rank_cd(a.search, q.query, 32) AS rank" + from
                    + " ORDER BY rank DESC, a.id DESC LIMIT ? OFFSET ?) SELECT a.id, a.title, a.source_name, a.source_domain,"
                    + " a.url, a.published_at, a.language, a.story_id, h.rank, h.sort_time, "
                    + "ts_headline(newslens_ts_config(a.language), left(a.text, 20000), q.query, '" + HEADLINE_OPTIONS + "')"
                    + " FROM hits h JOIN article a ON a.id = h.id, q ORDER BY h.rank DESC, h.id DESC";
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = prepare(c, hits, params)) {
                ps.setInt(params.size() + 1, PAGE_SIZE);
                ps.setInt(params.size() + 2, 0);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                        for (int i = 2; i <= 11; i++) {
                            rs.getString(i);
                        }
                        rows++;
                    }
                }
            }
            if (!ids.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("""
                        SELECT x.article_id, e.id, e.name, e.type FROM (
                          SELECT ae.article_id, ae.entity_id, row_number() OVER (PARTITION BY ae.article_id
                                 ORDER BY ae.salience DESC, ae.entity_id) AS rn
                          FROM article_entity ae WHERE ae.article_id = ANY(?)) x
                        JOIN entity e ON e.id = x.entity_id WHERE x.rn <= 6 ORDER BY x.article_id, x.rn
                        """)) {
                    ps.setArray(1, c.createArrayOf("varchar", ids.toArray()));
                    rows += drain(ps);
                }
            }
            String entities = with + ", m AS (SELECT a.id" + from + ") SELECT x.entity_type, x.entity_id, e.name, x.n FROM"
                    + " (SELECT ae.entity_type, ae.entity_id, count(*) AS n,"
                    + " row_number() OVER (PARTITION BY ae.entity_type ORDER BY count(*) DESC, ae.entity_id) AS rn"
                    + " FROM article_entity ae JOIN m ON m.id = ae.article_id GROUP BY ae.entity_type, ae.entity_id) x"
                    + " JOIN entity e ON e.id = x.entity_id WHERE x.rn <= 10 ORDER BY x.entity_type, x.n DESC, x.entity_id";
            try (PreparedStatement ps = prepare(c, entities, params)) {
                rows += drain(ps);
            }
            try (PreparedStatement ps = prepare(c, with + "SELECT coalesce(a.source_name, '(unknown)'), count(*)" + from
                    + " GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20", params)) {
                rows += drain(ps);
            }
            Timestamp min = null;
            Timestamp max = null;
            try (PreparedStatement ps = prepare(c, with + "SELECT min(a.sort_time), max(a.sort_time)" + from, params);
                    ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    min = rs.getTimestamp(1);
                    max = rs.getTimestamp(2);
                }
            }
            if (min != null) {
                long days = Duration.between(min.toInstant(), max.toInstant()).toDays();
                String interval = days <= 90 ? "day" : days <= 730 ? "week" : "month";
                try (PreparedStatement ps = prepare(c, with + "SELECT to_char(date_trunc('" + interval
                        + "', a.sort_time AT TIME ZONE 'UTC'), 'YYYY-MM-DD'), count(*)" + from + " GROUP BY 1 ORDER BY 1", params)) {
                    rows += drain(ps);
                }
            }
            c.commit();
            return total;
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }

    private static String term(String word, List<String> params) {
        params.add(word);
        params.add(word);
        return "(plainto_tsquery('english', ?) || plainto_tsquery('simple', ?))";
    }

    private static PreparedStatement prepare(Connection c, String sql, List<String> params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            ps.setString(i + 1, params.get(i));
        }
        return ps;
    }

    private static long drain(PreparedStatement ps) throws SQLException {
        long n = 0;
        try (ResultSet rs = ps.executeQuery()) {
            int cols = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= cols; i++) {
                    rs.getString(i);
                }
                n++;
            }
        }
        return n;
    }
}
