package io.newslens.nlp.pipeline.ner;

import java.util.List;

/** The tokens of one document as flat arrays, for the rules' index arithmetic. */
final class Doc {

    final String text;
    final int n;
    final String[] word;
    /** {@link Lexicon#normalize normalised} words */
    final String[] norm;
    final String[] pos;
    final String[] lemma;
    /** CoreNLP's tag per token; the rules rewrite it */
    final String[] ner;
    final int[] begin;
    final int[] end;
    final int[] sentence;
    /** first token index of each sentence, plus n at the end */
    final int[] sentenceStart;

    Doc(String text, int n, int sentences) {
        this.text = text;
        this.n = n;
        word = new String[n];
        norm = new String[n];
        pos = new String[n];
        lemma = new String[n];
        ner = new String[n];
        begin = new int[n];
        end = new int[n];
        sentence = new int[n];
        sentenceStart = new int[sentences + 1];
    }

    List<String> normList() {
        return List.of(norm);
    }

    String surface(int from, int to) {
        return text.substring(begin[from], end[to - 1]);
    }

    /** Whether tokens i and i+1 touch with no space between ("Su" "-" "35" from "Su-35"). */
    boolean glued(int i) {
        return i + 1 < n && end[i] == begin[i + 1];
    }

    boolean capitalized(int i) {
        String w = word[i];
        return !w.isEmpty() && (Character.isUpperCase(w.charAt(0)) || Character.isDigit(w.charAt(0)));
    }

    boolean hasLetter(int i) {
        for (int k = 0; k < word[i].length(); k++) {
            if (Character.isLetter(word[i].charAt(k))) {
                return true;
            }
        }
        return false;
    }

    boolean isPossessive(int i) {
        return i < n && (norm[i].equals("'s") || norm[i].equals("'"));
    }

    int sentenceEnd(int s) {
        return sentenceStart[s + 1];
    }
}
