package io.newslens.nlp.pipeline.events;

import io.newslens.nlp.pipeline.quotes.Lexicon;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The event triggers of {@code nlp/events/triggers.tsv}, by lemma. */
public final class TriggerLexicon {

    /**
     * @param partOfSpeech 'V', 'N' or '*'
     * @param condition "-", "weapon", "military", "person", "plural", "next=a,b", "prev=a,b"
     */
    public record Trigger(String type, String lemma, char partOfSpeech, String condition) {

        public Set<String> words() {
            int eq = condition.indexOf('=');
            return eq < 0 ? Set.of() : Set.of(condition.substring(eq + 1).split(","));
        }
    }

    private final Map<String, List<Trigger>> byLemma = new HashMap<>();

    public TriggerLexicon(String resource) {
        for (String line : Lexicon.lines(resource)) {
            String[] f = line.split("\t");
            if (f.length < 4) {
                throw new IllegalStateException("bad trigger line: " + line);
            }
            Trigger t = new Trigger(f[0].trim(), f[1].trim().toLowerCase(Locale.ROOT), f[2].trim().charAt(0), f[3].trim());
            byLemma.computeIfAbsent(t.lemma(), k -> new ArrayList<>()).add(t);
        }
    }

    public List<Trigger> forLemma(String lemma) {
        return byLemma.getOrDefault(lemma, List.of());
    }
}
