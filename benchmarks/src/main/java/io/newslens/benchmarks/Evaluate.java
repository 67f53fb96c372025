package io.newslens.benchmarks;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import io.newslens.nlp.pipeline.AnalyzedText;
import io.newslens.nlp.pipeline.ner.CoreNlpSettings;
import io.newslens.nlp.pipeline.ner.LanguageAnalyzer;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Entity-level precision, recall and F1 per type on CoNLL files, for stock CoreNLP, CoreNLP with the layer's fast
 * settings alone (no rules), and the newslens language layer, in one run on the same texts. An entity counts as
 * found only with exact token boundaries and the same type.
 *
 * <pre>
 *   Evaluate [--types PER,ORG,LOC,MISC,EQUIP] FILE.conll... [opennlp-voa]
 * </pre>
 * {@code opennlp-voa} is the annotated Voice of America news in Apache OpenNLP's test jar (PER, ORG, LOC only).
 * Each document's tokens are joined with spaces (one sentence a line) and given to each system as plain text;
 * predicted character spans are mapped back to the gold tokens.
 */
public final class Evaluate {

    static final List<String> ALL_TYPES = List.of("PER", "ORG", "LOC", "MISC", "EQUIP");

    record Corpus(String name, List<Conll.Document> docs, List<String> types) {
    }

    static final class Counts {
        final Map<String, int[]> byType = new LinkedHashMap<>(); // tp, fp, fn

        int[] of(String type) {
            return byType.computeIfAbsent(type, k -> new int[3]);
        }
    }

