package io.newslens.query.search;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newslens.query.config.QueryConfig;
import io.newslens.query.service.Html;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Article search on PostgreSQL full text: a GIN-indexed tsvector per article (title weighted above body, in
 * the article's language), queries built from bound parameters, ts_rank_cd relevance, keyset cursors for
 * deep paging, highlighted snippets escaped for HTML, and facets over the whole matching set.
 */
@ApplicationScoped
public class SearchService {

    /** Sentinels for ts_headline: control characters ingest-service never lets into article text. */
    static final String MARK_START = "\u0002";
    static final String MARK_END = "\u0003";
    private static final String HEADLINE_OPTIONS = "StartSel=" + MARK_START + ", StopSel=" + MARK_END
            + ", MaxWords=40, MinWords=18, ShortWord=2, MaxFragments=2, FragmentDelimiter=\" … \"";

    @Inject
    DataSource dataSource;
    @Inject
    QueryConfig config;
    @Inject
    MeterRegistry meters;
    @Inject
    ArticleTextIndex textIndex;
    private Snippets snippets;

    private Snippets snippets() {
        if (snippets == null) {
            snippets = new Snippets(textIndex.analyzers());
        }
        return snippets;
    }

    /** SQL with its bound parameters, composed piece by piece. */
    static final class Sql {
        final StringBuilder text = new StringBuilder();
        final List<Object> params = new ArrayList<>();

        Sql add(String sql, Object... values) {
            text.append(sql);
            params.addAll(List.of(values));
            return this;
        }

        Sql addAll(String sql, List<Object> values) {
            text.append(sql);
            params.addAll(values);
            return this;
        }
    }

    public SearchResult search(SearchRequest r, boolean withFacets) {
        return search(r, withFacets, true);
    }

    /**
     * @param useIndex false to answer from PostgreSQL full text even when the text index is ready (tests and the query
     *        benchmark compare both)
     */
    public SearchResult search(SearchRequest r, boolean withFacets, boolean useIndex) {
        Timer.Sample sample = Timer.start(meters);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (PreparedStatement timeout = c.prepareStatement("SET LOCAL statement_timeout = "
                    + config.statementTimeout().toMillis())) {
                timeout.execute();
            }
            long total;
            List<Row> rows;
            SearchResult.Facets facets;
            if (useIndex && textIndex.ready()) {
                // read your writes: what the read model committed before this search is in the index
                textIndex.catchUpIfBehind(c);
                IndexedSearch.Page page = IndexedSearch.search(textIndex, c, r, withFacets, config.textIndex().facetSample());
                total = page.total();
                rows = rowsByIds(c, r, page.ids(), page.scores());
                facets = page.facets();
            } else {
                total = count(c, r);
                rows = hits(c, r);
                facets = withFacets ? facets(c, r) : null;
            }
            List<SearchResult.Hit> hits = rows.stream().map(Row::hit).toList();
            String next = rows.size() == r.size() ? encodeCursor(r, rows.get(rows.size() - 1)) : null;
            c.commit();
            return new SearchResult(total, r.cursor() == null ? r.page() : -1, r.size(), next, hits, facets);
        } catch (SQLException e) {
            if ("57014".equals(e.getSQLState())) {
                throw new io.newslens.commons.problem.ProblemException(503, "Search took too long",
                        "the search was stopped after " + config.statementTimeout().toSeconds()
                                + " s; narrow it with filters or more specific words");
            }
            throw new IllegalStateException("search failed", e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("search failed", e);
        } finally {
            sample.stop(meters.timer("newslens.search.duration", "kind", "articles"));
        }
    }

    /** Which of the given articles match the search (for alerts on newly indexed articles). */
    public List<String> matching(SearchRequest r, List<String> articleIds) {
        if (articleIds.isEmpty()) {
            return List.of();
        }
        try (Connection c = dataSource.getConnection()) {
            Sql sql = withQuery(r).add("SELECT a.id");
            from(r, sql).add(" AND a.id = ANY(?::varchar[])", "{" + String.join(",", articleIds) + "}");
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = prepare(c, sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("matching failed", e);
        }
    }

    /**
     * Streams every matching article (no row cap) to the consumer with a server-side cursor, newest first.
     * Used by the export; the statement timeout does not apply, the caller's connection does.
     */
    public void stream(SearchRequest r, java.util.function.Consumer<ExportRow> sink) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            Sql sql = withQuery(r).add("SELECT a.id, a.published_at, a.source_name, a.title, a.url, a.language, a.story_id,"
                    + " (SELECT string_agg(e.name, '; ' ORDER BY ae.salience DESC) FROM article_entity ae"
                    + " JOIN entity e ON e.id = ae.entity_id WHERE ae.article_id = a.id), a.text");
            from(r, sql).add(" ORDER BY a.sort_time DESC, a.id DESC");
            try (PreparedStatement ps = prepare(c, sql)) {
                ps.setFetchSize(500);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Timestamp published = rs.getTimestamp(2);
                        sink.accept(new ExportRow(rs.getString(1), published == null ? null : published.toInstant().toString(),
                                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                                rs.getString(8), rs.getString(9)));
                    }
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("export failed", e);
        }
    }

    /** One exported article. */
    public record ExportRow(String id, String publishedAt, String source, String title, String url, String language,
            String storyId, String entities, String text) {
    }

    /** The CTE that holds the parsed query, shared by every statement of a search. */
    private static Sql withQuery(SearchRequest r) {
        Sql sql = new Sql();
        if (r.query() != null) {
            TsQuerySql.Fragment f = TsQuerySql.of(r.query(), r.language());
            sql.addAll("WITH q AS (SELECT " + f.sql() + " AS query) ", f.params());
        }
        return sql;
    }

    private static Sql from(SearchRequest r, Sql sql) {
        sql.add(r.query() != null ? " FROM article a, q WHERE a.search @@ q.query" : " FROM article a WHERE TRUE");
        for (String entity : r.entities()) {
            sql.add(" AND EXISTS (SELECT 1 FROM article_entity ae WHERE ae.article_id = a.id AND ae.entity_id = ?)", entity);
        }
        if (r.entityType() != null) {
            sql.add(" AND EXISTS (SELECT 1 FROM article_entity ae WHERE ae.article_id = a.id AND ae.entity_type = ?)",
                    r.entityType());
        }
        if (!r.sources().isEmpty()) {
            sql.add(" AND a.source_name IN (" + String.join(",", r.sources().stream().map(s -> "?").toList()) + ")");
            sql.params.addAll(r.sources());
        }
        if (r.language() != null) {
            sql.add(" AND a.language = ?", r.language());
        }
        if (r.from() != null) {
            sql.add(" AND a.sort_time >= ?", Timestamp.from(r.from()));
        }
        if (r.to() != null) {
            sql.add(" AND a.sort_time < ?", Timestamp.from(r.to()));
        }
        return sql;
    }

    private long count(Connection c, SearchRequest r) throws SQLException {
        Sql sql = withQuery(r).add("SELECT count(*)");
        from(r, sql);
        try (PreparedStatement ps = prepare(c, sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A hit with the sort time its cursor needs. */
    private record Row(SearchResult.Hit hit, Instant sortTime) {
    }

    private List<Row> hits(Connection c, SearchRequest r) throws SQLException {
        boolean relevance = r.byRelevance() && r.query() != null;
        Sql sql = withQuery(r);
        sql.add(", hits AS (SELECT a.id, a.sort_time, " + (relevance ? "ts_rank_cd(a.search, q.query, 32)" : "0.0::real")
                + " AS rank");
        if (r.query() == null) {
            sql.text.replace(0, sql.text.length(), "WITH hits AS (SELECT a.id, a.sort_time, 0.0::real AS rank");
        }
        from(r, sql);
        if (r.cursor() != null) {
            if (relevance) {
                sql.add(" AND (ts_rank_cd(a.search, q.query, 32) < ? OR (ts_rank_cd(a.search, q.query, 32) = ? AND a.id < ?))",
                        (float) r.cursor().rank(), (float) r.cursor().rank(), r.cursor().id());
            } else {
                sql.add(" AND (a.sort_time, a.id) < (?, ?)", Timestamp.from(r.cursor().time()), r.cursor().id());
            }
        }
        sql.add(relevance ? " ORDER BY rank DESC, a.id DESC" : " ORDER BY a.sort_time DESC, a.id DESC");
        sql.add(" LIMIT ?", r.size());
        if (r.cursor() == null) {
            sql.add(" OFFSET ?", (r.page() - 1) * r.size());
        }
        sql.add(") SELECT a.id, a.title, a.source_name, a.source_domain, a.url, a.published_at, a.language, a.story_id,"
                + " h.rank, h.sort_time, ");
        sql.add(r.query() != null
                ? "ts_headline(newslens_ts_config(a.language), left(a.text, 20000), q.query, '" + HEADLINE_OPTIONS + "')"
                : "left(a.text, 320)");
        sql.add(" FROM hits h JOIN article a ON a.id = h.id" + (r.query() != null ? ", q" : ""));
        sql.add(relevance ? " ORDER BY h.rank DESC, h.id DESC" : " ORDER BY h.sort_time DESC, h.id DESC");
        List<Row> rows = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Timestamp published = rs.getTimestamp(6);
                String snippet = snippet(rs.getString(11), r.query() == null);
                rows.add(new Row(new SearchResult.Hit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), published == null ? null : published.toInstant().toString(), rs.getString(7), snippet,
                        rs.getString(8), relevance ? (double) rs.getFloat(9) : null, null), rs.getTimestamp(10).toInstant()));
                ids.add(rs.getString(1));
            }
        }
        Map<String, List<SearchResult.EntityRef>> entities = topEntities(c, ids);
        return rows.stream().map(row -> {
            SearchResult.Hit h = row.hit();
            return new Row(new SearchResult.Hit(h.id(), h.title(), h.source(), h.sourceDomain(), h.url(), h.publishedAt(),
                    h.language(), h.snippet(), h.storyId(), h.score(), entities.getOrDefault(h.id(), List.of())), row.sortTime());
        }).toList();
    }

    /** The hits the text index chose, read from the read model in the index's order (gone articles are left out). */
    private List<Row> rowsByIds(Connection c, SearchRequest r, List<String> ids, Map<String, Float> scores) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        boolean relevance = r.byRelevance() && r.query() != null;
        Sql sql = new Sql().add("SELECT a.id, a.title, a.source_name, a.source_domain, a.url, a.published_at, a.language,"
                + " a.story_id, a.sort_time, ");
        sql.add(r.query() != null ? "left(a.text, 20000)" : "left(a.text, 320)");
        sql.add(" FROM article a WHERE a.id = ANY(?::varchar[])",
                "{" + String.join(",", ids.stream().map(id -> "\"" + id.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").toList()) + "}");
        Map<String, Row> byId = new HashMap<>();
        try (PreparedStatement ps = prepare(c, sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Timestamp published = rs.getTimestamp(6);
                String id = rs.getString(1);
                Float score = scores.get(id);
                byId.put(id, new Row(new SearchResult.Hit(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        published == null ? null : published.toInstant().toString(), rs.getString(7),
                        snippet(r.query() == null ? rs.getString(10) : snippets().highlight(r.query(), rs.getString(7), rs.getString(10)),
                                r.query() == null), rs.getString(8),
                        relevance && score != null ? (double) score : null, null), rs.getTimestamp(9).toInstant()));
            }
        }
        List<String> found = ids.stream().filter(byId::containsKey).toList();
        Map<String, List<SearchResult.EntityRef>> entities = topEntities(c, found);
        return found.stream().map(id -> {
            SearchResult.Hit h = byId.get(id).hit();
            return new Row(new SearchResult.Hit(h.id(), h.title(), h.source(), h.sourceDomain(), h.url(), h.publishedAt(),
                    h.language(), h.snippet(), h.storyId(), h.score(), entities.getOrDefault(id, List.of())), byId.get(id).sortTime());
        }).toList();
    }

    private Map<String, List<SearchResult.EntityRef>> topEntities(Connection c, List<String> ids) throws SQLException {
        Map<String, List<SearchResult.EntityRef>> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT x.article_id, e.id, e.name, e.type FROM (
                  SELECT ae.article_id, ae.entity_id, row_number() OVER (PARTITION BY ae.article_id
                         ORDER BY ae.salience DESC, ae.entity_id) AS rn
                  FROM article_entity ae WHERE ae.article_id = ANY(?)) x
                JOIN entity e ON e.id = x.entity_id WHERE x.rn <= 6 ORDER BY x.article_id, x.rn
                """)) {
            ps.setArray(1, c.createArrayOf("varchar", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new SearchResult.EntityRef(rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return out;
    }

    private SearchResult.Facets facets(Connection c, SearchRequest r) throws SQLException {
        Map<String, List<SearchResult.EntityCount>> entities = new LinkedHashMap<>();
        Sql sql = withQuery(r);
        sql.add(r.query() != null ? ", m AS (SELECT a.id" : "WITH m AS (SELECT a.id");
        from(r, sql);
        sql.add(") SELECT x.entity_type, x.entity_id, e.name, x.n FROM (SELECT ae.entity_type, ae.entity_id, count(*) AS n,"
                + " row_number() OVER (PARTITION BY ae.entity_type ORDER BY count(*) DESC, ae.entity_id) AS rn"
                + " FROM article_entity ae JOIN m ON m.id = ae.article_id GROUP BY ae.entity_type, ae.entity_id) x"
                + " JOIN entity e ON e.id = x.entity_id WHERE x.rn <= 10 ORDER BY x.entity_type, x.n DESC, x.entity_id");
        try (PreparedStatement ps = prepare(c, sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                entities.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new SearchResult.EntityCount(rs.getString(2), rs.getString(3), rs.getLong(4)));
            }
        }
        List<SearchResult.SourceCount> sources = new ArrayList<>();
        sql = withQuery(r).add("SELECT coalesce(a.source_name, '(unknown)'), count(*)");
        from(r, sql).add(" GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20");
        try (PreparedStatement ps = prepare(c, sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                sources.add(new SearchResult.SourceCount(rs.getString(1), rs.getLong(2)));
            }
        }
        sql = withQuery(r).add("SELECT min(a.sort_time), max(a.sort_time)");
        from(r, sql);
        Instant min = null;
        Instant max = null;
        try (PreparedStatement ps = prepare(c, sql); ResultSet rs = ps.executeQuery()) {
            if (rs.next() && rs.getTimestamp(1) != null) {
                min = rs.getTimestamp(1).toInstant();
                max = rs.getTimestamp(2).toInstant();
            }
        }
        List<SearchResult.DateCount> dates = new ArrayList<>();
        String interval = null;
        if (min != null) {
            long days = Duration.between(min, max).toDays();
            interval = days <= 90 ? "day" : days <= 730 ? "week" : "month";
            sql = withQuery(r).add("SELECT to_char(date_trunc('" + interval + "', a.sort_time AT TIME ZONE 'UTC'), 'YYYY-MM-DD'),"
                    + " count(*)");
            from(r, sql).add(" GROUP BY 1 ORDER BY 1");
            try (PreparedStatement ps = prepare(c, sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    dates.add(new SearchResult.DateCount(rs.getString(1), rs.getLong(2)));
                }
            }
        }
        return new SearchResult.Facets(entities, sources, dates, interval);
    }

    static PreparedStatement prepare(Connection c, Sql sql) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql.text.toString());
        for (int i = 0; i < sql.params.size(); i++) {
            Object p = sql.params.get(i);
            if (p instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else if (p instanceof Float f) {
                ps.setFloat(i + 1, f);
            } else if (p instanceof Timestamp t) {
                ps.setTimestamp(i + 1, t);
            } else {
                ps.setString(i + 1, (String) p);
            }
        }
        return ps;
    }

    /** Escapes the article text for HTML, then turns the match sentinels into {@code <mark>}. */
    static String snippet(String raw, boolean plain) {
        if (raw == null) {
            return null;
        }
        String s = raw.replaceAll("\\s+", " ").strip();
        if (plain && s.length() >= 320) {
            int cut = s.lastIndexOf(' ', 300);
            s = s.substring(0, cut > 0 ? cut : 300) + " …";
        }
        return Html.escape(s).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>");
    }

    private static String encodeCursor(SearchRequest r, Row last) {
        String value = r.byRelevance() && r.query() != null
                ? "r|" + last.hit().score() + "|" + last.hit().id()
                : "d|" + last.sortTime().toEpochMilli() + "|" + last.hit().id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the cursor is not one this service made */
    public static SearchRequest.Cursor decodeCursor(String cursor) {
        String value = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        String[] parts = value.split("\\|", 3);
        if (parts.length != 3 || parts[2].isEmpty()) {
            throw new IllegalArgumentException("malformed cursor");
        }
        return switch (parts[0]) {
            case "r" -> new SearchRequest.Cursor("relevance", Double.parseDouble(parts[1]), null, parts[2]);
            case "d" -> new SearchRequest.Cursor("date", 0, Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2]);
            default -> throw new IllegalArgumentException("malformed cursor");
        };
    }
}
