package io.newslens.nlp.linking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.newslens.nlp.pipeline.AnalyzedText;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The linker's decisions on the small test dictionary: type, name and context rules. */
class EntityLinkerTest {

    private static EntityLinker linker;

    @BeforeAll
    static void index() throws Exception {
        linker = new EntityLinker(MiniIndex.get(), EntityLinker.Settings.defaults());
    }

    private static AnalyzedText.LocalEntity entity(String name, String type, String... aliases) {
        return new AnalyzedText.LocalEntity(name, name, type, null, List.of(aliases), 1);
    }

    private static String link(String text, AnalyzedText.LocalEntity e, AnalyzedText.LocalEntity... others) {
        List<AnalyzedText.LocalEntity> all = new java.util.ArrayList<>(List.of(others));
        all.add(0, e);
        Map<String, EntityLinker.Link> links = linker.linkAll(all, text);
        return links.get(e.key()).title();
    }

    @Test
    void variantSpellingsMeetAtOneTitle() {
        assertEquals("Sergey_Shoigu", link("", entity("Sergei Shoigu", "PERSON")));
        assertEquals("Sergey_Shoigu", link("", entity("Sergey Shoigu", "PERSON")));
        assertEquals("United_States", link("", entity("U.S.", "LOCATION")));
        assertEquals("United_States", link("", entity("United States", "LOCATION")));
        assertEquals("People's_Liberation_Army", link("", entity("PLA", "ORGANIZATION")));
        assertEquals("People's_Liberation_Army", link("", entity("People's Liberation Army", "ORGANIZATION", "PLA")));
        assertEquals("Sukhoi_Su-35", link("", entity("Su-35", "EQUIPMENT")));
    }

    @Test
    void contextChoosesBetweenNamesakes() {
        assertEquals("Georgia_(country)", link("Georgia's government in Tbilisi accused Russia of stirring unrest in the former Soviet republic "
                + "in the Caucasus.",
                entity("Georgia", "LOCATION"), entity("Tbilisi", "LOCATION")));
        assertEquals("Georgia_(U.S._state)", link("Voters in the state of Georgia lined up in Atlanta; the state's governor ...",
                entity("Georgia", "LOCATION"), entity("Atlanta", "LOCATION")));
    }

    @Test
    void personsNeedTheirNameInTheTitle() {
        assertNull(link("Li told reporters ...", entity("Li", "PERSON")), "Li is not Lithium");
        assertNull(link("Jordan, a nurse, said ...", entity("Jordan", "PERSON")), "a first name alone links nowhere");
        assertEquals("Michael_Jordan", link("Michael Jordan scored ...", entity("Michael Jordan", "PERSON", "Jordan")));
        assertEquals("Li_Qiang", link("Premier Li Qiang said ...", entity("Li Qiang", "PERSON")));
        assertNull(link("Li Shangfu met ...", entity("Li Shangfu", "PERSON")), "unknown to the dictionary");
    }

    @Test
    void typeConflictsAreRefused() {
        assertEquals("Jordan", link("", entity("Jordan", "LOCATION")));
        assertNull(link("", entity("Washington", "PERSON")), "a person named Washington is not the state");
    }

    @Test
    void nationalitiesAreNotLinked() {
        AnalyzedText.LocalEntity russian = new AnalyzedText.LocalEntity("Georgian", "Georgian", "MISC", "NATIONALITY", List.of(), 1);
        assertNull(linker.link(russian, LinkingContext.of("", List.of())).title());
        AnalyzedText.LocalEntity language = new AnalyzedText.LocalEntity("Georgian", "Georgian", "MISC", null, List.of(), 1);
        assertEquals("Georgian_language", linker.link(language, LinkingContext.of("", List.of())).title(),
                "the same name without the nationality subtype does link");
    }

    @Test
    void weakLinksAreRefused() {
        EntityLinker strict = new EntityLinker(linker == null ? null : MiniIndexHolder.index(),
                EntityLinker.Settings.defaults().withMinConfidence(0.99));
        assertNull(strict.link(entity("Georgia", "LOCATION"), LinkingContext.of("", List.of())).title());
    }

    /** Access to the shared mini index for tests that need their own linker. */
    static final class MiniIndexHolder {
        static io.newslens.nlp.linking.index.WikiIndex index() {
            try {
                return MiniIndex.get();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
