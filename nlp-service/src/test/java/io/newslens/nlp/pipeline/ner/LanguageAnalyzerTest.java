package io.newslens.nlp.pipeline.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newslens.nlp.pipeline.AnalyzedText;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The error classes of stock CoreNLP that the layer corrects, on short articles written for these tests (not the
 * sample files). One class, one analyzer: loading CoreNLP takes seconds and much CPU on the shared machine.
 */
class LanguageAnalyzerTest {

    private static final Instant PUBLISHED = Instant.parse("2024-03-08T09:00:00Z");
    private static LanguageAnalyzer analyzer;

    @BeforeAll
    static void load() {
        analyzer = new LanguageAnalyzer();
    }

    private static AnalyzedText analyze(String text) {
        return analyzer.analyze(text, PUBLISHED);
    }

    private static AnalyzedText.NamedMention mention(AnalyzedText a, String text) {
        return a.mentions().stream().filter(m -> m.text().equals(text)).findFirst().orElse(null);
    }

    private static List<AnalyzedText.NamedMention> mentions(AnalyzedText a, String text) {
        return a.mentions().stream().filter(m -> m.text().equals(text)).toList();
    }

    private static AnalyzedText.LocalEntity entity(AnalyzedText a, AnalyzedText.NamedMention m) {
        return a.entities().stream().filter(e -> e.key().equals(m.localEntityKey())).findFirst().orElseThrow();
    }

    private static String tagOf(AnalyzedText a, String word) {
        return a.sentences().stream().flatMap(s -> s.tokens().stream()).filter(t -> t.word().equals(word))
                .map(AnalyzedText.Token::ner).findFirst().orElse(null);
    }

    @Test
    void weaponDesignationsAreEquipmentButDiseaseAndSummitNamesAreNot() {
        AnalyzedText a = analyze("""
                Algeria has ordered Su-30 fighter jets and an S-300 air-defence battery, and the navy wants two \
                Type 052D destroyers.
                Ukrainian troops fired HIMARS rockets at a depot after Shahed-131 drones hit Lviv.
                A COVID-19 outbreak delayed the G-20 meeting, where the missile programme was discussed.""");
        for (String name : List.of("Su-30", "S-300", "Type 052D", "HIMARS", "Shahed-131")) {
            AnalyzedText.NamedMention m = mention(a, name);
            assertNotNull(m, name + " not found in " + a.mentions());
            assertEquals("EQUIPMENT", m.type(), name);
        }
        assertEquals("AIRCRAFT", mention(a, "Su-30").subtype());
        assertEquals("DRONE", mention(a, "Shahed-131").subtype());
        assertTrue(a.mentions().stream().noneMatch(m -> m.text().startsWith("COVID") && m.type().equals("EQUIPMENT")));
        assertTrue(a.mentions().stream().noneMatch(m -> m.text().startsWith("G-20") && m.type().equals("EQUIPMENT")));
    }

    @Test
    void ambiguousSystemNamesNeedMilitaryContext() {
        AnalyzedText a = analyze("""
                Poland will receive two more Patriot batteries and new air-defence missiles next year.
                The Patriot Act was debated in Congress for a week.""");
        List<AnalyzedText.NamedMention> patriots = mentions(a, "Patriot");
        assertFalse(patriots.isEmpty(), a.mentions().toString());
        assertEquals("EQUIPMENT", patriots.get(0).type());
    }

    @Test
    void aLeaderNamedOnlyBySurnameIsAPerson() {
        AnalyzedText a = analyze("Xi will travel to Paris in May, officials said. Xi's aides declined to comment.");
        for (AnalyzedText.NamedMention m : mentions(a, "Xi")) {
            assertEquals("PERSON", m.type());
        }
        assertEquals(2, mentions(a, "Xi").size(), a.mentions().toString());
    }

    @Test
    void capitalsActingAsGovernmentsAreOrganisationsButPlacesStayLocations() {
        AnalyzedText a = analyze("""
                Washington said on Monday that the talks had failed.
                Moscow has warned that it would respond, and Beijing's stance remains unclear.
                The delegation arrived in Moscow late at night and stayed near Beijing railway station.""");
        List<AnalyzedText.NamedMention> moscow = mentions(a, "Moscow");
        assertEquals("ORGANIZATION", mention(a, "Washington").type());
        assertEquals("GOVERNMENT", mention(a, "Washington").subtype());
        assertEquals("ORGANIZATION", moscow.get(0).type());
        assertEquals("LOCATION", moscow.get(1).type());
        assertEquals("ORGANIZATION", mentions(a, "Beijing").get(0).type());
        assertNotEquals(moscow.get(0).localEntityKey(), moscow.get(1).localEntityKey(),
                "the government and the city are different entities");
    }

