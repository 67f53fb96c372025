package io.newslens.nlp.linking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class NameKeysTest {

    @Test
    void foldsCasePunctuationAndDiacritics() {
        assertEquals("us", NameKeys.key("U.S."));
        assertEquals("us", NameKeys.key("US"));
        assertEquals("peoples liberation army", NameKeys.key("People's Liberation Army"));
        assertEquals("su 35", NameKeys.key("Su-35"));
        assertEquals("su 35", NameKeys.key("Su35"));
        assertEquals("recep tayyip erdogan", NameKeys.key("Recep Tayyip Erdoğan"));
        assertEquals("lodz", NameKeys.key("Łódź"));
        assertEquals("russia", NameKeys.key("Russia's"));
        assertEquals("kremlin", NameKeys.key("the Kremlin"));
        assertEquals("at and t", NameKeys.key("AT&T"));
        assertEquals("", NameKeys.key("  "));
    }

    @Test
    void looseKeyJoinsTransliterationVariants() {
        assertEquals(NameKeys.looseKey("Sergei Shoigu", "PERSON"), NameKeys.looseKey("Sergey Shoigu", "PERSON"));
        assertEquals(NameKeys.looseKey("Sergei Shoigu", "PERSON"), NameKeys.looseKey("Sergej Shoygu", "PERSON"));
        assertEquals(NameKeys.looseKey("Yevgeny Prigozhin", "PERSON"), NameKeys.looseKey("Evgeny Prigozhin", "PERSON"));
        assertEquals(NameKeys.looseKey("Alexei Navalny", "PERSON"), NameKeys.looseKey("Aleksei Navalny", "PERSON"));
        assertEquals(NameKeys.looseKey("Volodymyr Zelensky", "PERSON"), NameKeys.looseKey("Volodymyr Zelenskyy", "PERSON"));
        assertEquals(NameKeys.looseKey("Dmitry Peskov", "PERSON"), NameKeys.looseKey("Dmitri Peskov", "PERSON"));
        assertEquals(NameKeys.looseKey("Mikhail Mishustin", "PERSON"), NameKeys.looseKey("Mihail Mishustin", "PERSON"));
        assertEquals("xi jinping", NameKeys.looseKey("President Xi Jinping", "PERSON"));
        assertEquals("sergei shoigu", NameKeys.looseKey("Gen. Sergei Shoigu", "PERSON"));
    }

    @Test
    void looseKeyKeepsDifferentPeopleApart() {
        assertNotEquals(NameKeys.looseKey("Li Shangfu", "PERSON"), NameKeys.looseKey("Li Qiang", "PERSON"));
        assertNotEquals(NameKeys.looseKey("George W. Bush", "PERSON"), NameKeys.looseKey("George Bush", "PERSON"));
        assertNotEquals(NameKeys.looseKey("Wang Yi", "PERSON"), NameKeys.looseKey("Wang Yu", "PERSON"));
        // an honorific alone is a name, not something to drop
        assertEquals("king", NameKeys.looseKey("King", "PERSON"));
    }

    @Test
    void titleParts() {
        assertEquals("Georgia", NameKeys.displayName("Georgia_(country)"));
        assertEquals("Washington, D.C.", NameKeys.displayName("Washington,_D.C."));
        assertEquals("Washington", NameKeys.baseName("Washington,_D.C."));
        assertEquals("U.S. state", NameKeys.qualifier("Georgia_(U.S._state)"));
        assertEquals("Texas", NameKeys.qualifier("Paris,_Texas"));
        assertNull(NameKeys.qualifier("Sergey_Shoigu"));
    }

    @Test
    void shapes() {
        assertEquals(NameKeys.Shape.ALL_CAPS, NameKeys.Shape.of("PLA"));
        assertEquals(NameKeys.Shape.ALL_CAPS, NameKeys.Shape.of("U.S."));
        assertEquals(NameKeys.Shape.CAPITALISED, NameKeys.Shape.of("Georgia"));
        assertEquals(NameKeys.Shape.CAPITALISED, NameKeys.Shape.of("iPhone"));
        assertEquals(NameKeys.Shape.LOWER, NameKeys.Shape.of("georgia"));
    }
}
