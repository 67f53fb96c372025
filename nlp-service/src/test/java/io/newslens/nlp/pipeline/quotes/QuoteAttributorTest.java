package io.newslens.nlp.pipeline.quotes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.newslens.nlp.pipeline.LocalFindings.LocalQuote;
import io.newslens.nlp.pipeline.QuoteAttributor;
import io.newslens.nlp.pipeline.time.TestTexts;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Quote spans and speakers on articles written for each rule. Names are marked up as the language layer would give them. */
class QuoteAttributorTest {

    private final QuoteAttributor attributor = new QuoteAttributor();

    private List<LocalQuote> quotes(String marked) {
        return attributor.attribute(TestTexts.of(marked, "2024-05-15"));
    }

    private static LocalQuote quote(List<LocalQuote> all, String start) {
        for (LocalQuote q : all) {
            if (q.text().startsWith(start)) {
                return q;
            }
        }
        fail("no quote starting with '" + start + "' among " + all.stream().map(LocalQuote::text).toList());
        return null;
    }

    private static void speaker(List<LocalQuote> all, String start, String name) {
        LocalQuote q = quote(all, start);
        assertEquals(name, q.speakerName(), "speaker of '" + start + "'");
        if (name == null) {
            assertNull(q.speakerKey());
            assertEquals(0.0, q.confidence());
        } else {
            assertNotNull(q.speakerKey());
            assertTrue(q.confidence() > 0 && q.confidence() <= 1, "confidence " + q.confidence());
        }
    }

    @Test
    void attributionPatternsAfterTheQuote() {
        List<LocalQuote> q = quotes("""
                "The plan is dead," [[Maria Lopez|PERSON]] said on Tuesday.
                “We will not sign,” said [[Kofi Mensah|PERSON]], the trade minister.
                “Prices will fall”, according to [[Statistics Norway|ORGANIZATION]].
                “This is my first visit abroad,” state media quoted [[Ahmed Karimi|PERSON]] as saying.
                """);
        speaker(q, "The plan is dead", "Maria Lopez");
        speaker(q, "We will not sign", "Kofi Mensah");
        speaker(q, "Prices will fall", "Statistics Norway");
        speaker(q, "This is my first visit abroad", "Ahmed Karimi");
    }

    @Test
    void attributionPatternsBeforeTheQuote() {
        List<LocalQuote> q = quotes("""
                [[Maria Lopez|PERSON]] said: "The plan is dead."
                [[Kofi Mensah|PERSON]] told reporters that the deal was "a fair compromise".
                [[Ahmed Karimi|PERSON]], a senior economist at [[Chatham House|ORGANIZATION]], said the rise was "only temporary".
                [[Lena Berg|PERSON]] warned that the reserves would last "weeks, not months".
                """);
        speaker(q, "The plan is dead", "Maria Lopez");
        speaker(q, "a fair compromise", "Kofi Mensah");
        speaker(q, "only temporary", "Ahmed Karimi");
        speaker(q, "weeks, not months", "Lena Berg");
    }

    @Test
    void nestedSingleQuotesStayInsideTheirQuote() {
        List<LocalQuote> q = quotes("""
                “They told us the plan was ‘simply unaffordable’, and then they signed it,” [[Marco de Vries|PERSON]] said.
                """);
        LocalQuote outer = quote(q, "They told us");
        assertTrue(outer.text().endsWith("and then they signed it,"), outer.text());
        assertEquals("Marco de Vries", outer.speakerName());
        // the inner quote is someone else's words, and no one named said them
        speaker(q, "simply unaffordable", null);
    }

    @Test
    void quoteRunsOverSeveralParagraphs() {
        String text = """
                [[Marco de Vries|PERSON]] told members at the port: “You held the line when everyone said you would fold.

                “Management called our demands unaffordable. Today they signed every line of them.”

                Shipping resumed on Monday.
                """;
        List<LocalQuote> q = quotes(text);
        LocalQuote multi = quote(q, "You held the line");
        assertTrue(multi.text().contains("Management called our demands"), multi.text());
        assertTrue(multi.text().endsWith("every line of them."), multi.text());
        assertEquals("Marco de Vries", multi.speakerName());
        assertEquals(1, q.size(), "one quote over two paragraphs: " + q);
    }

    @Test
    void quotedBlockWithInnerSingleQuotes() {
        String text = """
                The agency published the minister's remarks:
                “The minister met the delegation on Sunday. [[Sara Holm|PERSON]] noted ‘real progress’ on the border.
                The talks will continue next week, and [[Sara Holm|PERSON]] said ‘nothing is off the table’.”
                Markets rose.
                """;
        List<LocalQuote> q = quotes(text);
        LocalQuote block = quote(q, "The minister met the delegation");
        assertTrue(block.text().contains("nothing is off the table"), block.text());
        speaker(q, "real progress", "Sara Holm");
        speaker(q, "nothing is off the table", "Sara Holm");
    }

