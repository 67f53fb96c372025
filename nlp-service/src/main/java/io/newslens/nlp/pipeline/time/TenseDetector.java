package io.newslens.nlp.pipeline.time;

import io.newslens.nlp.pipeline.AnalyzedText.Token;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the tense governing a span of a sentence from POS tags alone (no parser): the finite verb group of the
 * span's clause, looked for first to the left of the span, then to its right, then anywhere in the sentence.
 * A finite group starts at a VBD/VBZ/VBP/MD token; its tense comes from that head and the words after it
 * ("will visit" future, "has met" past, "is set to meet" future, "holds" present).
 */
public final class TenseDetector {

    private static final Set<String> FUTURE_MODALS = Set.of("will", "'ll", "shall", "wo", "would", "’ll");
    private static final Set<String> BE_PRESENT = Set.of("is", "are", "am", "'s", "'re", "’s", "’re");
    private static final Set<String> BE_PAST = Set.of("was", "were");
    private static final Set<String> HAVE = Set.of("has", "have", "'ve", "’ve");
    /** "is set to meet", "are expected to visit": present of be + one of these + "to" speaks of the future. */
    private static final Set<String> PROSPECTIVE = Set.of("going", "set", "due", "scheduled", "expected", "slated",
            "poised", "likely", "about", "planned", "planning", "preparing", "hoping", "intending", "aiming", "supposed");
    /** "plans to visit", "intends to meet". */
    private static final Set<String> INTENTION_VERBS = Set.of("plan", "intend", "aim", "hope", "expect", "want",
            "prepare", "seek", "promise", "pledge", "vow");
    private static final Set<String> CLAUSE_PUNCT = Set.of(";", ":", "“", "”", "\"", "``", "''", "(", ")", "-LRB-",
            "-RRB-", "—", "--");

    private TenseDetector() {
    }

    /**
     * @param sentence tokens of one sentence
     * @param from first token of the span (index into {@code sentence})
     * @param to last token of the span, inclusive
     */
    public static Tense around(List<Token> sentence, int from, int to) {
        int clauseStart = from;
        while (clauseStart > 0 && !isBoundary(sentence, clauseStart - 1)) {
            clauseStart--;
        }
        int clauseEnd = to;
        while (clauseEnd < sentence.size() - 1 && !isBoundary(sentence, clauseEnd + 1)) {
            clauseEnd++;
        }
        for (int i = from - 1; i >= clauseStart; i--) {
            if (isFiniteHead(sentence, i)) {
                return groupTense(sentence, i);
            }
        }
        for (int i = to + 1; i <= clauseEnd; i++) {
            if (isFiniteHead(sentence, i)) {
                return groupTense(sentence, i);
            }
        }
        // no verb in the clause (a fragment between quote marks, an "according to" tail): the nearest verb anywhere
        for (int d = 1; d < sentence.size(); d++) {
            int left = from - d;
            int right = to + d;
            if (left >= 0 && isFiniteHead(sentence, left)) {
                return groupTense(sentence, left);
            }
            if (right < sentence.size() && isFiniteHead(sentence, right)) {
                return groupTense(sentence, right);
            }
            if (left < 0 && right >= sentence.size()) {
                break;
            }
        }
        return Tense.UNKNOWN;
    }

    /** Whether token {@code i} starts a finite verb group. */
    public static boolean isFiniteHead(List<Token> sentence, int i) {
        String pos = sentence.get(i).pos();
        if (pos == null) {
            return false;
        }
        if (!(pos.equals("VBD") || pos.equals("VBZ") || pos.equals("VBP") || pos.equals("MD"))) {
            return false;
        }
        // "has met": only the auxiliary heads the group
        if (i > 0 && isAuxiliary(sentence.get(i - 1))) {
            return false;
        }
        // "who was appointed ... and has served": fine; but "had been" handled by the auxiliary test above
        return true;
    }

    /** The tense of the verb group whose first (finite) word is at {@code head}. */
    public static Tense groupTense(List<Token> sentence, int head) {
        Token h = sentence.get(head);
        String w = lower(h.word());
        String pos = h.pos();
        int next = nextContent(sentence, head + 1);
        String nextWord = next < 0 ? "" : lower(sentence.get(next).word());
        String nextPos = next < 0 ? "" : String.valueOf(sentence.get(next).pos());
        if ("MD".equals(pos)) {
            return FUTURE_MODALS.contains(w) ? Tense.FUTURE : Tense.UNKNOWN;
        }
        if (BE_PRESENT.contains(w) || (("VBZ".equals(pos) || "VBP".equals(pos)) && "be".equals(lemma(h)))) {
            if (PROSPECTIVE.contains(nextWord) && followedByTo(sentence, next)) {
                return Tense.FUTURE;
            }
            return Tense.PRESENT;
        }
        if (BE_PAST.contains(w)) {
            if ((PROSPECTIVE.contains(nextWord) && followedByTo(sentence, next)) || "to".equals(nextWord)) {
                // "was expected to meet on Sunday": the meeting may or may not have happened yet
                return Tense.UNKNOWN;
            }
            return Tense.PAST;
        }
        if (HAVE.contains(w) && ("VBN".equals(nextPos) || "VBD".equals(nextPos) || "been".equals(nextWord))) {
            return Tense.PAST;
        }
        if (("VBZ".equals(pos) || "VBP".equals(pos)) && INTENTION_VERBS.contains(lemma(h)) && "to".equals(nextWord)) {
            return Tense.FUTURE;
        }
        if ("VBD".equals(pos)) {
            return Tense.PAST;
        }
        return Tense.PRESENT;
    }

    static boolean isBoundary(List<Token> sentence, int i) {
        Token t = sentence.get(i);
        String w = t.word();
        if (CLAUSE_PUNCT.contains(w)) {
            return true;
        }
        String pos = t.pos();
        if ("WDT".equals(pos) || "WP".equals(pos)) {
            return true;
        }
        if ("CC".equals(pos) && i + 1 < sentence.size()) {
            // "... and is expected to meet": a coordinated clause with its own finite verb
            int n = nextContent(sentence, i + 1);
            if (n >= 0 && (isFiniteHeadPos(sentence.get(n).pos())
                    || (n + 1 < sentence.size() && "PRP".equals(sentence.get(n).pos())
                            && isFiniteHeadPos(sentence.get(n + 1).pos())))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isFiniteHeadPos(String pos) {
        return "VBD".equals(pos) || "VBZ".equals(pos) || "VBP".equals(pos) || "MD".equals(pos);
    }

    private static boolean isAuxiliary(Token t) {
        String w = lower(t.word());
        return "MD".equals(t.pos()) || HAVE.contains(w) || BE_PRESENT.contains(w) || BE_PAST.contains(w)
                || w.equals("had") || w.equals("been") || w.equals("be") || w.equals("did") || w.equals("do")
                || w.equals("does");
    }

    private static boolean followedByTo(List<Token> sentence, int i) {
        int n = nextContent(sentence, i + 1);
        return n >= 0 && "to".equals(lower(sentence.get(n).word()));
    }

    /** The next token that is not an adverb or negation. */
    private static int nextContent(List<Token> sentence, int i) {
        for (int j = i; j < sentence.size() && j < i + 4; j++) {
            String pos = sentence.get(j).pos();
            if (pos != null && (pos.startsWith("RB") || "not".equals(lower(sentence.get(j).word())))) {
                continue;
            }
            return j;
        }
        return -1;
    }

    private static String lemma(Token t) {
        return t.lemma() == null ? lower(t.word()) : lower(t.lemma());
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
