package io.newslens.nlp.pipeline.quotes;

import io.newslens.nlp.pipeline.AnalyzedText.NamedMention;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Noun phrases over POS tags, without a parser: the phrase ending just before a verb (its subject), the phrase
 * starting after it (an inverted subject or an object), and what such a phrase refers to.
 */
public final class NounPhrases {

    /** What a noun phrase is, as a speaker or participant. */
    public enum Kind {
        /** A name of a person, organisation or place: {@link Phrase#key()} is its entity. */
        NAMED,
        /** he, she, him, her. */
        PRONOUN,
        /** it (an organisation or country spoken of before). */
        IT,
        /** "the minister", "the ministry": a title to resolve against the text before. */
        TITLE,
        /** Someone, but no one this text names: "a spokesman", "officials", "Xi and Putin", "Putin's aide". */
        BLOCKED,
        /** Not a phrase that could be a speaker ("a statement"), or no phrase at all. */
        NONE
    }

    /**
     * @param first first token (global index), or -1 for NONE
     * @param last last token
     * @param key entity key for NAMED
     * @param words lower-case words of a TITLE phrase, without determiners
     */
    public record Phrase(Kind kind, int first, int last, String key, String pronoun, List<String> words) {

        static Phrase none() {
            return new Phrase(Kind.NONE, -1, -1, null, null, List.of());
        }
    }

    static final Set<String> NP_TAGS = Set.of("NNP", "NNPS", "NN", "NNS", "JJ", "JJR", "JJS", "DT", "PRP", "PRP$", "POS",
            "CD", "HYPH", "NFP", "FW");
    private static final Set<String> SPEAKER_TYPES = Set.of("PERSON", "ORGANIZATION", "LOCATION");
    private static final Set<String> INDEFINITE = Set.of("a", "an", "one", "another", "some", "several", "any");
    private static final Set<String> PERSONAL = Set.of("he", "she", "him", "her");
    private static final Set<String> GROUP_PRONOUNS = Set.of("they", "them", "we", "us", "i", "me", "you");
    static final Set<String> AUXILIARIES = Set.of("has", "have", "had", "was", "were", "is", "are", "am", "be", "been",
            "being", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "did", "does", "do", "'s",
            "’s", "'ve", "’ve", "'d", "’d", "'ll", "’ll", "also", "not", "n't", "never", "then", "later", "previously",
            "once", "reportedly", "repeatedly", "earlier", "again", "just", "recently", "already", "further", "still",
            "even", "often", "firmly", "publicly", "privately");

    private final DocumentView doc;
    private final Set<String> titles;
    private final Set<String> orgHeads;

    public NounPhrases(DocumentView doc, Set<String> titles, Set<String> orgHeads) {
        this.doc = doc;
        this.titles = titles;
        this.orgHeads = orgHeads;
    }

    public boolean isAuxOrAdverb(int t) {
        String pos = doc.pos(t);
        return pos.startsWith("RB") || AUXILIARIES.contains(doc.lower(t)) || "MD".equals(pos);
    }

    /**
     * The phrase ending at {@code end} and extending left while its words can belong to a noun phrase.
     *
     * @param lo the leftmost token allowed
     * @param masked tokens to stop at (inside other quotes)
     */
    public Phrase backward(int end, int lo, IntPredicate masked) {
        int i = end;
        while (i >= lo && !masked.test(i) && (inPhrase(i) || doc.mentionAt(i) != null)) {
            i--;
        }
        // "Secretary of State Antony Blinken": "of" between capitalised words belongs to the phrase
        while (i > lo && "of".equals(doc.lower(i)) && i - 1 >= lo && !masked.test(i - 1) && doc.pos(i - 1).startsWith("NNP")
                && i + 1 <= end && doc.pos(i + 1).startsWith("NNP")) {
            i--;
            while (i >= lo && !masked.test(i) && (inPhrase(i) || doc.mentionAt(i) != null)) {
                i--;
            }
        }
        return analyse(i + 1, end);
    }

