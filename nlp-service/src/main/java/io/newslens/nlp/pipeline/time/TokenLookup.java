package io.newslens.nlp.pipeline.time;

import io.newslens.nlp.pipeline.AnalyzedText;
import io.newslens.nlp.pipeline.AnalyzedText.Sentence;
import io.newslens.nlp.pipeline.AnalyzedText.Token;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Character offsets to tokens and sentences, by binary search over the language layer's tokens. */
public final class TokenLookup {

    private final List<Token> tokens = new ArrayList<>();
    /** For each token in {@link #tokens}: its sentence's position in the sentence list, and its index within it. */
    private final int[] sentenceOf;
    private final int[] indexInSentence;
    private final int[] starts;
    private final List<Sentence> sentences;

    public TokenLookup(AnalyzedText text) {
        this.sentences = text.sentences();
        int n = 0;
        for (Sentence s : sentences) {
            n += s.tokens().size();
        }
        sentenceOf = new int[n];
        indexInSentence = new int[n];
        starts = new int[n];
        int k = 0;
        for (int si = 0; si < sentences.size(); si++) {
            List<Token> st = sentences.get(si).tokens();
            for (int i = 0; i < st.size(); i++) {
                tokens.add(st.get(i));
                sentenceOf[k] = si;
                indexInSentence[k] = i;
                starts[k] = st.get(i).start();
                k++;
            }
        }
    }

    public List<Sentence> sentences() {
        return sentences;
    }

    public int size() {
        return tokens.size();
    }

    public Token token(int global) {
        return tokens.get(global);
    }

    public int sentenceOf(int global) {
        return sentenceOf[global];
    }

    public int indexInSentence(int global) {
        return indexInSentence[global];
    }

    /** The token covering {@code offset}, or -1 when the offset falls between tokens. */
    public int tokenAt(int offset) {
        int i = Arrays.binarySearch(starts, offset);
        if (i >= 0) {
            return i;
        }
        int before = -i - 2;
        if (before >= 0 && tokens.get(before).end() > offset) {
            return before;
        }
        return -1;
    }

    /** The first token starting at or after {@code offset}, or -1. */
    public int tokenFrom(int offset) {
        int i = Arrays.binarySearch(starts, offset);
        if (i >= 0) {
            return i;
        }
        int after = -i - 1;
        return after < tokens.size() ? after : -1;
    }

    /** The last token ending at or before {@code offset}, or -1. */
    public int tokenBefore(int offset) {
        int i = Arrays.binarySearch(starts, offset);
        int candidate = i >= 0 ? i - 1 : -i - 2;
        while (candidate >= 0 && tokens.get(candidate).end() > offset) {
            candidate--;
        }
        return candidate;
    }

    /** The index of the sentence holding {@code offset}, or the one before it; -1 before the first sentence. */
    public int sentenceAt(int offset) {
        int t = tokenAt(offset);
        if (t < 0) {
            t = tokenBefore(offset);
            if (t < 0) {
                return sentences.isEmpty() ? -1 : 0;
            }
        }
        return sentenceOf[t];
    }
}
