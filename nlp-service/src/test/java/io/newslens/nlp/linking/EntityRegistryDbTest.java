package io.newslens.nlp.linking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newslens.nlp.pipeline.AnalyzedText;
import io.newslens.testsupport.PostgresTestResource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The registry against a real PostgreSQL (database {@code newslens_nlp_qt}, migrated by the service's own Flyway
 * scripts), with the small test dictionary for linking. Several {@link EntityRegistry} instances stand for
 * several replicas: each has its own cache and shares only the database. No Quarkus start needed.
 */
class EntityRegistryDbTest {

    private static PGSimpleDataSource dataSource;

    @BeforeAll
    static void database() {
        PostgresTestResource.ensureDatabase("newslens_nlp_qt");
        dataSource = new PGSimpleDataSource();
        dataSource.setUrl(PostgresTestResource.jdbcUrl("newslens_nlp_qt"));
        dataSource.setUser("postgres");
        dataSource.setPassword("");
    }

    @BeforeEach
    void clean() {
        Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").cleanDisabled(false)
                .load();
        flyway.clean();
        flyway.migrate();
    }

    /** A replica: its own cache and linker state, the shared database. */
    private static EntityRegistry replica(boolean linking) {
        EntityRegistry registry = new EntityRegistry();
        registry.store = new RegistryStore(dataSource);
        registry.linking = new LinkingIndexService() {
            @Override
            public Optional<EntityLinker> linker() {
                if (!linking) {
                    return Optional.empty();
                }
                return Optional.of(new EntityLinker(EntityLinkerTest.MiniIndexHolder.index(), EntityLinker.Settings.defaults()));
            }
        };
        return registry;
    }

    private static AnalyzedText article(String text, AnalyzedText.LocalEntity... entities) {
        return new AnalyzedText(text, null, List.of(), List.of(), List.of(entities));
    }

    private static AnalyzedText.LocalEntity e(String name, String type, String... aliases) {
        return new AnalyzedText.LocalEntity(type + ":" + name, name, type, null, List.of(aliases), 1);
    }

    private static ResolvedEntity resolve(EntityRegistry registry, String text, AnalyzedText.LocalEntity entity,
            AnalyzedText.LocalEntity... others) {
        List<AnalyzedText.LocalEntity> all = new ArrayList<>(List.of(others));
        all.add(0, entity);
        AnalyzedText a = article(text, all.toArray(AnalyzedText.LocalEntity[]::new));
        return registry.resolve(a.entities(), a).get(entity.key());
    }

    private static long count(String table) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void variantsMeetAcrossArticlesAndReplicas() {
        EntityRegistry a = replica(true);
        EntityRegistry b = replica(true);
        ResolvedEntity sergei = resolve(a, "Sergei Shoigu said ...", e("Sergei Shoigu", "PERSON"));
        ResolvedEntity sergey = resolve(b, "Sergey Shoigu said ...", e("Sergey Shoigu", "PERSON"));
        assertEquals(sergei.id(), sergey.id());
        assertEquals("Sergey_Shoigu", sergey.wikipedia());
        assertEquals("Sergey Shoigu", sergey.name());
        assertEquals(EntityRegistry.wikipediaId("Sergey_Shoigu"), sergei.id(), "deterministic id from the title");

        String us = resolve(a, "", e("US", "LOCATION")).id();
        assertEquals(us, resolve(b, "", e("U.S.", "LOCATION")).id());
        assertEquals(us, resolve(a, "", e("United States", "LOCATION")).id());
        String pla = resolve(b, "", e("PLA", "ORGANIZATION")).id();
        assertEquals(pla, resolve(a, "", e("People's Liberation Army", "ORGANIZATION")).id());
        assertNotEquals(us, pla);
    }

