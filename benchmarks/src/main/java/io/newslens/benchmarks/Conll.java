package io.newslens.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading gold NER data: CoNLL columns (BIO or IOB1 tags in the last column) and OpenNLP's inline name format. */
final class Conll {

    /** One gold document: sentences of tokens and their tags (O, B-PER, I-LOC, ...). */
    record Document(String name, List<List<String>> tokens, List<List<String>> tags) {
    }

    /** A gold or predicted entity over tokens {@code [start, end)} of a document's flat token list. */
    record Entity(int start, int end, String type) {
    }

    static final Map<String, String> TYPE_NAMES = Map.ofEntries(Map.entry("PER", "PER"), Map.entry("PERSON", "PER"),
            Map.entry("ORG", "ORG"), Map.entry("ORGANIZATION", "ORG"), Map.entry("LOC", "LOC"),
            Map.entry("LOCATION", "LOC"), Map.entry("GPE", "LOC"), Map.entry("MISC", "MISC"), Map.entry("EQUIP", "EQUIP"),
            Map.entry("EQUIPMENT", "EQUIP"));

    private Conll() {
    }

    /** CoNLL-2003 style: one token a line, tag in the last column, blank line between sentences, -DOCSTART- lines. */
    static List<Document> read(Path file) throws IOException {
        List<Document> docs = new ArrayList<>();
        List<List<String>> tokens = new ArrayList<>();
        List<List<String>> tags = new ArrayList<>();
        List<String> st = new ArrayList<>();
        List<String> sg = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("-DOCSTART-")) {
                flushSentence(tokens, tags, st, sg);
                if (!tokens.isEmpty()) {
                    docs.add(new Document(file.getFileName() + "#" + n++, tokens, tags));
                }
                tokens = new ArrayList<>();
                tags = new ArrayList<>();
                st = new ArrayList<>();
                sg = new ArrayList<>();
                continue;
            }
            if (line.isBlank()) {
                flushSentence(tokens, tags, st, sg);
                st = new ArrayList<>();
                sg = new ArrayList<>();
                continue;
            }
            String[] cols = line.trim().split("\\s+");
            st.add(cols[0]);
            sg.add(cols[cols.length - 1]);
        }
        flushSentence(tokens, tags, st, sg);
        if (!tokens.isEmpty()) {
            docs.add(new Document(file.getFileName() + "#" + n, tokens, tags));
        }
        return docs;
    }

    private static void flushSentence(List<List<String>> tokens, List<List<String>> tags, List<String> st, List<String> sg) {
        if (!st.isEmpty()) {
            tokens.add(List.copyOf(st));
            tags.add(List.copyOf(sg));
            st.clear();
            sg.clear();
        }
    }

    private static final Pattern OPENNLP_NAME = Pattern.compile("<START:([a-z]+)>(.*?)<END>");

    /**
     * OpenNLP's name-finder training format ({@code <START:person> Barack Obama <END>}), one sentence a line, as one
     * document; its spaced initialisms ("U . S .") and possessives ("' s") are rejoined as a news tokenizer would.
     */
    static Document readOpenNlp(String name, InputStream in) throws IOException {
        List<List<String>> tokens = new ArrayList<>();
        List<List<String>> tags = new ArrayList<>();
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            line = line.replace(" ' s ", " 's ").replaceAll("\\b([A-Z]) \\. ([A-Z]) \\.", "$1.$2.");
            List<String> st = new ArrayList<>();
            List<String> sg = new ArrayList<>();
            Matcher m = OPENNLP_NAME.matcher(line);
            int last = 0;
            while (m.find()) {
                addPlain(line.substring(last, m.start()), st, sg);
                String type = switch (m.group(1)) {
                    case "person" -> "PER";
                    case "organization" -> "ORG";
                    case "location" -> "LOC";
                    case "misc" -> "MISC";
                    default -> null;
                };
                boolean first = true;
                for (String t : m.group(2).trim().split("\\s+")) {
                    st.add(t);
                    sg.add(type == null ? "O" : (first ? "B-" : "I-") + type);
                    first = false;
                }
                last = m.end();
            }
            addPlain(line.substring(last), st, sg);
            tokens.add(st);
            tags.add(sg);
        }
        return new Document(name, tokens, tags);
    }

    private static void addPlain(String text, List<String> st, List<String> sg) {
        for (String t : text.trim().split("\\s+")) {
            if (!t.isEmpty()) {
                st.add(t);
                sg.add("O");
            }
        }
    }

    /** Gold entities of a document over its flat token list; IOB1 ("I-" opening an entity) and BIO both read. */
    static List<Entity> entities(Document d) {
        List<Entity> out = new ArrayList<>();
        int offset = 0;
        for (List<String> sentence : d.tags()) {
            int start = -1;
            String type = null;
            for (int i = 0; i <= sentence.size(); i++) {
                String tag = i < sentence.size() ? sentence.get(i) : "O";
                String t = tag.length() > 2 && tag.charAt(1) == '-' ? tag.substring(2) : null;
                boolean begins = tag.startsWith("B-") || t != null && !t.equals(type);
                if (start >= 0 && (t == null || begins)) {
                    String mapped = TYPE_NAMES.get(type);
                    if (mapped != null) {
                        out.add(new Entity(offset + start, offset + i, mapped));
                    }
                    start = -1;
                    type = null;
                }
                if (t != null && start < 0) {
                    start = i;
                    type = t;
                }
            }
            offset += sentence.size();
        }
        return out;
    }
}
