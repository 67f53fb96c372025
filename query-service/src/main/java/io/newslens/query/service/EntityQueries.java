package io.newslens.query.service;

import io.newslens.query.rest.ListPage;
import io.newslens.query.search.CoMentionIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Entity lookup, profiles and co-mention networks over the read model. */
@ApplicationScoped
public class EntityQueries {

    public record EntitySummary(String id, String name, String type, String subtype, String wikipedia, int articleCount,
            int mentionCount, String firstSeen, String lastSeen, String matchedAlias) {
    }

    public record DayCount(String date, long mentions, long articles) {
    }

    public record Related(String id, String name, String type, long count) {
    }

    public record SourceCount(String name, long count) {
    }

    public record QuoteItem(long id, String text, String articleId, String articleTitle, String source, String publishedAt,
            double confidence) {
    }

    public record Profile(String id, String name, String type, String subtype, String wikipedia, List<String> aliases,
            int articleCount, int mentionCount, String firstSeen, String lastSeen, Double sentiment,
            List<DayCount> mentionsPerDay, List<Related> coMentioned, List<SourceCount> sources, List<QuoteItem> quotes) {
    }

    public record Node(String id, String name, String type, int articleCount, int depth) {
    }

    public record Edge(String source, String target, long weight) {
    }

    public record Network(String center, List<Node> nodes, List<Edge> edges) {
    }

    @Inject
    EntityManager em;
    @Inject
    CoMentionIndex coMentions;

