package io.newslens.nlp.pipeline.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newslens.contracts.Annotations.Temporal;
import io.newslens.nlp.pipeline.TemporalTagger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule of the temporal tagger on sentences written for it. 2024-05-15 is a Wednesday. */
class TemporalTaggerTest {

    private static final String WEDNESDAY = "2024-05-15";
    private final TemporalTagger tagger = new TemporalTagger();

    private Temporal find(String text, String published, String expression) {
        List<Temporal> all = tagger.tag(TestTexts.of(text, published));
        int start = text.indexOf(expression);
        int end = start + expression.length();
        for (Temporal t : all) {
            if (t.start() < end && start < t.end()) {
                return t;
            }
        }
        return null;
    }

    private void expect(String text, String published, String expression, String value, String kind) {
        Temporal t = find(text, published, expression);
        assertNotNull(t, "no temporal for '" + expression + "' in: " + text);
        assertEquals(value, t.value(), "value of '" + t.text() + "' in: " + text);
        assertEquals(kind, t.kind(), "kind of '" + t.text() + "'");
    }

    @Test
    void weekdayInPastTenseResolvesToThePastOccurrence() {
        expect("The prime minister said on Friday that the budget was balanced.", WEDNESDAY, "Friday", "2024-05-10", "DATE");
        expect("Police said Monday they had arrested two men.", WEDNESDAY, "Monday", "2024-05-13", "DATE");
        expect("The two ministers met on Sunday in Vienna.", WEDNESDAY, "Sunday", "2024-05-12", "DATE");
        // published on that very weekday: the same day, not a week before or after
        expect("The agency announced the result Wednesday.", WEDNESDAY, "Wednesday", "2024-05-15", "DATE");
    }

    @Test
    void weekdayInFutureTenseResolvesToTheNextOccurrence() {
        expect("The summit will open on Monday in Geneva.", WEDNESDAY, "Monday", "2024-05-20", "DATE");
        expect("On Monday the talks will start.", WEDNESDAY, "Monday", "2024-05-20", "DATE");
        expect("The court is expected to rule on Thursday.", WEDNESDAY, "Thursday", "2024-05-16", "DATE");
        expect("The visit will begin on Wednesday.", WEDNESDAY, "Wednesday", "2024-05-22", "DATE");
    }

    @Test
    void weekdayWithoutTenseResolvesToTheNearest() {
        expect("Putin holds talks with Li at the Kremlin on Tuesday", WEDNESDAY, "Tuesday", "2024-05-14", "DATE");
        expect("Sunday's rally drew thousands of supporters.", WEDNESDAY, "Sunday", "2024-05-12", "DATE");
    }

    @Test
    void modifiedWeekdays() {
        expect("Last Friday, the board rejected the offer.", WEDNESDAY, "Last Friday", "2024-05-10", "DATE");
        expect("The vote is scheduled for next Tuesday.", WEDNESDAY, "next Tuesday", "2024-05-21", "DATE");
    }

    @Test
    void rangesHaveStartAndEnd() {
        Temporal t = find("The minister will visit Russia during his April 16-19 trip.", "2023-04-14", "April 16-19");
        assertNotNull(t);
        assertEquals("RANGE", t.kind());
        assertEquals("2023-04-16/2023-04-19", t.value());
        assertEquals("2023-04-16", t.rangeStart());
        assertEquals("2023-04-19", t.rangeEnd());
        expect("The festival runs from 16 to 19 June.", WEDNESDAY, "from 16 to 19 June", "2024-06-16/2024-06-19", "RANGE");
        expect("Inspectors will be on site from May 20th to the 24th.", WEDNESDAY, "from May 20th to the 24th",
                "2024-05-20/2024-05-24", "RANGE");
        expect("Talks were held between Monday and Wednesday.", WEDNESDAY, "between Monday and Wednesday",
                "2024-05-13/2024-05-15", "RANGE");
        expect("Talks will be held between Monday and Wednesday.", WEDNESDAY, "between Monday and Wednesday",
                "2024-05-20/2024-05-22", "RANGE");
        expect("Unemployment rose steadily between 2019 and 2021.", WEDNESDAY, "between 2019 and 2021", "2019/2021", "RANGE");
        expect("The conference takes place 3–5 September 2024 in Lisbon.", WEDNESDAY, "3–5 September 2024",
                "2024-09-03/2024-09-05", "RANGE");
        // a range that has begun is still the current one, even in the future tense
        expect("He will visit academies from May 13th to the 17th.", WEDNESDAY, "from May 13th", "2024-05-13/2024-05-17", "RANGE");
    }

    @Test
    void durationsStayDurations() {
        expect("The ceasefire held for three days.", WEDNESDAY, "three days", "P3D", "DURATION");
        expect("Both navies joined a two-week exercise in the Baltic.", WEDNESDAY, "two-week", "P2W", "DURATION");
        expect("He began a four-day visit to Japan.", WEDNESDAY, "four-day", "P4D", "DURATION");
        expect("The outage lasted 45 minutes.", WEDNESDAY, "45 minutes", "PT45M", "DURATION");
        expect("Negotiations dragged on for months.", WEDNESDAY, "months", "PXM", "DURATION");
        // an age is not a duration of anything
        Temporal age = find("The pilot, a 52-year-old veteran, landed safely.", WEDNESDAY, "52-year-old");
        assertNull(age, "an age became a temporal: " + age);
    }

