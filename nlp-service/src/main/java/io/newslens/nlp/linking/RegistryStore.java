package io.newslens.nlp.linking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The registry's database access (tables of {@code db/migration/V1__entity_registry.sql}), in plain JDBC on the
 * service's data source: every write is an {@code INSERT ... ON CONFLICT}, which is SQL's job rather than an
 * ORM's, and the store can be exercised against a real PostgreSQL by several concurrent "replicas" in a plain test.
 *
 * <p>Reads take one connection in auto-commit; writes one transaction, in a fixed order (entities by id, titles,
 * aliases by key) so concurrent replicas never deadlock on each other's unique keys, and first claims win.
 */
@ApplicationScoped
public class RegistryStore {

    /** One row of {@code registry_entity}. */
    public record EntityRow(String id, String canonicalName, String type, String subtype, String nameKey, String firstKey,
            String lastKey, String wikipediaTitle, String mergedInto) {
    }

    /** One row of {@code registry_alias}. */
    public record AliasRow(String type, String key, String entityId, boolean ambiguous) {
    }

    /** What the database knows about one article's names. */
    public record Snapshot(Map<String, String> links, Map<String, AliasRow> aliases, Map<String, EntityRow> entities,
            List<EntityRow> persons) {

        static String aliasId(String type, String key) {
            return type + "\u0000" + key;
        }

        public AliasRow alias(String type, String key) {
            return aliases.get(aliasId(type, key));
        }

        /** Follows merges to the entity an id stands for today. */
        public String follow(String id) {
            String current = id;
            for (int hops = 0; hops < 8; hops++) {
                EntityRow e = entities.get(current);
                if (e == null || e.mergedInto() == null) {
                    return current;
                }
                current = e.mergedInto();
            }
            return current;
        }
    }

    public record NewEntity(String id, String name, String type, String subtype, String nameKey, String firstKey,
            String lastKey, String wikipediaTitle) {
    }

    public record Claim(String title, String entityId, double confidence) {
    }

    public record AliasWrite(String type, String key, String entityId, String surface) {
    }

    /** An entity found to be another one: it keeps its id, which redirects to {@code into}. */
    public record Merge(String from, String into) {
    }

    static final String INSERT_ENTITY = "INSERT INTO registry_entity (id, canonical_name, type, subtype, name_key, "
            + "first_key, last_key, wikipedia_title) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING";
    static final String CLAIM_TITLE = "INSERT INTO registry_wikipedia_link (title, entity_id, confidence) VALUES (?, ?, ?) "
            + "ON CONFLICT (title) DO NOTHING";
    static final String TITLE_OWNER = "SELECT entity_id FROM registry_wikipedia_link WHERE title = ?";
    static final String MARK_LINKED = "UPDATE registry_entity SET wikipedia_title = ?, updated_at = now() "
            + "WHERE id = ? AND wikipedia_title IS NULL";
    static final String MARK_MERGED = "UPDATE registry_entity SET merged_into = ?, updated_at = now() "
            + "WHERE id = ? AND merged_into IS NULL AND id <> ?";
    static final String UPSERT_ALIAS = "INSERT INTO registry_alias (type, alias_key, entity_id, surface) VALUES (?, ?, ?, ?) "
            + "ON CONFLICT (type, alias_key) DO UPDATE SET ambiguous = true "
            + "WHERE registry_alias.entity_id <> EXCLUDED.entity_id AND NOT registry_alias.ambiguous";
    private static final String ENTITY_COLUMNS = "id, canonical_name, type, subtype, name_key, first_key, last_key, "
            + "wikipedia_title, merged_into";

    @Inject
    DataSource dataSource;

    RegistryStore() {
        // for CDI
    }

