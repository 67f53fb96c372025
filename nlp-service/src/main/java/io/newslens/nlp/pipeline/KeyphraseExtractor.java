package io.newslens.nlp.pipeline;

import io.newslens.contracts.Annotations;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Keyphrases: noun phrases (adjectives and nouns ending in a noun, from the POS tags) and named entities,
 * scored by frequency, length and how early they first appear: news puts what matters first.
 */
@ApplicationScoped
public class KeyphraseExtractor {

    private static final int MAX_WORDS = 4;
    private static final int LIMIT = 12;
    private static final Set<String> WEAK_HEADS = Set.of("year", "years", "time", "times", "day", "days", "week", "weeks",
            "month", "months", "way", "thing", "things", "part", "lot", "number", "people", "percent", "today");

    public List<Annotations.Keyphrase> extract(AnalyzedText text) {
        Map<String, double[]> scores = new HashMap<>();
        Map<String, String> surface = new HashMap<>();
        int totalTokens = Math.max(1, text.sentences().stream().mapToInt(s -> s.tokens().size()).sum());
        for (AnalyzedText.Sentence sentence : text.sentences()) {
            List<AnalyzedText.Token> tokens = sentence.tokens();
            int i = 0;
            while (i < tokens.size()) {
                int j = i;
                while (j < tokens.size() && j - i < MAX_WORDS && isPhraseWord(tokens.get(j))) {
                    j++;
                }
                // trim to end on a noun
                int end = j;
                while (end > i && !tokens.get(end - 1).pos().startsWith("NN")) {
                    end--;
                }
                if (end > i && isWorthy(tokens.subList(i, end))) {
                    String phrase = join(text.text(), tokens.subList(i, end));
                    String key = tokens.subList(i, end).stream().map(t -> t.lemma() == null ? t.word() : t.lemma())
                            .map(w -> w.toLowerCase(Locale.ROOT)).reduce((a, b) -> a + " " + b).orElse("");
                    double position = 1.0 - (double) tokens.get(i).index() / totalTokens;
                    double[] s = scores.computeIfAbsent(key, k -> new double[2]);
                    s[0] += 1.0;
                    s[1] = Math.max(s[1], position);
                    surface.putIfAbsent(key, phrase);
                }
                i = Math.max(j, i + 1);
            }
        }
        List<Annotations.Keyphrase> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        scores.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), score(e.getKey(), e.getValue())))
                .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .forEach(e -> {
                    if (out.size() < LIMIT && seen.add(e.getKey())) {
                        out.add(new Annotations.Keyphrase(surface.get(e.getKey()), Math.round(e.getValue() * 1000) / 1000.0));
                    }
                });
        double max = out.isEmpty() ? 1 : out.get(0).score();
        return out.stream().map(k -> new Annotations.Keyphrase(k.text(), Math.round(k.score() / max * 1000) / 1000.0)).toList();
    }

    private static double score(String key, double[] s) {
        int words = key.split(" ").length;
        return Math.log1p(s[0]) * (1 + 0.35 * (words - 1)) * (0.5 + s[1]);
    }

    private static boolean isPhraseWord(AnalyzedText.Token t) {
        String pos = t.pos();
        return pos != null && (pos.startsWith("NN") || pos.equals("JJ"))
                && t.word().chars().anyMatch(Character::isLetter) && t.word().length() > 1;
    }

    private static boolean isWorthy(List<AnalyzedText.Token> phrase) {
        AnalyzedText.Token head = phrase.get(phrase.size() - 1);
        if (WEAK_HEADS.contains(head.word().toLowerCase(Locale.ROOT))) {
            return false;
        }
        boolean dated = phrase.stream().anyMatch(t -> "DATE".equals(t.ner()) || "TIME".equals(t.ner())
                || "NUMBER".equals(t.ner()) || "DURATION".equals(t.ner()));
        return !dated && (phrase.size() > 1 || head.word().length() > 3);
    }

    private static String join(String text, List<AnalyzedText.Token> tokens) {
        return text.substring(tokens.get(0).start(), tokens.get(tokens.size() - 1).end()).replaceAll("\\s+", " ");
    }
}