    @Test
    void unknownPeopleGetStableLocalIdsAndStayApart() {
        EntityRegistry a = replica(true);
        EntityRegistry b = replica(true);
        ResolvedEntity shangfu = resolve(a, "Li Shangfu met ...", e("Li Shangfu", "PERSON", "Li"));
        assertNull(shangfu.wikipedia());
        assertEquals(EntityRegistry.localId("PERSON", "li shangfu"), shangfu.id());
        assertEquals(shangfu.id(), resolve(b, "Defence Minister Li Shangfu ...", e("Li Shangfu", "PERSON")).id());
        assertNotEquals(shangfu.id(), resolve(b, "Premier Li Qiang ...", e("Li Qiang", "PERSON")).id());

        String prigozhin = resolve(a, "", e("Yevgeny Prigozhin", "PERSON")).id();
        assertEquals(prigozhin, resolve(b, "", e("Evgeny Prigozhin", "PERSON")).id(), "transliteration variant");
        assertEquals(prigozhin, resolve(b, "", e("Yevgeny Prigojin", "PERSON")).id(), "near spelling, same first name");
        assertNotEquals(prigozhin, resolve(a, "", e("Pavel Prigozhin", "PERSON")).id(), "another first name");
    }

    @Test
    void aLaterWikipediaLinkKeepsTheLocalId() throws Exception {
        EntityRegistry withoutIndex = replica(false);
        String local = resolve(withoutIndex, "", e("Sergei Shoigu", "PERSON")).id();
        assertEquals(EntityRegistry.localId("PERSON", "sergei shoigu"), local);

        EntityRegistry withIndex = replica(true);
        ResolvedEntity linked = resolve(withIndex, "", e("Sergey Shoigu", "PERSON"));
        assertEquals(local, linked.id(), "the local entity claimed the title");
        assertEquals("Sergey_Shoigu", linked.wikipedia());
        assertEquals(local, resolve(replica(true), "", e("Sergei Shoigu", "PERSON")).id());
    }

