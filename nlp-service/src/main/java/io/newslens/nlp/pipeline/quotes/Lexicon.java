package io.newslens.nlp.pipeline.quotes;

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

/** Word lists under {@code nlp/quotes/} on the classpath: one entry a line, {@code #} starts a comment. */
public final class Lexicon {

    private Lexicon() {
    }

    /** Every whitespace-separated word of the file, lower case. */
    public static Set<String> words(String resource) {
        Set<String> out = new HashSet<>();
        for (String line : lines(resource)) {
            for (String w : line.split("\\s+")) {
                if (!w.isEmpty()) {
                    out.add(w.toLowerCase(Locale.ROOT));
                }
            }
        }
        return out;
    }

    /** Lines "lemma form form ...": every form (and the lemma) mapped to the lemma. */
    public static Map<String, String> forms(String resource) {
        Map<String, String> out = new HashMap<>();
        for (String line : lines(resource)) {
            String[] parts = line.trim().toLowerCase(Locale.ROOT).split("\\s+");
            for (String p : parts) {
                out.put(p, parts[0]);
            }
        }
        return out;
    }

    /** Lines "key = value value ...". */
    public static Map<String, List<String>> pairs(String resource) {
        Map<String, List<String>> out = new HashMap<>();
        for (String line : lines(resource)) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = line.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            List<String> values = new ArrayList<>();
            for (String v : line.substring(eq + 1).trim().toLowerCase(Locale.ROOT).split("\\s+")) {
                if (!v.isEmpty()) {
                    values.add(v);
                }
            }
            out.computeIfAbsent(key, k -> new ArrayList<>()).addAll(values);
        }
        return out;
    }

    /** Lines "key = whole value" (the value may hold spaces). */
    public static Map<String, String> map(String resource) {
        Map<String, String> out = new HashMap<>();
        for (String line : lines(resource)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                out.put(line.substring(0, eq).trim().toLowerCase(Locale.ROOT),
                        line.substring(eq + 1).trim().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    public static List<String> lines(String resource) {
        List<String> out = new ArrayList<>();
        try (InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    out.add(t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
