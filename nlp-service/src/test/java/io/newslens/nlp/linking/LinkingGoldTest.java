package io.newslens.nlp.linking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newslens.nlp.linking.index.MappedWikiIndex;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Linking accuracy on the gold lists against the real dictionary index (built into the shared cache folder on
 * first use: about a minute, once per machine). The thresholds are below the measured figures
 * (docs/nlp-linking.md) with a little room, so a regression fails the build.
 */
class LinkingGoldTest {

    private static EntityLinker linker;

    @BeforeAll
    static void open() throws Exception {
        MappedWikiIndex index = RealIndex.open();
        linker = new EntityLinker(index, EntityLinker.Settings.defaults());
    }

    @Test
    void goldList() throws Exception {
        LinkingGold.Score score = LinkingGold.score(LinkingGold.load(), linker);
        System.out.println("gold list: " + score.summary());
        LinkingGold.Score blind = LinkingGold.scoreBlind(LinkingGold.load(), RealIndex.open());
        System.out.println("gold list, baseline (dictionary title of the name, blindly): " + blind.summary());
        assertTrue(score.accuracy() > blind.accuracy() + 0.1, "context and types must beat the blind baseline");
        assertTrue(score.accuracy() >= 0.93, score.summary());
        assertTrue(score.precision() >= 0.95, score.summary());
        assertEquals(score.expectedNone(), score.noneCorrect(), "every 'no link' case refused: " + score.summary());
    }

    @Test
    void heldOutList() throws Exception {
        LinkingGold.Gold heldOut = LinkingGold.load("/nlp/linking/gold-links-heldout.json");
        LinkingGold.Score score = LinkingGold.score(heldOut, linker);
        System.out.println("held-out list: " + score.summary());
        System.out.println("held-out list, baseline (dictionary title of the name, blindly): "
                + LinkingGold.scoreBlind(heldOut, RealIndex.open()).summary());
        assertTrue(score.accuracy() >= 0.9, score.summary());
        assertTrue(score.precision() >= 0.93, score.summary());
    }

    @Test
    void hardCases() throws Exception {
        Map<String, String> got = LinkingGold.score(LinkingGold.load(), linker).outcomes().stream()
                .collect(Collectors.toMap(o -> o.document() + "/" + o.entity().name(),
                        o -> String.valueOf(o.link().title())));
        assertEquals("null", got.get("defence-talks/Li Shangfu"), "absent from the dictionary: a local id, no link");
        assertEquals("Li_Qiang", got.get("defence-talks/Li Qiang"));
        assertEquals("Sergey_Shoigu", got.get("defence-talks/Sergei Shoigu"));
        assertEquals("Sergey_Shoigu", got.get("shoigu-other-spelling/Sergey Shoigu"));
        assertEquals("People's_Liberation_Army", got.get("pla-acronym-only/PLA"));
        assertEquals("United_States", got.get("pla-acronym-only/US"));
        assertEquals("United_States", got.get("washington-government/U.S."));
        assertEquals("Georgia_(country)", got.get("georgia-country/Georgia"));
        assertEquals("Georgia_(U.S._state)", got.get("georgia-state/Georgia"));
        assertEquals("Jordan", got.get("jordan-country/Jordan"));
        assertEquals("Michael_Jordan", got.get("jordan-athlete/Michael Jordan"));
        assertEquals("null", got.get("jordan-first-name/Jordan"));
        assertEquals("Washington", got.get("washington-state/Washington"));
        assertEquals("Denzel_Washington", got.get("washington-actor/Denzel Washington"));
        assertEquals("null", got.get("washington-alone-person/Washington"));
        assertEquals("null", got.get("surname-alone/Li"));
        assertEquals("null", got.get("chinese-diplomacy/Qin Gang"), "a junk alias must not link a person");
    }

    @Test
    void lookupsAreFast() throws Exception {
        MappedWikiIndex index = RealIndex.open();
        String[] keys = {"united states", "georgia", "washington", "sergei shoigu", "pla", "li shangfu", "zzzz qqqq"};
        for (int warm = 0; warm < 2000; warm++) {
            index.lookup(keys[warm % keys.length]);
        }
        long[] nanos = new long[7000];
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            index.lookup(keys[i % keys.length]);
            nanos[i] = System.nanoTime() - t;
        }
        java.util.Arrays.sort(nanos);
        long p50 = LinkingGold.percentile(nanos, 0.5);
        System.out.printf("key look-up p50 %.1f µs, p99 %.1f µs%n", p50 / 1e3, LinkingGold.percentile(nanos, 0.99) / 1e3);
        assertTrue(p50 < 200_000, "p50 " + p50 + " ns");
    }
}