    @Test
    void multiWordCountryNamesAreNotTruncated() {
        AnalyzedText a = analyze("""
                The People's Republic of China and the Democratic People's Republic of Korea signed a treaty.
                Trade with the Republic of China, as Taiwan calls itself, fell.""");
        AnalyzedText.NamedMention prc = mention(a, "People's Republic of China");
        assertNotNull(prc, a.mentions().toString());
        assertEquals("LOCATION", prc.type());
        assertNotNull(mention(a, "Democratic People's Republic of Korea"), a.mentions().toString());
        assertNotEquals(prc.localEntityKey(), mention(a, "Republic of China").localEntityKey());
    }

    @Test
    void geographicNamesWithOfAreOneMention() {
        AnalyzedText a = analyze("""
                Tankers avoided the Strait of Hormuz and sailed through the Gulf of Oman instead.
                Russian ships exercised in the Sea of Japan, while a storm crossed the Gulf of Mexico.""");
        for (String name : List.of("Strait of Hormuz", "Gulf of Oman", "Sea of Japan", "Gulf of Mexico")) {
            AnalyzedText.NamedMention m = mention(a, name);
            assertNotNull(m, name + " not found in " + a.mentions());
            assertEquals("LOCATION", m.type());
        }
        assertNull(mention(a, "Japan"));
    }

    @Test
    void pronounsAndCommonNounsAreNotMentions() {
        AnalyzedText a = analyze("""
                Angela Brandt, the minister, said she would resign. He called her decision brave, and his party agreed.
                The war has killed thousands, she said.""");
        assertTrue(a.mentions().stream().noneMatch(m -> m.text().equalsIgnoreCase("he") || m.text().equalsIgnoreCase("she")
                || m.text().equalsIgnoreCase("his") || m.text().equalsIgnoreCase("her")), a.mentions().toString());
        assertNull(mention(a, "war"));
        assertEquals("O", tagOf(a, "war"));
        assertEquals("PERSON", mention(a, "Angela Brandt").type());
    }

    @Test
    void pageCountersAndVideoTimestampsLoseNumericTags() {
        AnalyzedText a = analyze("""
                Flood waters rose overnight in the valley.
                1/12
                Watch the video
                02:31
                Rescuers reached the village at 6:40 on Sunday.""");
        assertEquals("O", tagOf(a, "1/12"));
        assertEquals("O", tagOf(a, "02:31"));
        // real time expressions keep the tags the time layer reads
        assertTrue(java.util.Set.of("DATE", "TIME").contains(tagOf(a, "Sunday")), tagOf(a, "Sunday"));
        assertEquals("TIME", tagOf(a, "6:40"));
    }

    @Test
    void aPersonIsAPersonThroughoutTheArticle() {
        AnalyzedText a = analyze("""
                Jordan Ellery, a wind-farm engineer, won the award.
                Ellery said the prize belonged to the whole team. Colleagues of Ellery agreed.""");
        for (AnalyzedText.NamedMention m : mentions(a, "Ellery")) {
            assertEquals("PERSON", m.type());
            assertEquals("Jordan Ellery", entity(a, m).name());
        }
        assertEquals(2, mentions(a, "Ellery").size(), a.mentions().toString());
    }

    @Test
    void shortFormsResolveToTheFullNameWithTitlesAndPossessivesStripped() {
        AnalyzedText a = analyze("""
                President Putin spoke by phone on Tuesday.
                Russian President Vladimir Putin told Defence Minister Andrei Belousov to speed up deliveries.
                Putin's spokesman later said Mr. Belousov would visit the troops.""");
        AnalyzedText.NamedMention first = mention(a, "Putin");
        assertNotNull(first, a.mentions().toString());
        AnalyzedText.LocalEntity putin = entity(a, first);
        assertEquals("Vladimir Putin", putin.name());
        assertTrue(putin.aliases().contains("Putin"));
        assertEquals(3, putin.mentionCount());
        assertTrue(a.mentions().stream().noneMatch(m -> m.text().contains("'s") || m.text().startsWith("President")
                || m.text().startsWith("Mr")), a.mentions().toString());
        assertEquals("Andrei Belousov", entity(a, mention(a, "Belousov")).name());
    }