    /** A store on a given data source (tests, tools). */
    public RegistryStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Snapshot read(Collection<String> titles, Map<String, Set<String>> keysByType, Collection<String> personFirst,
            Collection<String> personLast) {
        try (Connection c = dataSource.getConnection()) {
            Map<String, String> links = new HashMap<>();
            if (!titles.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT title, entity_id FROM registry_wikipedia_link WHERE title = ANY (?)")) {
                    ps.setArray(1, array(c, titles));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            links.put(rs.getString(1), rs.getString(2));
                        }
                    }
                }
            }
            Map<String, AliasRow> aliases = new HashMap<>();
            Set<String> allKeys = new HashSet<>();
            keysByType.values().forEach(allKeys::addAll);
            if (!allKeys.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT type, alias_key, entity_id, ambiguous FROM registry_alias WHERE alias_key = ANY (?)")) {
                    ps.setArray(1, array(c, allKeys));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            AliasRow a = new AliasRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4));
                            Set<String> wanted = keysByType.get(a.type());
                            if (wanted != null && wanted.contains(a.key())) {
                                aliases.put(Snapshot.aliasId(a.type(), a.key()), a);
                            }
                        }
                    }
                }
            }
            List<EntityRow> persons = new ArrayList<>();
            if (!personFirst.isEmpty() || !personLast.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("SELECT " + ENTITY_COLUMNS + " FROM registry_entity "
                        + "WHERE type = 'PERSON' AND merged_into IS NULL AND (first_key = ANY (?) OR last_key = ANY (?)) "
                        + "LIMIT 500")) {
                    ps.setArray(1, array(c, personFirst));
                    ps.setArray(2, array(c, personLast));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            persons.add(entity(rs));
                        }
                    }
                }
            }
            Map<String, EntityRow> entities = new HashMap<>();
            persons.forEach(p -> entities.put(p.id(), p));
            Set<String> wanted = new HashSet<>(links.values());
            for (AliasRow a : aliases.values()) {
                wanted.add(a.entityId());
            }
            for (int hops = 0; hops < 8; hops++) {
                wanted.removeAll(entities.keySet());
                if (wanted.isEmpty()) {
                    break;
                }
                Set<String> next = new HashSet<>();
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT " + ENTITY_COLUMNS + " FROM registry_entity WHERE id = ANY (?)")) {
                    ps.setArray(1, array(c, wanted));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            EntityRow e = entity(rs);
                            entities.put(e.id(), e);
                            if (e.mergedInto() != null) {
                                next.add(e.mergedInto());
                            }
                        }
                    }
                }
                wanted = next;
            }
            return new Snapshot(links, aliases, entities, persons);
        } catch (SQLException e) {
            throw new RegistryException("reading the entity registry failed", e);
        }
    }

    /**
     * Writes new entities, title claims and aliases in one transaction; returns, for every id that lost a title
     * claim to another entity, the winner (the loser is marked merged into it, so its id keeps working).
     */
    public Map<String, String> write(List<NewEntity> entities, List<Claim> claims, List<AliasWrite> aliases) {
        return write(entities, claims, aliases, List.of());
    }

    public Map<String, String> write(List<NewEntity> entities, List<Claim> claims, List<AliasWrite> aliases,
            List<Merge> merges) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                Map<String, String> lostTo = write(c, entities, claims, aliases, merges);
                c.commit();
                return lostTo;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new RegistryException("writing the entity registry failed", e);
        }
    }

    private static Map<String, String> write(Connection c, List<NewEntity> entities, List<Claim> claims,
            List<AliasWrite> aliases, List<Merge> merges) throws SQLException {
        List<NewEntity> sortedEntities = new ArrayList<>(entities);
        sortedEntities.sort(Comparator.comparing(NewEntity::id));
        try (PreparedStatement ps = c.prepareStatement(INSERT_ENTITY)) {
            for (NewEntity e : sortedEntities) {
                ps.setString(1, e.id());
                ps.setString(2, truncate(e.name(), 400));
                ps.setString(3, e.type());
                ps.setString(4, e.subtype());
                ps.setString(5, truncate(e.nameKey(), 400));
                ps.setString(6, truncate(e.firstKey(), 100));
                ps.setString(7, truncate(e.lastKey(), 100));
                ps.setString(8, e.wikipediaTitle());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        Map<String, String> lostTo = new HashMap<>();
        List<Claim> sortedClaims = new ArrayList<>(claims);
        sortedClaims.sort(Comparator.comparing(Claim::title));
        for (Claim claim : sortedClaims) {
            try (PreparedStatement ps = c.prepareStatement(CLAIM_TITLE)) {
                ps.setString(1, claim.title());
                ps.setString(2, claim.entityId());
                ps.setFloat(3, (float) claim.confidence());
                ps.executeUpdate();
            }
            // a new statement: it sees a concurrent claim committed while the insert waited for it
            String winner;
            try (PreparedStatement ps = c.prepareStatement(TITLE_OWNER)) {
                ps.setString(1, claim.title());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    winner = rs.getString(1);
                }
            }
            if (winner.equals(claim.entityId())) {
                try (PreparedStatement ps = c.prepareStatement(MARK_LINKED)) {
                    ps.setString(1, claim.title());
                    ps.setString(2, winner);
                    ps.executeUpdate();
                }
            } else {
                lostTo.put(claim.entityId(), winner);
                try (PreparedStatement ps = c.prepareStatement(MARK_MERGED)) {
                    ps.setString(1, winner);
                    ps.setString(2, claim.entityId());
                    ps.setString(3, winner);
                    ps.executeUpdate();
                }
            }
        }
        List<Merge> sortedMerges = new ArrayList<>(merges);
        sortedMerges.sort(Comparator.comparing(Merge::from));
        for (Merge m : sortedMerges) {
            try (PreparedStatement ps = c.prepareStatement(MARK_MERGED)) {
                ps.setString(1, m.into());
                ps.setString(2, m.from());
                ps.setString(3, m.into());
                ps.executeUpdate();
            }
        }
        List<AliasWrite> sortedAliases = new ArrayList<>(aliases);
        sortedAliases.sort(Comparator.comparing(AliasWrite::type).thenComparing(AliasWrite::key));
        try (PreparedStatement ps = c.prepareStatement(UPSERT_ALIAS)) {
            for (AliasWrite a : sortedAliases) {
                ps.setString(1, a.type());
                ps.setString(2, truncate(a.key(), 400));
                ps.setString(3, lostTo.getOrDefault(a.entityId(), a.entityId()));
                ps.setString(4, truncate(a.surface(), 400));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return lostTo;
    }

    private static EntityRow entity(ResultSet rs) throws SQLException {
        return new EntityRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9));
    }

    private static Array array(Connection c, Collection<String> values) throws SQLException {
        return c.createArrayOf("varchar", values.toArray(new String[0]));
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** A registry read or write that failed; carries the SQL state for retry decisions. */
    public static class RegistryException extends RuntimeException {
        public RegistryException(String message, SQLException cause) {
            super(message + ": " + cause.getMessage(), cause);
        }
    }
}
