package io.newslens.nlp.pipeline.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Everything the rules of the language layer know, loaded once from {@code nlp/ner/} on the classpath (explicit file
 * names, no classpath scanning): the gazetteers compiled into one {@link TokenTrie}, and the word lists the rules use.
 * Immutable after construction and shared by all threads.
 */
public final class Lexicon {

    static final String BASE = "nlp/ner/";
    static final List<String> GAZETTEERS = List.of("people.tsv", "organizations.tsv", "locations.tsv",
            "equipment.tsv", "nationalities.tsv");

    /** One gazetteer phrase: its coarse type, subtype and flags. */
    public record Entry(String phrase, List<String> tokens, String type, String subtype, Set<String> flags) {
        public boolean has(String flag) {
            return flags.contains(flag);
        }

        /** Strong entries override a CoreNLP span of the same length; weak ones only fill gaps and give subtypes. */
        public boolean strong() {
            return tokens.size() > 1 || type.equals("EQUIPMENT") || type.equals("ORGANIZATION") || has("alone");
        }
    }

    /** A designation prefix ("Su", "S", "DF"): its equipment subtype and whether it needs military context. */
    public record Prefix(String subtype, boolean needsContext) {
    }

    final TokenTrie<Entry> trie = new TokenTrie<>();
    /** normalised phrase to entry, for the subtype of a span CoreNLP found itself */
    final Map<String, List<Entry>> byPhrase = new HashMap<>();
    final Set<String> capitals = new HashSet<>();
    final Set<String> titles;
    final Set<String> governmentVerbs;
    final Set<String> governmentAdverbs;
    final Set<String> governmentNouns;
    final Set<String> relationNouns;
    final Set<String> equipmentContext;
    final Set<String> designationStoplist;
    final Set<String> temporalCues;
    final Map<String, Prefix> prefixes = new HashMap<>();

    /**
     * @param tokenizer the articles' tokenizer, so phrases split exactly as text does ("S-400" into "S", "-", "400")
     */
    public Lexicon(Function<String, List<String>> tokenizer) {
        for (String file : GAZETTEERS) {
            for (String[] row : rows(BASE + "gazetteer/" + file)) {
                if (row.length < 3) {
                    throw new IllegalStateException("bad gazetteer row in " + file + ": " + String.join("|", row));
                }
                List<String> tokens = tokenizer.apply(row[0]);
                Set<String> flags = row.length > 3 ? Set.of(row[3].split(",")) : Set.of();
                Entry entry = new Entry(row[0], tokens, row[1], row[2], flags);
                trie.add(tokens.stream().map(Lexicon::normalize).toList(), entry);
                byPhrase.computeIfAbsent(key(tokens), k -> new ArrayList<>()).add(entry);
                if (flags.contains("capital")) {
                    capitals.add(key(tokens));
                }
            }
        }
        trie.build();
        titles = words("titles.txt");
        governmentVerbs = words("government-verbs.txt");
        governmentAdverbs = words("government-adverbs.txt");
        governmentNouns = words("government-nouns.txt");
        relationNouns = words("relation-nouns.txt");
        equipmentContext = words("equipment-context.txt");
        designationStoplist = new HashSet<>();
        for (String[] row : rows(BASE + "designation-stoplist.txt")) {
            designationStoplist.add(row[0]);
        }
        temporalCues = words("temporal-cues.txt");
        for (String[] row : rows(BASE + "equipment-prefixes.tsv")) {
            prefixes.put(row[0], new Prefix(row[1], !"strong".equals(row[2])));
        }
    }

    public int gazetteerSize() {
        return trie.size();
    }

    /** The matching form of a token: lower case, typographic apostrophes made plain. */
    public static String normalize(String token) {
        String t = token.toLowerCase(Locale.ROOT);
        return t.indexOf('\u2019') >= 0 || t.indexOf('\u2018') >= 0 ? t.replace('\u2019', '\'').replace('\u2018', '\'') : t;
    }

    static String key(List<String> tokens) {
        StringBuilder sb = new StringBuilder();
        for (String t : tokens) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(normalize(t));
        }
        return sb.toString();
    }

    List<Entry> lookup(List<String> tokens) {
        return byPhrase.getOrDefault(key(tokens), List.of());
    }

    private static Set<String> words(String file) {
        Set<String> out = new HashSet<>();
        for (String[] row : rows(BASE + file)) {
            out.add(normalize(row[0]));
        }
        return Set.copyOf(out);
    }

    static List<String[]> rows(String resource) {
        InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + resource);
        }
        List<String[]> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                out.add(line.strip().split("\t"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