    @Test
    void twoPeopleSharingASurnameStayApartAndABareSurnameGoesToTheMostRecent() {
        AnalyzedText a = analyze("""
                Premier Li Qiang opened the session in the morning.
                Later, Defence Minister Li Shangfu met foreign officers. Li said cooperation would grow.
                Li Qiang then left for Shanghai, where Mr. Li met investors.""");
        AnalyzedText.LocalEntity qiang = entity(a, mention(a, "Li Qiang"));
        AnalyzedText.LocalEntity shangfu = entity(a, mention(a, "Li Shangfu"));
        assertNotEquals(qiang.key(), shangfu.key());
        List<AnalyzedText.NamedMention> bare = mentions(a, "Li");
        assertEquals(2, bare.size(), a.mentions().toString());
        assertEquals(shangfu.key(), bare.get(0).localEntityKey(), "after Li Shangfu's mention");
        assertEquals(qiang.key(), bare.get(1).localEntityKey(), "after Li Qiang's second mention");
    }

    @Test
    void anAmbiguousSurnameBeforeAnyCandidateStaysUnresolved() {
        AnalyzedText a = analyze("""
                Li declined to comment on Friday.
                Li Qiang and Li Shangfu both attended the banquet.""");
        AnalyzedText.NamedMention bare = mentions(a, "Li").get(0);
        assertEquals("PERSON", bare.type());
        assertNotEquals(entity(a, mention(a, "Li Qiang")).key(), bare.localEntityKey());
        assertNotEquals(entity(a, mention(a, "Li Shangfu")).key(), bare.localEntityKey());
    }

    @Test
    void initialismsJoinTheirExpansion() {
        AnalyzedText a = analyze("""
                The People's Liberation Army (PLA) held drills near the island.
                The PLA said the exercises would last three days. The European Union and the EU's envoy objected.""");
        AnalyzedText.LocalEntity pla = entity(a, mention(a, "PLA"));
        assertEquals("People's Liberation Army", pla.name());
        assertEquals("ORGANIZATION", pla.type());
        assertTrue(pla.aliases().contains("PLA"));
        assertEquals(3, pla.mentionCount());
        assertEquals("European Union", entity(a, mention(a, "EU")).name());
    }

    @Test
    void runTogetherNamesAreSplit() {
        AnalyzedText a = analyze("""
                Russia-China trade grew, said the PLA's Equipment Development Department.
                The Russian Defence Ministry disagreed with US Secretary of Defense Lloyd Austin.""");
        assertEquals("LOCATION", mention(a, "Russia").type());
        assertEquals("LOCATION", mention(a, "China").type());
        assertEquals("ORGANIZATION", mention(a, "Equipment Development Department").type());
        assertEquals("ORGANIZATION", mention(a, "Defence Ministry").type());
        assertEquals("PERSON", mention(a, "Lloyd Austin").type());
    }

    @Test
    void tokensCarryTheCorrectedTypesAndOffsets() {
        String text = "Moscow warned Kyiv. The S-400 battery stayed in Crimea.";
        AnalyzedText a = analyze(text);
        for (AnalyzedText.NamedMention m : a.mentions()) {
            assertEquals(m.text(), text.substring(m.start(), m.end()));
        }
        assertEquals("ORGANIZATION", tagOf(a, "Moscow"));
        assertEquals("EQUIPMENT", tagOf(a, "400"));
    }

    @Test
    void isThreadSafe() throws Exception {
        List<String> texts = List.of(
                "Chancellor Olaf Scholz met Emmanuel Macron in Berlin. Scholz said Paris and Berlin agree.",
                "The Kremlin said Sergei Lavrov would visit Ankara, where Turkey hosts talks on the Black Sea.",
                "Taiwan detected J-16 fighters and a Y-8 aircraft near the Taiwan Strait, its ministry said.");
        List<String> expected = texts.stream().map(t -> analyze(t).mentions().toString()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> results = new java.util.ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (String t : texts) {
                    results.add(pool.submit(() -> analyze(t).mentions().toString()));
                }
            }
            for (int i = 0; i < results.size(); i++) {
                assertEquals(expected.get(i % texts.size()), results.get(i).get());
            }
        } finally {
            pool.shutdown();
        }
    }
}