    @Test
    void relativeExpressions() {
        expect("Inflation fell last month, the bank said.", WEDNESDAY, "last month", "2024-04", "DATE");
        expect("The envoy will return next week.", WEDNESDAY, "next week", "2024-W21", "DATE");
        expect("Sales have fallen since earlier this year.", WEDNESDAY, "earlier this year", "2024", "DATE");
        expect("The minister resigned this morning.", WEDNESDAY, "this morning", "2024-05-15TMO", "TIME");
        expect("The law was passed three years ago.", WEDNESDAY, "three years ago", "2021", "DATE");
        expect("The factory closed yesterday.", WEDNESDAY, "yesterday", "2024-05-14", "DATE");
        expect("Prices have climbed over the past three years.", WEDNESDAY, "the past three years",
                "2021-05-15/2024-05-15", "RANGE");
    }

    @Test
    void monthWithoutYearFollowsTenseAndProximity() {
        expect("He was appointed in March.", WEDNESDAY, "March", "2024-03", "DATE");
        expect("The new rules will apply in March.", WEDNESDAY, "March", "2025-03", "DATE");
        expect("The bridge was opened in August.", WEDNESDAY, "August", "2023-08", "DATE");
        expect("The company will report results in July.", WEDNESDAY, "July", "2024-07", "DATE");
        expect("The war began in February last year.", WEDNESDAY, "February last year", "2023-02", "DATE");
        expect("The plant was closed on December 28.", "2024-01-05", "December 28", "2023-12-28", "DATE");
    }

    @Test
    void explicitDatesInSeveralFormats() {
        expect("Mon Apr 17 2023", WEDNESDAY, "Mon Apr 17 2023", "2023-04-17", "DATE");
        expect("The accord was signed on 16 April 2023.", WEDNESDAY, "16 April 2023", "2023-04-16", "DATE");
        expect("The accord was signed on April 16, 2023.", WEDNESDAY, "April 16, 2023", "2023-04-16", "DATE");
        expect("Filed 2023-04-16 by the registry.", WEDNESDAY, "2023-04-16", "2023-04-16", "DATE");
        expect("The notice is dated 28/02/2024.", WEDNESDAY, "28/02/2024", "2024-02-28", "DATE");
        expect("Russia launched the operation on February 24th, 2022.", WEDNESDAY, "February 24th, 2022", "2022-02-24", "DATE");
        expect("In 2018, the company was sold.", WEDNESDAY, "2018", "2018", "DATE");
        expect("Profits rose in the first quarter of 2024.", WEDNESDAY, "first quarter", "2024-Q1", "DATE");
        expect("The summit opened at 10 a.m. on Monday.", WEDNESDAY, "10 a.m.", "2024-05-13T10:00", "TIME");
        expect("The committee meets every Monday.", WEDNESDAY, "every Monday", "XXXX-WXX-1", "SET");
    }

    @Test
    void anaphoricDayCountsFromTheDateBefore() {
        expect("The fire started on May 2. The next day, crews contained it.", WEDNESDAY, "The next day", "2024-05-03", "DATE");
    }

    @Test
    void countersTimestampsScoresAndNamesAreNotTimes() {
        String text = "Watch the video\n02:46\nPutin meets the delegation\nPage 3 of 12\nHighlights: 1:02:33 into the stream."
                + "\nThe home side won 3-2 after extra time.\nTheresa May said the plan was sound.\n"
                + "The army deployed 2000 troops to the border.\nYou may need to register first.\n8";
        List<Temporal> all = tagger.tag(TestTexts.of(text, WEDNESDAY));
        assertTrue(all.isEmpty(), "found times in counters, timestamps, scores or names: " + all);
        // but a clock time with a zone or a preposition is a time
        expect("The polls close at 21:00 GMT.", WEDNESDAY, "21:00 GMT", "T21:00", "TIME");
    }

    @Test
    void withoutPublicationDateRelativeExpressionsStayUnresolved() {
        Temporal friday = find("The minister said on Friday that talks had failed.", null, "Friday");
        assertNotNull(friday);
        assertNull(friday.value());
        Temporal lastMonth = find("Prices rose last month.", null, "last month");
        assertNotNull(lastMonth);
        assertNull(lastMonth.value());
        expect("The accord was signed on 16 April 2023.", null, "16 April 2023", "2023-04-16", "DATE");
        expect("The ceasefire held for three days.", null, "three days", "P3D", "DURATION");
    }

    @Test
    void offsetsPointAtTheExpression() {
        String text = "Officials met on Sunday.";
        Temporal t = find(text, WEDNESDAY, "Sunday");
        assertEquals("Sunday", text.substring(t.start(), t.end()));
        assertEquals("Sunday", t.text());
    }
}
