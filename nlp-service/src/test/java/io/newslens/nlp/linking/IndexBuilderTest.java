package io.newslens.nlp.linking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newslens.nlp.linking.index.IndexBuilder;
import io.newslens.nlp.linking.index.IndexFormat;
import io.newslens.nlp.linking.index.MappedWikiIndex;
import io.newslens.nlp.linking.index.TitleType;
import io.newslens.nlp.linking.index.TitleTyper;
import io.newslens.nlp.linking.index.WikiIndex;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexBuilderTest {

    private static Set<String> titles(WikiIndex index, String key) {
        return index.lookup(key).stream().map(e -> index.title(e.titleId()).title()).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void findsAliasesAndTitleNamesUnderTheirKeys() throws Exception {
        WikiIndex index = MiniIndex.get();
        assertEquals(Set.of("People's_Liberation_Army", "Polylactic_acid"), titles(index, "pla"));
        assertTrue(titles(index, "georgia").containsAll(Set.of("Georgia", "Georgia_(country)", "Georgia_(U.S._state)")));
        assertTrue(titles(index, "washington").contains("Washington,_D.C."), "a title's base name is a key");
        assertEquals(Set.of("Sukhoi_Su-35"), titles(index, "su 35"));
        assertEquals(Set.of("United_States"), titles(index, "us"), "'US$' is not a name");
    }

    @Test
    void dropsJunkAndListsAndMarksDecoratedAliases() throws Exception {
        WikiIndex index = MiniIndex.get();
        assertTrue(index.lookup("http en wikipedia org wiki sergey shoigu").isEmpty(), "URLs are not aliases");
        assertTrue(index.lookup("list of georgias").isEmpty(), "list pages are skipped");
        assertTrue(index.lookup("country in the caucasus with its capital tbilisi").isEmpty(), "sentences are not names");
        WikiIndex.Entry polylactic = index.lookup("pla").stream()
                .filter(e -> index.title(e.titleId()).title().equals("Polylactic_acid")).findFirst().orElseThrow();
        assertFalse(polylactic.has(IndexFormat.FLAG_PLAIN), "'PLA,' is decorated");
        assertEquals(0.25, polylactic.prior(), 0.01, "a decorated alias's prior is quartered");
        WikiIndex.Entry pla = index.lookup("pla").stream()
                .filter(e -> index.title(e.titleId()).title().equals("People's_Liberation_Army")).findFirst().orElseThrow();
        assertTrue(pla.has(IndexFormat.FLAG_PLAIN) && pla.has(IndexFormat.FLAG_ALL_CAPS));
        assertEquals(IndexFormat.formHash("PLA"), pla.form());
        assertEquals(0.54, pla.prior(), 0.01);
    }

    @Test
    void typesTitlesAndKeepsContextProfiles() throws Exception {
        WikiIndex index = MiniIndex.get();
        WikiIndex.Title country = title(index, "georgia", "Georgia_(country)");
        assertEquals(TitleType.COUNTRY, country.type());
        assertEquals(TitleType.STATE_OR_PROVINCE, title(index, "georgia", "Georgia_(U.S._state)").type());
        assertEquals(TitleType.CITY, title(index, "washington", "Washington,_D.C.").type());
        assertTrue(country.profile().length > 0);
        assertEquals(TitleType.PERSON, title(index, "vladimir putin", "Vladimir_Putin").type(),
                "linked by the surname alone: a person");
        assertEquals(TitleType.UNKNOWN, title(index, "pentagon", "The_Pentagon").type());
        LinkingContext tbilisi = LinkingContext.of("Talks in Tbilisi", List.of());
        assertTrue(tbilisi.coherence(country.profile(), Set.of()) > 0, "Tbilisi is in the country's profile");
    }

    @Test
    void frontCodingSurvivesManyKeysAndMisses(@TempDir Path dir) throws Exception {
        StringBuilder dict = new StringBuilder();
        for (int t = 0; t < 300; t++) {
            for (int a = 0; a < 3; a++) {
                dict.append("Name").append(t).append(" Alias").append(a).append('\t').append("Title_").append(t).append("\t1.0\n");
            }
        }
        Path file = dir.resolve("x.idx");
        IndexBuilder.Stats stats = new IndexBuilder(TitleTyper.withoutGazetteer(), l -> { })
                .build(new BufferedReader(new StringReader(dict.toString())), file, 7L);
        assertEquals(300, stats.titles());
        MappedWikiIndex index = MappedWikiIndex.open(file);
        assertEquals(7L, index.fingerprint());
        for (int t = 0; t < 300; t += 7) {
            for (int a = 0; a < 3; a++) {
                List<WikiIndex.Entry> found = index.lookup("name " + t + " alias " + a);
                assertEquals(1, found.size(), "name " + t + " alias " + a);
                assertEquals("Title_" + t, index.title(found.get(0).titleId()).title());
            }
        }
        assertTrue(index.lookup("name 5 alias 9").isEmpty());
        assertTrue(index.lookup("aaa").isEmpty());
        assertTrue(index.lookup("zzz").isEmpty());
        assertTrue(Files.size(file) > 0);
    }

    @Test
    void refusesAFileThatIsNotAnIndex(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.idx");
        Files.write(file, new byte[256]);
        try {
            MappedWikiIndex.open(file);
            throw new AssertionError("opened garbage");
        } catch (java.io.IOException expected) {
            assertTrue(expected.getMessage().contains("not a linking index"));
        }
    }

    private static WikiIndex.Title title(WikiIndex index, String key, String title) {
        return index.lookup(key).stream().map(e -> index.title(e.titleId())).filter(t -> t.title().equals(title)).findFirst()
                .orElseThrow();
    }
}