    @Transactional
    public ListPage<EntitySummary> find(String query, String type, int page, int size) {
        String key = query == null ? "" : ReadModelWriter.aliasKey(query);
        StringBuilder where = new StringBuilder(" WHERE e.article_count > 0");
        List<Object> params = new ArrayList<>();
        if (!key.isEmpty()) {
            params.add(key + "%");
            params.add("% " + key + "%");
            where.append(" AND EXISTS (SELECT 1 FROM entity_alias a WHERE a.entity_id = e.id AND (a.alias_key LIKE ?1 OR a.alias_key LIKE ?2))");
        }
        if (type != null) {
            params.add(type);
            where.append(" AND e.type = ?").append(params.size());
        }
        var count = em.createNativeQuery("SELECT count(*) FROM entity e" + where);
        var select = em.createNativeQuery("SELECT e.id, e.name, e.type, e.subtype, e.wikipedia, e.article_count, e.mention_count,"
                + " e.first_seen, e.last_seen, "
                + (key.isEmpty() ? "NULL" : "(SELECT a.alias FROM entity_alias a WHERE a.entity_id = e.id AND (a.alias_key LIKE ?1"
                        + " OR a.alias_key LIKE ?2) ORDER BY length(a.alias) LIMIT 1)")
                + " FROM entity e" + where + " ORDER BY e.article_count DESC, e.name LIMIT " + size + " OFFSET " + (page - 1) * size);
        for (int i = 0; i < params.size(); i++) {
            count.setParameter(i + 1, params.get(i));
            select.setParameter(i + 1, params.get(i));
        }
        long total = ((Number) count.getSingleResult()).longValue();
        List<EntitySummary> items = new ArrayList<>();
        for (Object row : select.getResultList()) {
            Object[] r = (Object[]) row;
            items.add(new EntitySummary((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    ((Number) r[5]).intValue(), ((Number) r[6]).intValue(), ArticleReader.iso(r[7]), ArticleReader.iso(r[8]),
                    (String) r[9]));
        }
        return new ListPage<>(total, page, size, items);
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public Optional<Profile> profile(String id) {
        List<Object[]> rows = em.createNativeQuery("SELECT id, name, type, subtype, wikipedia, article_count, mention_count,"
                + " first_seen, last_seen FROM entity WHERE id = ?1").setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] e = rows.get(0);
        List<String> aliases = em.createNativeQuery("SELECT alias FROM entity_alias WHERE entity_id = ?1 AND alias <> ?2 ORDER BY alias")
                .setParameter(1, id).setParameter(2, e[1]).getResultList();
        List<DayCount> perDay = new ArrayList<>();
        // mentions per day and the sentiment sums from the daily counts ReadModelWriter keeps (V6)
        double sentimentSum = 0;
        long sentimentCount = 0;
        for (Object[] r : (List<Object[]>) em.createNativeQuery("""
                SELECT to_char(day, 'YYYY-MM-DD'), mentions, articles, sentiment_sum, rated FROM entity_day
                WHERE entity_id = ?1 AND articles > 0 ORDER BY day
                """).setParameter(1, id).getResultList()) {
            perDay.add(new DayCount((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue()));
            if (r[3] != null) {
                sentimentSum += ((Number) r[3]).doubleValue();
                sentimentCount += ((Number) r[4]).longValue();
            }
        }
        List<Related> co = new ArrayList<>();
        List<SourceCount> sources = new ArrayList<>();
        Optional<CoMentionIndex.Profile> indexed = coMentions.profile(id, 20);
        if (indexed.isPresent()) {
            Map<String, Object[]> named = namesAndTypes(indexed.get().coMentioned().stream().map(CoMentionIndex.Count::entityId).toList());
            for (CoMentionIndex.Count c : indexed.get().coMentioned()) {
                Object[] n = named.get(c.entityId());
                if (n != null) {
                    co.add(new Related(c.entityId(), (String) n[0], (String) n[1], c.articles()));
                }
            }
            co.sort(java.util.Comparator.comparingLong(Related::count).reversed().thenComparing(Related::name));
            indexed.get().sources().forEach(s -> sources.add(new SourceCount(s.name(), s.articles())));
        }
        for (Object[] r : indexed.isPresent() ? List.<Object[]>of() : (List<Object[]>) em.createNativeQuery("""
                SELECT o.entity_id, en.name, en.type, count(*) AS n FROM article_entity me
                JOIN article_entity o ON o.article_id = me.article_id AND o.entity_id <> me.entity_id
                JOIN entity en ON en.id = o.entity_id
                WHERE me.entity_id = ?1 GROUP BY o.entity_id, en.name, en.type ORDER BY n DESC, en.name LIMIT 20
                """).setParameter(1, id).getResultList()) {
            co.add(new Related((String) r[0], (String) r[1], (String) r[2], ((Number) r[3]).longValue()));
        }
        for (Object[] r : indexed.isPresent() ? List.<Object[]>of() : (List<Object[]>) em.createNativeQuery("""
                SELECT coalesce(source_name, '(unknown)'), count(*) FROM article_entity WHERE entity_id = ?1
                GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20
                """).setParameter(1, id).getResultList()) {
            sources.add(new SourceCount((String) r[0], ((Number) r[1]).longValue()));
        }
        List<QuoteItem> quotes = latestQuotesBy(id, 20);
        Double sentiment = sentimentCount == 0 ? null : Math.round(sentimentSum / sentimentCount * 1000) / 1000.0;
        return Optional.of(new Profile((String) e[0], (String) e[1], (String) e[2], (String) e[3], (String) e[4], aliases,
                ((Number) e[5]).intValue(), ((Number) e[6]).intValue(), ArticleReader.iso(e[7]), ArticleReader.iso(e[8]),
                sentiment, perDay, co, sources, quotes));
    }

    @SuppressWarnings("unchecked")
    List<QuoteItem> latestQuotesBy(String speaker, int limit) {
        List<QuoteItem> out = new ArrayList<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("""
                SELECT q.id, q.text, q.article_id, a.title, q.source_name, a.published_at, q.confidence
                FROM quote q JOIN article a ON a.id = q.article_id WHERE q.speaker_entity_id = ?1
                ORDER BY q.sort_time DESC, q.id DESC LIMIT ?2
                """).setParameter(1, speaker).setParameter(2, limit).getResultList()) {
            out.add(new QuoteItem(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    ArticleReader.iso(r[5]), ((Number) r[6]).doubleValue()));
        }
        return out;
    }

    /**
     * The co-mention graph around an entity: its strongest co-mentioned entities (depth 1) and, at depth 2,
     * theirs; edges weighted by the number of articles mentioning both ends, among all returned nodes.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public Optional<Network> network(String id, int depth, int limit, Instant from, Instant to) {
        List<Object[]> center = em.createNativeQuery("SELECT id, name, type, article_count FROM entity WHERE id = ?1")
                .setParameter(1, id).getResultList();
        if (center.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Node> nodes = new LinkedHashMap<>();
        Object[] c = center.get(0);
        nodes.put(id, new Node(id, (String) c[1], (String) c[2], ((Number) c[3]).intValue(), 0));
        Set<String> frontier = new LinkedHashSet<>(List.of(id));
        for (int d = 1; d <= depth && nodes.size() < limit; d++) {
            Set<String> next = new LinkedHashSet<>();
            int budget = d == 1 ? Math.max(1, depth == 1 ? limit - 1 : (limit - 1) / 2) : limit - nodes.size();
            Optional<List<CoMentionIndex.Count>> indexed = coMentions.coMentioned(frontier, nodes.keySet(), budget, from, to);
            if (indexed.isPresent()) {
                Map<String, Object[]> named = namesAndTypes(indexed.get().stream().map(CoMentionIndex.Count::entityId).toList());
                for (CoMentionIndex.Count n : indexed.get()) {
                    Object[] e = named.get(n.entityId());
                    if (e != null) {
                        nodes.putIfAbsent(n.entityId(), new Node(n.entityId(), (String) e[0], (String) e[1], ((Number) e[2]).intValue(), d));
                        next.add(n.entityId());
                    }
                }
                frontier = next;
                continue;
            }
            List<Object[]> neighbours = em.createNativeQuery("""
                    SELECT o.entity_id, en.name, en.type, en.article_count, count(*) AS n FROM article_entity me
                    JOIN article_entity o ON o.article_id = me.article_id AND o.entity_id <> me.entity_id
                    JOIN entity en ON en.id = o.entity_id
                    WHERE me.entity_id = ANY(CAST(?1 AS varchar[])) AND NOT (o.entity_id = ANY(CAST(?2 AS varchar[])))
                      AND (CAST(?3 AS timestamptz) IS NULL OR me.sort_time >= CAST(?3 AS timestamptz))
                      AND (CAST(?4 AS timestamptz) IS NULL OR me.sort_time < CAST(?4 AS timestamptz))
                    GROUP BY o.entity_id, en.name, en.type, en.article_count ORDER BY n DESC, o.entity_id LIMIT ?5
                    """).setParameter(1, array(frontier)).setParameter(2, array(nodes.keySet()))
                    .setParameter(3, from == null ? null : Timestamp.from(from)).setParameter(4, to == null ? null : Timestamp.from(to))
                    .setParameter(5, budget).getResultList();
            for (Object[] r : neighbours) {
                String nid = (String) r[0];
                nodes.putIfAbsent(nid, new Node(nid, (String) r[1], (String) r[2], ((Number) r[3]).intValue(), d));
                next.add(nid);
            }
            frontier = next;
        }
        List<Edge> edges = new ArrayList<>();
        Map<String, String> types = new LinkedHashMap<>();
        nodes.values().forEach(n -> types.put(n.id(), n.type()));
        Optional<List<CoMentionIndex.Pair>> pairs = coMentions.pairs(types, from, to);
        pairs.ifPresent(list -> list.forEach(p -> edges.add(new Edge(p.a(), p.b(), p.articles()))));
        for (Object[] r : pairs.isPresent() ? List.<Object[]>of() : (List<Object[]>) em.createNativeQuery("""
                SELECT x.entity_id, y.entity_id, count(*) FROM article_entity x
                JOIN article_entity y ON y.article_id = x.article_id AND x.entity_id < y.entity_id
                WHERE x.entity_id = ANY(CAST(?1 AS varchar[])) AND y.entity_id = ANY(CAST(?1 AS varchar[]))
                  AND (CAST(?2 AS timestamptz) IS NULL OR x.sort_time >= CAST(?2 AS timestamptz))
                  AND (CAST(?3 AS timestamptz) IS NULL OR x.sort_time < CAST(?3 AS timestamptz))
                GROUP BY 1, 2 ORDER BY 3 DESC
                """).setParameter(1, array(nodes.keySet())).setParameter(2, from == null ? null : Timestamp.from(from))
                .setParameter(3, to == null ? null : Timestamp.from(to)).getResultList()) {
            edges.add(new Edge((String) r[0], (String) r[1], ((Number) r[2]).longValue()));
        }
        return Optional.of(new Network(id, new ArrayList<>(nodes.values()), edges));
    }

    /** Name, type and article count of each entity id. */
    @SuppressWarnings("unchecked")
    private Map<String, Object[]> namesAndTypes(List<String> ids) {
        Map<String, Object[]> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        for (Object[] r : (List<Object[]>) em.createNativeQuery(
                "SELECT id, name, type, article_count FROM entity WHERE id = ANY(CAST(?1 AS varchar[]))")
                .setParameter(1, array(new LinkedHashSet<>(ids))).getResultList()) {
            out.put((String) r[0], new Object[] {r[1], r[2], r[3]});
        }
        return out;
    }

    static String array(Set<String> ids) {
        return "{" + String.join(",", ids.stream().map(i -> "\"" + i.replace("\\", "").replace("\"", "") + "\"").toList()) + "}";
    }
}