    @Test
    void aLocalEntityFoundLinkedElsewhereRedirects() throws Exception {
        String local = resolve(replica(false), "", e("People's Liberation Army", "ORGANIZATION")).id();
        EntityRegistry linking = replica(true);
        String linked = resolve(linking, "", e("PLA", "ORGANIZATION")).id();
        assertNotEquals(local, linked, "the acronym alone never met the local entity");
        assertEquals(linked, resolve(linking, "", e("People's Liberation Army", "ORGANIZATION")).id());
        // the old local id now redirects: unlinked mentions of the name reach the linked entity
        assertEquals(linked, resolve(replica(false), "", e("People's Liberation Army", "ORGANIZATION")).id());
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT merged_into FROM registry_entity WHERE id = '" + local + "'")) {
            assertTrue(rs.next());
            assertEquals(linked, rs.getString(1));
        }
    }

    @Test
    void namesakesStayApartAndTheirNameBecomesAmbiguous() {
        EntityRegistry a = replica(true);
        ResolvedEntity country = resolve(a, "Georgia's government in Tbilisi accused Russia of stirring unrest in the "
                + "former Soviet republic in the Caucasus.", e("Georgia", "LOCATION"), e("Tbilisi", "LOCATION"));
        ResolvedEntity state = resolve(a, "Voters in the state of Georgia lined up in Atlanta; the state's governor said.",
                e("Georgia", "LOCATION"), e("Atlanta", "LOCATION"));
        assertEquals("Georgia_(country)", country.wikipedia());
        assertEquals("Georgia_(U.S._state)", state.wikipedia());
        assertNotEquals(country.id(), state.id());
        ResolvedEntity unlinked = resolve(replica(false), "", e("Georgia", "LOCATION"));
        assertNotEquals(country.id(), unlinked.id(), "an ambiguous name is not resolved by alias");
        assertNotEquals(state.id(), unlinked.id());
    }

    @Test
    void adHocTextIsResolvedWithoutWriting() throws Exception {
        EntityRegistry registry = replica(true);
        resolve(registry, "", e("Sergei Shoigu", "PERSON"));
        long entities = count("registry_entity");
        long aliases = count("registry_alias");
        long links = count("registry_wikipedia_link");
        AnalyzedText text = article("Li Shangfu met Sergey Shoigu.", e("Li Shangfu", "PERSON"), e("Sergey Shoigu", "PERSON"));
        Map<String, ResolvedEntity> preview = registry.resolveWithoutStoring(text.entities(), text);
        assertEquals(entities, count("registry_entity"));
        assertEquals(aliases, count("registry_alias"));
        assertEquals(links, count("registry_wikipedia_link"));
        assertEquals(EntityRegistry.wikipediaId("Sergey_Shoigu"), preview.get("PERSON:Sergey Shoigu").id());
        String previewId = preview.get("PERSON:Li Shangfu").id();
        assertEquals(previewId, resolve(registry, "", e("Li Shangfu", "PERSON")).id(),
                "the id shown for ad-hoc text is the one the name gets when stored");
    }

    @Test
    void concurrentReplicasAgreeOnEveryId() throws Exception {
        List<AnalyzedText.LocalEntity[]> articles = List.of(
                new AnalyzedText.LocalEntity[] {e("Sergei Shoigu", "PERSON"), e("Li Shangfu", "PERSON"), e("PLA", "ORGANIZATION")},
                new AnalyzedText.LocalEntity[] {e("Sergey Shoigu", "PERSON"), e("United States", "LOCATION"), e("Li Qiang", "PERSON")},
                new AnalyzedText.LocalEntity[] {e("U.S.", "LOCATION"), e("People's Liberation Army", "ORGANIZATION")},
                new AnalyzedText.LocalEntity[] {e("Yevgeny Prigozhin", "PERSON"), e("Evgeny Prigozhin", "PERSON"), e("US", "LOCATION")},
                new AnalyzedText.LocalEntity[] {e("Li Shangfu", "PERSON"), e("Su-35", "EQUIPMENT"), e("Maria Kovalenko", "PERSON")});
        int replicas = 4;
        ExecutorService pool = Executors.newFixedThreadPool(replicas);
        Map<String, String> idByName = new ConcurrentHashMap<>();
        List<String> conflicts = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> done = new ArrayList<>();
        for (int r = 0; r < replicas; r++) {
            EntityRegistry registry = replica(true);
            long seed = r;
            done.add(pool.submit(() -> {
                List<AnalyzedText.LocalEntity[]> order = new ArrayList<>(articles);
                for (int round = 0; round < 3; round++) {
                    Collections.shuffle(order, new Random(seed * 31 + round));
                    for (AnalyzedText.LocalEntity[] entities : order) {
                        AnalyzedText a = article("", entities);
                        registry.resolve(a.entities(), a).forEach((key, resolved) -> {
                            String before = idByName.putIfAbsent(key, resolved.id());
                            if (before != null && !before.equals(resolved.id())) {
                                conflicts.add(key + ": " + before + " vs " + resolved.id());
                            }
                        });
                    }
                }
                return null;
            }));
        }
        long started = System.nanoTime();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        System.out.printf("%d replicas x %d articles: %.1f ms per article on average (incl. first-time writes)%n", replicas,
                3 * articles.size(), (System.nanoTime() - started) / 1e6 / (replicas * 3 * articles.size()));
        assertTrue(conflicts.isEmpty(), conflicts.toString());
        assertEquals(idByName.get("PERSON:Sergei Shoigu"), idByName.get("PERSON:Sergey Shoigu"));
        assertEquals(idByName.get("LOCATION:US"), idByName.get("LOCATION:U.S."));
        assertEquals(idByName.get("ORGANIZATION:PLA"), idByName.get("ORGANIZATION:People's Liberation Army"));
        assertEquals(idByName.get("PERSON:Yevgeny Prigozhin"), idByName.get("PERSON:Evgeny Prigozhin"));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM registry_entity WHERE merged_into IS NULL")) {
            rs.next();
            // Shoigu, Li Shangfu, PLA, United States, Li Qiang, Prigozhin, Su-35, Maria Kovalenko
            assertEquals(8, rs.getLong(1));
        }
    }
}
