package io.newslens.ingest.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Date parsing in many languages and formats, plain-text date finding, language detection. */
class DatesAndLanguageTest {

    private final TextDateFinder finder = new TextDateFinder();
    private final LanguageDetector languages = new LanguageDetector();

    private static LocalDate day(String text) {
        return DateTexts.findFirst(text, true).map(f -> f.instant().atOffset(ZoneOffset.UTC).toLocalDate()).orElse(null);
    }

    @Test
    void parsesWrittenDatesInManyLanguages() {
        LocalDate d = LocalDate.of(2023, 4, 16);
        assertEquals(d, day("April 16, 2023"));
        assertEquals(d, day("16 April 2023"));
        assertEquals(d, day("Sun Apr 16 2023"));
        assertEquals(d, day("16. April 2023"));
        assertEquals(d, day("16 avril 2023"));
        assertEquals(d, day("16 de abril de 2023"));
        assertEquals(d, day("16 апреля 2023 г."));
        assertEquals(d, day("16 aprile 2023"));
        assertEquals(d, day("16 de abril de 2023"));
        assertEquals(d, day("16 april 2023"));
        assertEquals(LocalDate.of(2023, 5, 1), day("1er mai 2023"));
        assertEquals(LocalDate.of(2023, 3, 4), day("4. März 2023"));
        assertEquals(LocalDate.of(2022, 8, 15), day("15 agosto 2022"));
    }

    @Test
    void disambiguatesNumericDates() {
        assertEquals(LocalDate.of(2023, 4, 16), day("16.04.2023"));
        assertEquals(LocalDate.of(2023, 4, 16), day("04/16/2023"));
        assertEquals(LocalDate.of(2023, 4, 5), day("04/05/2023"));
        assertEquals(LocalDate.of(2023, 5, 4), DateTexts.findFirst("04/05/2023", false).get().instant()
                .atOffset(ZoneOffset.UTC).toLocalDate());
        assertEquals(LocalDate.of(2023, 5, 4), day("04.05.2023"));
        assertEquals(LocalDate.of(2023, 4, 16), day("2023-04-16"));
        assertEquals(null, day("31.02.2023"));
    }

    @Test
    void readsTimesAndZones() {
        assertEquals(Instant.parse("2023-04-16T13:30:00Z"), DateTexts.findFirst("Apr. 16, 2023 9:30 AM ET", true).get().instant());
        assertEquals(Instant.parse("2023-01-16T14:30:00Z"), DateTexts.findFirst("Jan. 16, 2023 9:30 AM ET", true).get().instant());
        assertEquals(Instant.parse("2023-04-16T12:30:00Z"), DateTexts.findFirst("16. April 2023, 14:30 Uhr MESZ", true).get().instant());
        assertEquals(Instant.parse("2023-04-16T07:02:00Z"), DateTexts.findFirst("Sun 16 Apr 2023 08.02 BST", true).get().instant());
        assertEquals(Optional.of(Instant.parse("2023-04-16T13:30:00Z")), DateTexts.parseMachine("2023-04-16T09:30:00-0400"));
        assertEquals(Optional.of(Instant.parse("2023-04-16T09:30:00Z")), DateTexts.parseMachine("Sun, 16 Apr 2023 09:30:00 GMT"));
        assertEquals(Optional.empty(), DateTexts.parseMachine("0000-00-00 00:00:00"));
        assertEquals(Optional.empty(), DateTexts.parseMachine("1970-01-01T00:00:00Z"));
    }

    @Test
    void findsTheDatelineOfAPlainText() {
        String text = "Harbour terminal opening delayed\n\nMon Apr 17 2023\n\nThe harbour authority said on Tuesday that the "
                + "terminal would open in June.";
        assertEquals(LocalDate.of(2023, 4, 17), finder.find(text).get().atOffset(ZoneOffset.UTC).toLocalDate());
    }

    @Test
    void doesNotTakeADateFromARunningSentenceOrAnUpdateLine() {
        String sentence = "Harbour terminal opening delayed\n\nThe harbour authority, which first proposed the terminal in a "
                + "report it published to the city council and the port's users, said that the contract it signed on March 3, 2021 "
                + "had been extended.";
        assertTrue(finder.find(sentence).isEmpty());
        assertTrue(finder.find("Harbour terminal\n\nUpdated: 17 April 2023\n\nThe authority said...").isEmpty());
        assertEquals(LocalDate.of(2023, 4, 14), finder.find("Terminal\n\nPublished 14 April 2023 | Updated 17 April 2023\n\nText.")
                .get().atOffset(ZoneOffset.UTC).toLocalDate());
    }

    @Test
    void relativeDatesOnlyAgainstAReference() {
        assertTrue(finder.find("Terminal delayed\n\nPublished 3 hours ago\n\nText of the story.").isEmpty());
        assertEquals(Instant.parse("2023-06-01T09:00:00Z"),
                finder.find("Terminal delayed\n\nPublished 3 hours ago\n\nText.", Instant.parse("2023-06-01T12:00:00Z")).get());
        assertEquals(Instant.parse("2023-05-30T12:00:00Z"),
                finder.find("Terminal\n\nvor 2 Tagen\n\nText.", Instant.parse("2023-06-01T12:00:00Z")).get());
    }

    @Test
    void detectsLanguages() {
        assertEquals(Optional.of("en"), languages.detect("The council approved the budget after a long debate on Tuesday night."));
        assertEquals(Optional.of("de"), languages.detect("Der Stadtrat hat den Haushalt nach einer langen Debatte beschlossen."));
        assertEquals(Optional.of("fr"), languages.detect("Le conseil municipal a adopté le budget après un long débat mardi soir."));
        assertEquals(Optional.of("es"), languages.detect("El ayuntamiento aprobó el presupuesto tras un largo debate el martes."));
        assertEquals(Optional.of("ru"), languages.detect("Городской совет утвердил бюджет после долгих споров во вторник вечером."));
        assertEquals(Optional.empty(), languages.detect("12:30"));
        assertEquals(Optional.empty(), languages.detect(""));
    }
}
