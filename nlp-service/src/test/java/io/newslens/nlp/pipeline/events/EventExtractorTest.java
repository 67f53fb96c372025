package io.newslens.nlp.pipeline.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.newslens.nlp.pipeline.AnalyzedText;
import io.newslens.nlp.pipeline.EventExtractor;
import io.newslens.nlp.pipeline.LocalFindings.LocalEvent;
import io.newslens.nlp.pipeline.TemporalTagger;
import io.newslens.nlp.pipeline.time.TestTexts;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each event type, its participants, place and time, and the sentences that must not give events. */
class EventExtractorTest {

    private static final String PUBLISHED = "2023-04-17"; // a Monday

    private final EventExtractor extractor = new EventExtractor();
    private final TemporalTagger tagger = new TemporalTagger();

    private List<LocalEvent> events(String marked) {
        AnalyzedText text = TestTexts.of(marked, PUBLISHED);
        return extractor.extract(text, tagger.tag(text));
    }

    private static LocalEvent only(List<LocalEvent> all, String type) {
        List<LocalEvent> of = all.stream().filter(e -> e.type().equals(type)).toList();
        if (of.isEmpty()) {
            fail("no " + type + " event among " + all);
        }
        return of.get(0);
    }

    private static void none(List<LocalEvent> all, String type) {
        assertTrue(all.stream().noneMatch(e -> e.type().equals(type)), "unexpected " + type + ": " + all);
    }

    @Test
    void meetingWithParticipantsPlaceAndPastWeekday() {
        LocalEvent e = only(events("""
                [[Chinese|MISC]] Defence Minister [[Li Shangfu|PERSON]] met [[Russian|MISC]] President [[Vladimir Putin|PERSON]] on Sunday in [[Moscow|LOCATION|CITY]].
                """), "MEETING");
        assertEquals(Set.of("PERSON:li shangfu", "PERSON:vladimir putin"), Set.copyOf(e.participantKeys()));
        assertEquals("LOCATION:moscow", e.placeKey());
        assertEquals("2023-04-16", e.time());
        assertTrue(e.evidence().startsWith("Chinese Defence Minister"));
        assertTrue(e.confidence() > 0.5 && e.confidence() <= 1);
    }

    @Test
    void visitWithDestinationAndRange() {
        LocalEvent e = only(events("""
                [[Li Shangfu|PERSON]] will visit [[Russia|LOCATION|COUNTRY]] during his April 16-19 trip.
                """), "VISIT");
        assertEquals(List.of("PERSON:li shangfu"), e.participantKeys());
        assertEquals("LOCATION:russia", e.placeKey());
        assertEquals("2023-04-16/2023-04-19", e.time());
    }

    @Test
    void talksWithPronounSubject() {
        List<LocalEvent> all = events("""
                [[Anna Schmidt|PERSON]] arrived in [[Warsaw|LOCATION|CITY]] on Thursday.
                She held talks with [[Tomasz Nowak|PERSON]] on Friday.
                """);
        LocalEvent talks = only(all, "TALKS");
        assertEquals(Set.of("PERSON:anna schmidt", "PERSON:tomasz nowak"), Set.copyOf(talks.participantKeys()));
        assertEquals("2023-04-14", talks.time());
        LocalEvent visit = only(all, "VISIT");
        assertEquals("LOCATION:warsaw", visit.placeKey());
        assertEquals("2023-04-13", visit.time());
    }

    @Test
    void statementWithSigners() {
        LocalEvent e = only(events("""
                In a joint statement signed by [[Xi Jinping|PERSON]] and [[Vladimir Putin|PERSON]] last month, the two sides pledged closer ties.
                """), "STATEMENT");
        assertEquals(Set.of("PERSON:xi jinping", "PERSON:vladimir putin"), Set.copyOf(e.participantKeys()));
        assertEquals("2023-03", e.time());
    }

    @Test
    void sanctions() {
        LocalEvent e = only(events("""
                In 2018, the [[U.S. Treasury|ORGANIZATION]] imposed sanctions on [[Li Shangfu|PERSON]].
                """), "SANCTIONS");
        assertEquals(Set.of("ORGANIZATION:u.s. treasury", "PERSON:li shangfu"), Set.copyOf(e.participantKeys()));
        assertEquals("2018", e.time());
    }

