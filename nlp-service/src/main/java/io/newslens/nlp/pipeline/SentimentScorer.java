package io.newslens.nlp.pipeline;

import io.newslens.contracts.Annotations;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Lexicon-based sentiment (in the manner of VADER): word valences from {@code nlp/sentiment-lexicon.tsv},
 * flipped by negation within three words, scaled by intensifiers. Fast enough to score every sentence; the
 * per-entity score is the mean over the sentences mentioning the entity.
 */
@ApplicationScoped
public class SentimentScorer {

    private static final Set<String> NEGATORS = Set.of("not", "no", "never", "n't", "without", "nor", "neither", "hardly",
            "cannot", "none", "nobody", "nothing");
    private static final Map<String, Double> INTENSIFIERS = Map.of("very", 1.3, "extremely", 1.5, "highly", 1.3,
            "deeply", 1.4, "strongly", 1.3, "seriously", 1.3, "slightly", 0.6, "somewhat", 0.7, "totally", 1.4,
            "utterly", 1.5);

    private final Map<String, Double> lexicon = new HashMap<>();

    @PostConstruct
    void load() {
        try (InputStream in = SentimentScorer.class.getResourceAsStream("/nlp/sentiment-lexicon.tsv")) {
            if (in == null) {
                throw new IllegalStateException("nlp/sentiment-lexicon.tsv missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                lexicon.put(parts[0].strip().toLowerCase(Locale.ROOT), Double.parseDouble(parts[1].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sentence score in [-1, 1]. */
    public double sentence(AnalyzedText.Sentence sentence) {
        double sum = 0;
        int hits = 0;
        List<AnalyzedText.Token> tokens = sentence.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            AnalyzedText.Token t = tokens.get(i);
            String lemma = (t.lemma() == null ? t.word() : t.lemma()).toLowerCase(Locale.ROOT);
            Double valence = lexicon.get(t.word().toLowerCase(Locale.ROOT));
            if (valence == null) {
                valence = lexicon.get(lemma);
            }
            if (valence == null || t.ner() != null && !"O".equals(t.ner())) {
                continue;
            }
            double v = valence;
            for (int k = Math.max(0, i - 3); k < i; k++) {
                String w = tokens.get(k).word().toLowerCase(Locale.ROOT);
                if (NEGATORS.contains(w)) {
                    v = -v * 0.75;
                }
                Double boost = INTENSIFIERS.get(w);
                if (boost != null) {
                    v *= boost;
                }
            }
            sum += v;
            hits++;
        }
        if (hits == 0) {
            return 0;
        }
        // normalise like VADER's compound score: x / sqrt(x^2 + alpha)
        return sum / Math.sqrt(sum * sum + 15);
    }

    public Annotations.Sentiment document(AnalyzedText text, double[] sentenceScores) {
        double sum = 0;
        int scored = 0;
        for (double s : sentenceScores) {
            if (s != 0) {
                sum += s;
                scored++;
            }
        }
        double score = scored == 0 ? 0 : sum / scored;
        score = Math.round(score * 1000) / 1000.0;
        return new Annotations.Sentiment(score, label(score));
    }

    public static String label(double score) {
        return score >= 0.15 ? "positive" : score <= -0.15 ? "negative" : "neutral";
    }
}