    public static void main(String[] args) throws Exception {
        List<String> types = ALL_TYPES;
        boolean errors = false;
        List<Corpus> corpora = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--errors")) {
                errors = true;
            } else if (args[i].equals("--types")) {
                types = Arrays.asList(args[++i].split(","));
            } else if (args[i].equals("opennlp-voa")) {
                List<Conll.Document> docs = new ArrayList<>();
                for (String r : List.of("opennlp/tools/namefind/voa1.train", "opennlp/tools/namefind/voa2.train")) {
                    try (InputStream in = Evaluate.class.getClassLoader().getResourceAsStream(r)) {
                        docs.add(Conll.readOpenNlp(r, in));
                    }
                }
                corpora.add(new Corpus("OpenNLP VOA news (opennlp-tools 2.5.6 tests jar)", docs, List.of("PER", "ORG", "LOC")));
            } else {
                corpora.add(new Corpus(Path.of(args[i]).getFileName().toString(), Conll.read(Path.of(args[i])), types));
            }
        }
        System.out.println("loading stock CoreNLP ...");
        StanfordCoreNLP stock = new StanfordCoreNLP(CoreNlpSettings.stock());
        System.out.println("loading CoreNLP with the layer's settings ...");
        StanfordCoreNLP fast = new StanfordCoreNLP(CoreNlpSettings.fast());
        System.out.println("loading the newslens language layer ...");
        LanguageAnalyzer layer = new LanguageAnalyzer();
        Map<String, Function<String, List<int[]>>> systems = new LinkedHashMap<>();
        Map<String, List<String>> spanTypes = new LinkedHashMap<>();
        systems.put("stock CoreNLP", text -> tokenRuns(stock, text));
        systems.put("fast CoreNLP, no rules", text -> tokenRuns(fast, text));
        systems.put("newslens layer", text -> layerSpans(layer, text));

        Map<String, Counts> overall = new LinkedHashMap<>();
        for (Corpus c : corpora) {
            Map<String, Counts> counts = new LinkedHashMap<>();
            int gold = 0;
            for (Conll.Document doc : c.docs()) {
                StringBuilder text = new StringBuilder();
                List<int[]> tokenOffsets = new ArrayList<>();
                for (List<String> sentence : doc.tokens()) {
                    for (int i = 0; i < sentence.size(); i++) {
                        // CoreNLP-made gold splits "Su-35" into "Su", "-", "35": rejoin hyphens as they were written
                        boolean hyphen = sentence.get(i).equals("-") || i > 0 && sentence.get(i - 1).equals("-");
                        if (i > 0 && !hyphen) {
                            text.append(' ');
                        }
                        tokenOffsets.add(new int[] { text.length(), text.length() + sentence.get(i).length() });
                        text.append(sentence.get(i));
                    }
                    text.append('\n');
                }
                Set<Conll.Entity> goldSet = new HashSet<>();
                for (Conll.Entity e : Conll.entities(doc)) {
                    if (c.types().contains(e.type())) {
                        goldSet.add(e);
                    }
                }
                gold += goldSet.size();
                for (Map.Entry<String, Function<String, List<int[]>>> sys : systems.entrySet()) {
                    Set<Conll.Entity> predicted = new HashSet<>();
                    for (int[] span : sys.getValue().apply(text.toString())) {
                        String type = TYPE_BY_CODE.get(span[2]);
                        if (!c.types().contains(type)) {
                            continue;
                        }
                        int first = -1;
                        int last = -1;
                        for (int t = 0; t < tokenOffsets.size(); t++) {
                            if (tokenOffsets.get(t)[1] > span[0] && tokenOffsets.get(t)[0] < span[1]) {
                                if (first < 0) {
                                    first = t;
                                }
                                last = t;
                            }
                        }
                        if (first >= 0) {
                            predicted.add(new Conll.Entity(first, last + 1, type));
                        }
                    }
                    score(goldSet, predicted, counts.computeIfAbsent(sys.getKey(), k -> new Counts()));
                    if (errors && sys.getKey().startsWith("newslens")) {
                        List<String> flat = doc.tokens().stream().flatMap(List::stream).toList();
                        for (Conll.Entity g : goldSet) {
                            if (!predicted.contains(g)) {
                                System.out.println("  missed " + g.type() + " " + String.join(" ", flat.subList(g.start(), g.end())));
                            }
                        }
                        for (Conll.Entity p : predicted) {
                            if (!goldSet.contains(p)) {
                                System.out.println("  wrong  " + p.type() + " " + String.join(" ", flat.subList(p.start(), p.end())));
                            }
                        }
                    }
                    score(goldSet, predicted, overall.computeIfAbsent(sys.getKey(), k -> new Counts()));
                }
            }
            print(c.name() + ": " + c.docs().size() + " documents, " + gold + " gold entities", counts, c.types());
        }
        if (corpora.size() > 1) {
            print("All corpora together (micro average)", overall, ALL_TYPES);
        }
    }

    private static final List<String> TYPE_BY_CODE = List.of("PER", "ORG", "LOC", "MISC", "EQUIP");

    private static int code(String nerTag) {
        return switch (nerTag) {
            case "PERSON" -> 0;
            case "ORGANIZATION" -> 1;
            case "LOCATION", "CITY", "COUNTRY", "STATE_OR_PROVINCE" -> 2;
            case "MISC", "NATIONALITY", "RELIGION", "IDEOLOGY" -> 3;
            case "EQUIPMENT" -> 4;
            default -> -1;
        };
    }

    /** CoreNLP's entities as CoNLL scorers read them: maximal runs of one tag over tokens. */
    static List<int[]> tokenRuns(StanfordCoreNLP pipeline, String text) {
        CoreDocument doc = new CoreDocument(text);
        pipeline.annotate(doc);
        List<int[]> out = new ArrayList<>();
        List<CoreLabel> tokens = doc.tokens();
        int i = 0;
        while (i < tokens.size()) {
            String tag = tokens.get(i).ner();
            int c = tag == null ? -1 : code(tag);
            if (c < 0) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < tokens.size() && tag.equals(tokens.get(j).ner())
                    && tokens.get(j).sentIndex() == tokens.get(i).sentIndex()) {
                j++;
            }
            out.add(new int[] { tokens.get(i).beginPosition(), tokens.get(j - 1).endPosition(), c });
            i = j;
        }
        return out;
    }

    static List<int[]> layerSpans(LanguageAnalyzer layer, String text) {
        List<int[]> out = new ArrayList<>();
        for (AnalyzedText.NamedMention m : layer.analyze(text, null).mentions()) {
            out.add(new int[] { m.start(), m.end(), code(m.type()) });
        }
        return out;
    }

    private static void score(Set<Conll.Entity> gold, Set<Conll.Entity> predicted, Counts counts) {
        for (Conll.Entity p : predicted) {
            counts.of(p.type())[gold.contains(p) ? 0 : 1]++;
        }
        for (Conll.Entity g : gold) {
            if (!predicted.contains(g)) {
                counts.of(g.type())[2]++;
            }
        }
    }

    private static void print(String title, Map<String, Counts> counts, List<String> types) {
        System.out.println();
        System.out.println("== " + title);
        StringBuilder header = new StringBuilder(String.format("%-14s", "type"));
        for (String sys : counts.keySet()) {
            header.append(String.format(" | %-24s", sys));
        }
        System.out.println(header);
        StringBuilder sub = new StringBuilder(String.format("%-14s", ""));
        for (int k = 0; k < counts.size(); k++) {
            sub.append(String.format(" | %6s %6s %6s %3s", "P", "R", "F1", "n"));
        }
        System.out.println(sub);
        List<String> rows = new ArrayList<>(types);
        rows.add("ALL");
        if (types.contains("EQUIP")) {
            rows.add("ALL-no-EQUIP");
        }
        for (String row : rows) {
            StringBuilder line = new StringBuilder(String.format("%-14s", row));
            for (Counts c : counts.values()) {
                int tp = 0;
                int fp = 0;
                int fn = 0;
                for (Map.Entry<String, int[]> e : c.byType.entrySet()) {
                    boolean in = row.equals("ALL") ? types.contains(e.getKey())
                            : row.equals("ALL-no-EQUIP") ? types.contains(e.getKey()) && !e.getKey().equals("EQUIP")
                                    : row.equals(e.getKey());
                    if (in) {
                        tp += e.getValue()[0];
                        fp += e.getValue()[1];
                        fn += e.getValue()[2];
                    }
                }
                double p = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
                double r = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
                double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
                line.append(String.format(" | %6.3f %6.3f %6.3f %3d", p, r, f, tp + fn));
            }
            System.out.println(line);
        }
    }
}