    /** The phrase starting at {@code start} and extending right (an inverted subject: "said Tan Kefei"). */
    public Phrase forward(int start, int hi, IntPredicate masked) {
        int i = start;
        while (i <= hi && !masked.test(i) && (inPhrase(i) || doc.mentionAt(i) != null)) {
            if (i > start && "POS".equals(doc.pos(i)) && doc.mentionAt(i) == null) {
                // "the Kremlin's spokesman": keep going, the head comes later
            }
            i++;
        }
        return analyse(start, i - 1);
    }

    private boolean inPhrase(int t) {
        String pos = doc.pos(t);
        if (NP_TAGS.contains(pos)) {
            return true;
        }
        if ((pos.equals("VBN") || pos.equals("VBG")) && t + 1 < doc.size() && doc.pos(t + 1).startsWith("NN")
                && doc.sentenceOfToken(t + 1) == doc.sentenceOfToken(t)) {
            return true; // "retired teacher John Pike", "visiting minister"
        }
        String w = doc.lower(t);
        return "CC".equals(pos) && (w.equals("and") || w.equals("&"));
    }

    /** What the tokens {@code first..last} refer to. */
    public Phrase analyse(int first, int last) {
        // trim commas and other punctuation at the edges
        while (first <= last && !isWordish(first)) {
            first++;
        }
        while (last >= first && !isWordish(last)) {
            last--;
        }
        if (first > last) {
            return Phrase.none();
        }
        // two names or phrases joined by "and": several speakers, none of them alone
        for (int t = first + 1; t < last; t++) {
            if ("CC".equals(doc.pos(t)) && doc.mentionAt(t) == null) {
                return new Phrase(Kind.BLOCKED, first, last, null, null, List.of());
            }
        }
        String head = doc.lower(last);
        String headPos = doc.pos(last);
        NamedMention m = doc.mentionAt(last);
        if (m != null && doc.token(last).end() >= m.end()) {
            if (SPEAKER_TYPES.contains(m.type())) {
                return new Phrase(Kind.NAMED, first, last, doc.keyOf(m), null, List.of());
            }
            return Phrase.none();
        }
        if ("PRP".equals(headPos) || PERSONAL.contains(head) || GROUP_PRONOUNS.contains(head) || head.equals("it")) {
            if (PERSONAL.contains(head)) {
                return new Phrase(Kind.PRONOUN, first, last, null, head, List.of());
            }
            if (head.equals("it")) {
                return new Phrase(Kind.IT, first, last, null, head, List.of());
            }
            return new Phrase(Kind.BLOCKED, first, last, null, head, List.of());
        }
        boolean titleHead = titles.contains(head) || orgHeads.contains(head);
        boolean pluralTitle = "NNS".equals(headPos) || "NNPS".equals(headPos)
                || head.endsWith("s") && titles.contains(head.substring(0, head.length() - 1));
        if (pluralTitle && !titleHead) {
            // "officials", "analysts", "authorities": people, but not one the text names
            return new Phrase(Kind.BLOCKED, first, last, null, null, List.of());
        }
        if (!titleHead) {
            if (head.equals("sources") || head.equals("people") || head.equals("residents") || head.equals("witnesses")) {
                return new Phrase(Kind.BLOCKED, first, last, null, null, List.of());
            }
            return Phrase.none();
        }
        if (INDEFINITE.contains(doc.lower(first))) {
            return new Phrase(Kind.BLOCKED, first, last, null, null, List.of());
        }
        // "Putin's spokesman": someone else than the name before the possessive, and not named
        for (int t = first; t < last; t++) {
            if ("POS".equals(doc.pos(t)) || doc.lower(t).equals("'s") || doc.lower(t).equals("’s")) {
                NamedMention owner = doc.mentionAt(t - 1);
                if (owner != null && "PERSON".equals(owner.type())) {
                    return new Phrase(Kind.BLOCKED, first, last, null, null, List.of());
                }
            }
        }
        List<String> words = new ArrayList<>();
        for (int t = first; t <= last; t++) {
            String pos = doc.pos(t);
            if (pos.equals("DT") || pos.equals("POS") || pos.equals("PRP$") || !isWordish(t)) {
                continue;
            }
            words.add(doc.lower(t));
        }
        return new Phrase(Kind.TITLE, first, last, null, null, words);
    }

    private boolean isWordish(int t) {
        String w = doc.word(t);
        for (int i = 0; i < w.length(); i++) {
            if (Character.isLetterOrDigit(w.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
