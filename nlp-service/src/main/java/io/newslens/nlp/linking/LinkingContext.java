package io.newslens.nlp.linking;

import io.newslens.nlp.linking.index.IndexFormat;
import io.newslens.nlp.pipeline.AnalyzedText;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The words of one document, hashed as the index hashes title profiles, so that a candidate title can be scored
 * by how many of its distinctive context words ("Tbilisi", "Caucasus" for Georgia the country; "Atlanta", "state"
 * for the U.S. state) the document shares. Built once per document.
 */
public final class LinkingContext {

    private final Set<Integer> words;

    private LinkingContext(Set<Integer> words) {
        this.words = words;
    }

    public static LinkingContext of(AnalyzedText text) {
        return text == null ? of("", List.of()) : of(text.text(), text.entities());
    }

    public static LinkingContext of(String text, List<AnalyzedText.LocalEntity> entities) {
        Set<Integer> words = new HashSet<>();
        addWords(words, text == null ? "" : text);
        if (entities != null) {
            for (AnalyzedText.LocalEntity e : entities) {
                addWords(words, e.name());
                if (e.aliases() != null) {
                    e.aliases().forEach(a -> addWords(words, a));
                }
            }
        }
        return new LinkingContext(words);
    }

    private static void addWords(Set<Integer> words, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        for (String token : NameKeys.tokens(NameKeys.key(text))) {
            if (token.length() >= 2) {
                words.add(IndexFormat.tokenHash(token));
            }
        }
    }

    /** This context plus more words (the names of titles co-mentioned entities were linked to). */
    public LinkingContext with(List<String> names) {
        Set<Integer> more = new HashSet<>(words);
        names.forEach(n -> addWords(more, n));
        return new LinkingContext(more);
    }

    /**
     * Evidence that a title fits this document: the summed idf of its profile words found here, leaving out the
     * words of the mention itself (every Georgia shares "georgia").
     */
    public double coherence(int[] profile, Set<Integer> ownWords) {
        double sum = 0;
        for (int packed : profile) {
            int hash = packed >>> 8;
            if (words.contains(hash) && !ownWords.contains(hash)) {
                sum += (packed & 0xFF) / 16.0;
            }
        }
        return sum;
    }

    /** The hashed words of a name, to leave out of its own coherence. */
    public static Set<Integer> wordsOf(Iterable<String> names) {
        Set<Integer> out = new HashSet<>();
        for (String name : names) {
            addWords(out, name);
        }
        return out;
    }
}
