package io.newslens.benchmarks;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import io.newslens.nlp.pipeline.AnalyzedText;
import io.newslens.nlp.pipeline.ner.LanguageAnalyzer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hand-annotated gold set is written inline, {@code [[PER Vladimir Putin]]}, which is easy to read and correct;
 * this converts such files into one CoNLL file (token, two placeholder columns, BIO tag; -DOCSTART- between files).
 *
 * <pre>
 *   GoldToConll OUT.conll IN.txt...          convert
 *   GoldToConll --bootstrap OUT_DIR IN.txt...  write the language layer's mentions as inline markup, as a first draft
 *                                              for a human to correct (never used as gold unchecked)
 * </pre>
 */
public final class GoldToConll {

    static final Pattern MARK = Pattern.compile("\\[\\[(PER|ORG|LOC|MISC|EQUIP) (.+?)]]");

    record Plain(String text, List<int[]> spans, List<String> types) {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--bootstrap")) {
            bootstrap(Path.of(args[1]), List.of(args).subList(2, args.length));
            return;
        }
        Properties p = new Properties();
        p.setProperty("annotators", "tokenize,ssplit");
        p.setProperty("ssplit.newlineIsSentenceBreak", "always");
        StanfordCoreNLP tokenizer = new StanfordCoreNLP(p);
        StringBuilder out = new StringBuilder();
        int entities = 0;
        for (String file : List.of(args).subList(1, args.length)) {
            Plain plain = strip(Files.readString(Path.of(file)));
            entities += plain.spans().size();
            CoreDocument doc = new CoreDocument(plain.text());
            tokenizer.annotate(doc);
            out.append("-DOCSTART- -X- -X- O\n\n");
            for (CoreSentence s : doc.sentences()) {
                String previous = "O";
                int previousSpan = -1;
                for (CoreLabel t : s.tokens()) {
                    String tag = "O";
                    int span = -1;
                    for (int k = 0; k < plain.spans().size(); k++) {
                        int[] sp = plain.spans().get(k);
                        if (t.beginPosition() >= sp[0] && t.endPosition() <= sp[1]) {
                            span = k;
                            tag = (span == previousSpan ? "I-" : "B-") + plain.types().get(k);
                        }
                    }
                    out.append(t.word().replace(' ', '_')).append(" _ _ ").append(tag).append('\n');
                    previous = tag;
                    previousSpan = span;
                }
                out.append('\n');
            }
        }
        Files.writeString(Path.of(args[0]), out.toString(), StandardCharsets.UTF_8);
        System.out.println("wrote " + args[0] + " with " + entities + " gold entities");
    }

    static Plain strip(String marked) {
        StringBuilder text = new StringBuilder();
        List<int[]> spans = new ArrayList<>();
        List<String> types = new ArrayList<>();
        Matcher m = MARK.matcher(marked);
        int last = 0;
        while (m.find()) {
            text.append(marked, last, m.start());
            int start = text.length();
            text.append(m.group(2));
            spans.add(new int[] { start, text.length() });
            types.add(m.group(1));
            last = m.end();
        }
        text.append(marked.substring(last));
        return new Plain(text.toString(), spans, types);
    }

    private static void bootstrap(Path outDir, List<String> files) throws Exception {
        LanguageAnalyzer analyzer = new LanguageAnalyzer();
        Files.createDirectories(outDir);
        for (String file : files) {
            String text = Files.readString(Path.of(file));
            AnalyzedText a = analyzer.analyze(text, Instant.now());
            StringBuilder sb = new StringBuilder();
            int last = 0;
            for (AnalyzedText.NamedMention m : a.mentions()) {
                String type = switch (m.type()) {
                    case "PERSON" -> "PER";
                    case "ORGANIZATION" -> "ORG";
                    case "LOCATION" -> "LOC";
                    case "EQUIPMENT" -> "EQUIP";
                    default -> "MISC";
                };
                sb.append(text, last, m.start()).append("[[").append(type).append(' ').append(m.text()).append("]]");
                last = m.end();
            }
            sb.append(text.substring(last));
            Files.writeString(outDir.resolve(Path.of(file).getFileName()), sb.toString());
        }
    }
}