    @Test
    void armsTransferNeedsWeapons() {
        List<LocalEvent> all = events("""
                [[Russia|LOCATION|COUNTRY]] delivered [[S-400|EQUIPMENT]] missile systems to [[China|LOCATION|COUNTRY]] in 2018.
                [[Norway|LOCATION|COUNTRY]] delivered grain to [[Egypt|LOCATION|COUNTRY]] in 2019.
                """);
        LocalEvent e = only(all, "ARMS_TRANSFER");
        assertTrue(e.participantKeys().contains("LOCATION:russia"), e.toString());
        assertEquals("2018", e.time());
        assertEquals(1, all.stream().filter(x -> x.type().equals("ARMS_TRANSFER")).count(), "grain is not arms: " + all);
    }

    @Test
    void militaryExerciseNeedsAMilitaryContext() {
        List<LocalEvent> all = events("""
                [[China|LOCATION|COUNTRY]] and [[Russia|LOCATION|COUNTRY]] held joint naval drills in the [[Sea of Japan|LOCATION]] in July.
                """);
        LocalEvent e = only(all, "MILITARY_EXERCISE");
        assertEquals(Set.of("LOCATION:china", "LOCATION:russia"), Set.copyOf(e.participantKeys()));
        assertEquals("LOCATION:sea of japan", e.placeKey());
        assertEquals("2022-07", e.time());
        none(events("""
                [[Maria Lopez|PERSON]] said the exercise of influence over [[Spain|LOCATION]] was limited.
                """), "MILITARY_EXERCISE");
    }

    @Test
    void otherTypes() {
        only(events("[[Ukraine|LOCATION|COUNTRY]] and [[Poland|LOCATION|COUNTRY]] signed a grain agreement on Monday.\n"),
                "AGREEMENT");
        LocalEvent attack = only(events("[[Russia|LOCATION|COUNTRY]] launched an attack on [[Kharkiv|LOCATION|CITY]] on Saturday.\n"),
                "ATTACK");
        assertEquals("2023-04-15", attack.time());
        only(events("[[Finland|LOCATION|COUNTRY]] held a presidential election in January.\n"), "ELECTION");
        only(events("Parliament appointed [[Li Shangfu|PERSON]] defence minister in March.\n"), "APPOINTMENT");
    }

    @Test
    void presentTenseReportFallsBackToPublicationDateOnly() {
        LocalEvent headline = only(events("[[Vladimir Putin|PERSON]] meets [[Li Shangfu|PERSON]] in [[Moscow|LOCATION|CITY]]\n"), "MEETING");
        assertEquals(PUBLISHED, headline.time());
        LocalEvent past = only(events("[[Vladimir Putin|PERSON]] met [[Li Shangfu|PERSON]] in [[Moscow|LOCATION|CITY]].\n"), "MEETING");
        assertNull(past.time(), "a past event without a date has no time");
    }

    @Test
    void anaphoricMeetingTakesTheTimeOfTheOneBefore() {
        List<LocalEvent> all = events("""
                [[Vladimir Putin|PERSON]] met [[Li Shangfu|PERSON]] on Sunday in [[Moscow|LOCATION|CITY]].
                The meeting was attended by [[Sergei Shoigu|PERSON]].
                """);
        assertTrue(all.stream().anyMatch(e -> e.type().equals("MEETING") && e.participantKeys().contains("PERSON:sergei shoigu")
                && "2023-04-16".equals(e.time())), all.toString());
    }

    @Test
    void negatedAndHypotheticalSentencesGiveNoEvents() {
        List<LocalEvent> all = events("""
                [[China|LOCATION|COUNTRY]] has repeatedly denied sending weapons to [[Russia|LOCATION|COUNTRY]].
                [[China|LOCATION|COUNTRY]] will not sell weapons to either side.
                [[Japan|LOCATION|COUNTRY]] has refused to impose sanctions on [[Russia|LOCATION|COUNTRY]].
                If [[Li Shangfu|PERSON]] visits [[Washington|LOCATION|CITY]], he could meet [[Lloyd Austin|PERSON]].
                Western leaders warned [[Beijing|LOCATION|CITY]] against providing lethal weapons to [[Moscow|LOCATION|CITY]].
                """);
        assertTrue(all.isEmpty(), "events from negated or hypothetical sentences: " + all);
    }

    @Test
    void theSpeakerOfAReportIsNotAParticipant() {
        LocalEvent e = only(events("""
                [[Li Shangfu|PERSON]] would visit military academies in [[Russia|LOCATION|COUNTRY]], spokesman [[Tan Kefei|PERSON]] said on Friday.
                """), "VISIT");
        assertEquals(List.of("PERSON:li shangfu"), e.participantKeys());
        assertNull(e.time(), "Friday is when it was said, not when the visit is");
    }
}