    @Test
    void pronounSpeakerResolvesToTheLastNamedPerson() {
        List<LocalQuote> q = quotes("""
                [[Yang Jin|PERSON]], a specialist at the academy, said ties were "solid".

                "Some countries are forming blocs," he said.
                """);
        speaker(q, "Some countries are forming blocs", "Yang Jin");
    }

    @Test
    void pronounSkipsAPersonOfTheOtherGender() {
        List<LocalQuote> q = quotes("""
                Transport Secretary [[Anne Walsh|PERSON]] said she had asked for a review.
                [[Peter Hall|PERSON]] said the timetable had "failed passengers". He said nothing else.
                "Passengers deserve better," she said.
                """);
        speaker(q, "Passengers deserve better", "Anne Walsh");
    }

    @Test
    void titleSpeakerResolvesToTheOneHolderNamedBefore() {
        List<LocalQuote> q = quotes("""
                [[Russian|MISC]] President [[Vladimir Putin|PERSON]] met [[Chinese|MISC]] Defence Minister [[Li Shangfu|PERSON]] and [[Russian|MISC]] Defence Minister [[Sergei Shoigu|PERSON]].
                "Our cooperation is very productive," the Russian president said.
                "We came to listen," the Chinese defence minister said.
                "Both sides gained," the defence minister said.
                """);
        speaker(q, "Our cooperation is very productive", "Vladimir Putin");
        speaker(q, "We came to listen", "Li Shangfu");
        // two defence ministers were named: the title alone does not decide
        speaker(q, "Both sides gained", null);
    }

    @Test
    void twoSpeakersInOneParagraph() {
        List<LocalQuote> q = quotes("""
                "The rollout has been a success," said [[Mark Ellis|PERSON]], "but we cannot relax." [[Rachel Green|PERSON]] disagreed: "Success is not the word I would use."
                """);
        speaker(q, "The rollout has been a success", "Mark Ellis");
        speaker(q, "but we cannot relax", "Mark Ellis");
        speaker(q, "Success is not the word", "Rachel Green");
    }

    @Test
    void continuationOfTheSameSpeaker() {
        List<LocalQuote> q = quotes("""
                "We waited too long," [[Anna Schmidt|PERSON]] said. "Trains should cross every hour."
                """);
        speaker(q, "Trains should cross every hour", "Anna Schmidt");
    }

    @Test
    void noSpeakerRatherThanAWrongOne() {
        List<LocalQuote> q = quotes("""
                [[Anna Schmidt|PERSON]] opened the line on Monday.
                "It is a good day for commuters," said a spokeswoman for the operator.
                Officials said the cost was "acceptable".
                [[Egypt|LOCATION]] and [[Jordan|LOCATION]] said in a statement that the attacks were "a threat to stability".
                [[Anna Schmidt|PERSON]]'s spokesman said the minister was "delighted".
                The plan was described as a "turning point".
                The company called the deal "fair".
                """);
        speaker(q, "It is a good day", null);
        speaker(q, "acceptable", null);
        speaker(q, "a threat to stability", null);
        speaker(q, "delighted", null);
        speaker(q, "turning point", null);
    }

    @Test
    void pronounWithTwoCandidatesAndNoCueStaysUnknown() {
        List<LocalQuote> q = quotes("""
                [[Alex Morgan|PERSON]] and [[Sam Taylor|PERSON]] met [[Jordan Lee|PERSON]] on Monday.
                "It went well," they said.
                """);
        speaker(q, "It went well", null);
    }

    @Test
    void apostrophesAreNotQuotes() {
        List<LocalQuote> q = quotes("""
                [[China|LOCATION]]’s ministers’ talks with [[Russia|LOCATION]]’s envoys went on; the ’90s were different.
                """);
        assertTrue(q.isEmpty(), "apostrophes taken for quotes: " + q);
    }

    @Test
    void sourceCreditAfterABlock() {
        List<LocalQuote> q = quotes("""
                “The minister arrived on Sunday for talks. He will stay three days.”
                -[[Reuters|ORGANIZATION]]
                """);
        // the credit is on its own line after the block: the block is credited only when the credit stands on its line
        LocalQuote block = quote(q, "The minister arrived");
        assertNull(block.speakerName());
        List<LocalQuote> inline = quotes("“The minister arrived on Sunday for talks.” -[[Reuters|ORGANIZATION]]\n");
        speaker(inline, "The minister arrived", "Reuters");
    }
}
