package io.newslens.nlp.pipeline.quotes;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newslens.nlp.pipeline.ner.LanguageAnalyzer;
import io.newslens.nlp.pipeline.time.TemporalGold;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gold lists end to end, on the real language layer (CoreNLP models, about 10 s to load): quote speakers on the
 * sample articles must stay at or above 85% right, and the temporal gold list and the harder quote cases must not
 * fall below the figures documented in docs/nlp-time-quotes-events.md.
 */
class GoldEvaluationTest {

    private static LanguageAnalyzer language;

    @BeforeAll
    static void load() {
        language = new LanguageAnalyzer().warmUp();
    }

    @Test
    void quoteSpeakersOnTheSampleArticles() {
        assumeTrue(Files.isDirectory(TimeQuotesEventsEvaluation.seedDir()), "sample articles not present");
        QuoteGold.Score score = QuoteGold.score(
                QuoteGold.load("nlp/quotes/gold-seeds.json", TimeQuotesEventsEvaluation.seedDir()), language::analyze);
        assertTrue(score.accuracy() >= 0.85, score.summary() + "\n" + score.outcomes());
        assertTrue(score.precision() >= 0.85, score.summary());
    }

    @Test
    void quoteSpeakersOnTheHarderCases() {
        QuoteGold.Score score = QuoteGold.score(
                QuoteGold.load("nlp/quotes/gold-hard.json", TimeQuotesEventsEvaluation.seedDir()), language::analyze);
        assertTrue(score.accuracy() >= 0.80, score.summary() + "\n" + score.outcomes());
        assertTrue(score.precision() >= 0.85, score.summary());
    }

    @Test
    void temporalGoldList() {
        TemporalGold.Score score = TemporalGold.score(TemporalGold.load("nlp/time/gold-temporal.json"), language::analyze);
        assertTrue(score.accuracy() >= 0.90, score.summary() + "\n" + score.outcomes());
    }
}
