package io.newslens.nlp.pipeline.quotes;

import io.newslens.nlp.pipeline.AnalyzedText;
import io.newslens.nlp.pipeline.AnalyzedText.LocalEntity;
import io.newslens.nlp.pipeline.AnalyzedText.NamedMention;
import io.newslens.nlp.pipeline.AnalyzedText.Token;
import io.newslens.nlp.pipeline.time.TokenLookup;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One analysed document seen by the quote and event layers: tokens by offset, the mention over each token,
 * paragraphs, and each mention's entity.
 *
 * <p>Entity keys normally come resolved from the language layer ("Putin" pointing at "Vladimir Putin"). As a
 * safety net, a one-word PERSON entity whose word is part of exactly one longer PERSON name in the document (or,
 * when several, of the one named last before the mention) is read as that person, so that a speaker is always
 * reported under the fullest name the text gives.
 */
public final class DocumentView {

    private final AnalyzedText text;
    private final TokenLookup lookup;
    private final NamedMention[] mentionOfToken;
    private final List<NamedMention> mentions;
    private final Map<String, LocalEntity> entities = new LinkedHashMap<>();
    private final Map<NamedMention, String> resolvedKey = new HashMap<>();
    private final int[] lineStarts;

    public DocumentView(AnalyzedText text) {
        this.text = text;
        this.lookup = new TokenLookup(text);
        for (LocalEntity e : text.entities()) {
            entities.putIfAbsent(e.key(), e);
        }
        mentions = new ArrayList<>(text.mentions());
        mentions.sort(Comparator.comparingInt(NamedMention::start));
        mentionOfToken = new NamedMention[lookup.size()];
        for (NamedMention m : mentions) {
            int t = lookup.tokenFrom(m.start());
            while (t >= 0 && t < lookup.size() && lookup.token(t).start() < m.end()) {
                mentionOfToken[t] = m;
                t++;
            }
        }
        resolveShortNames();
        // paragraphs are the lines that hold text: blank lines between them do not count
        List<Integer> starts = new ArrayList<>();
        String s = text.text();
        int lineStart = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == '\n') {
                if (!s.substring(lineStart, i).isBlank() || starts.isEmpty()) {
                    starts.add(lineStart);
                }
                lineStart = i + 1;
            }
        }
        lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private void resolveShortNames() {
        List<NamedMention> fullNames = mentions.stream()
                .filter(m -> "PERSON".equals(m.type()) && words(entityName(m.localEntityKey())).length > 1).toList();
        for (NamedMention m : mentions) {
            if (!"PERSON".equals(m.type())) {
                continue;
            }
            String name = entityName(m.localEntityKey());
            String[] w = words(name);
            if (w.length != 1) {
                continue;
            }
            String best = null;
            int bestStart = Integer.MIN_VALUE;
            java.util.Set<String> candidates = new java.util.HashSet<>();
            for (NamedMention f : fullNames) {
                if (!Arrays.asList(words(entityName(f.localEntityKey()))).contains(w[0])) {
                    continue;
                }
                candidates.add(f.localEntityKey());
                if (f.start() < m.start() && f.start() > bestStart) {
                    bestStart = f.start();
                    best = f.localEntityKey();
                }
            }
            if (candidates.size() == 1) {
                resolvedKey.put(m, candidates.iterator().next());
            } else if (best != null) {
                resolvedKey.put(m, best);
            }
        }
    }

    private String entityName(String key) {
        LocalEntity e = entities.get(key);
        return e == null ? "" : e.name();
    }

    private static String[] words(String name) {
        return name.toLowerCase(Locale.ROOT).trim().split("[\\s\\u00A0]+");
    }

    public AnalyzedText text() {
        return text;
    }

    public String string() {
        return text.text();
    }

    public TokenLookup lookup() {
        return lookup;
    }

    public List<NamedMention> mentions() {
        return mentions;
    }

    /** The entity key a mention stands for, after the short-name safety net. */
    public String keyOf(NamedMention m) {
        return resolvedKey.getOrDefault(m, m.localEntityKey());
    }

    public LocalEntity entity(String key) {
        return entities.get(key);
    }

    public String nameOf(String key) {
        LocalEntity e = entities.get(key);
        return e == null ? null : e.name();
    }

    public NamedMention mentionAt(int globalToken) {
        return globalToken < 0 || globalToken >= mentionOfToken.length ? null : mentionOfToken[globalToken];
    }

    public Token token(int global) {
        return lookup.token(global);
    }

    public int size() {
        return lookup.size();
    }

    /** Index of the paragraph (a line with text) holding the offset. */
    public int paragraphOf(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return i >= 0 ? i : -i - 2;
    }

    /** First global token index of sentence {@code s}. */
    public int sentenceStartToken(int s) {
        List<Token> t = lookup.sentences().get(s).tokens();
        return t.isEmpty() ? -1 : lookup.tokenFrom(t.get(0).start());
    }

    /** Last global token index of sentence {@code s}. */
    public int sentenceEndToken(int s) {
        List<Token> t = lookup.sentences().get(s).tokens();
        return t.isEmpty() ? -1 : lookup.tokenFrom(t.get(t.size() - 1).start());
    }

    public int sentenceOfToken(int global) {
        return lookup.sentenceOf(global);
    }

    public String word(int global) {
        return lookup.token(global).word();
    }

    public String lower(int global) {
        return lookup.token(global).word().toLowerCase(Locale.ROOT);
    }

    public String pos(int global) {
        String p = lookup.token(global).pos();
        return p == null ? "" : p;
    }

    public String lemma(int global) {
        Token t = lookup.token(global);
        return (t.lemma() == null ? t.word() : t.lemma()).toLowerCase(Locale.ROOT);
    }
}
