package io.newslens.nlp.linking;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PersonNamesTest {

    private static boolean same(String a, String b) {
        return PersonNames.compatible(NameKeys.personTokens(a), NameKeys.personTokens(b));
    }

    @Test
    void nearSpellingsOfOnePerson() {
        assertTrue(same("Yevgeny Prigozhin", "Evgeny Prigojin"));
        assertTrue(same("Sergei Shoigu", "Sergey Shoygu"));
        assertTrue(same("Mohammed Shtayyeh", "Mohammad Shtayyeh"));
    }

    @Test
    void differentPeopleSharingAName() {
        assertFalse(same("Li Shangfu", "Li Qiang"));
        assertFalse(same("Li Qiang", "Li Keqiang"));
        assertFalse(same("Wang Yi", "Wang Yu"));
        assertFalse(same("Kim Jong-un", "Kim Jong-il"));
        assertFalse(same("Hillary Clinton", "Bill Clinton"));
        // both first and last name only near: too loose
        assertFalse(same("Mohammed Shtayyeh", "Mohammad Shtayeh"));
        // different token counts: left to the Wikipedia link
        assertFalse(same("George W. Bush", "George Bush"));
        assertFalse(same("Putin", "Putin"));
    }
}
