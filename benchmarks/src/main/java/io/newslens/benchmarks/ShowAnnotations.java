package io.newslens.benchmarks;

import io.newslens.nlp.pipeline.AnalyzedText;
import io.newslens.nlp.pipeline.ner.LanguageAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Prints what the language layer finds in text files: mentions with their entity, then the entities. */
public final class ShowAnnotations {

    public static void main(String[] args) throws Exception {
        LanguageAnalyzer analyzer = new LanguageAnalyzer();
        for (String file : args) {
            AnalyzedText a = analyzer.analyze(Files.readString(Path.of(file)), Instant.parse("2023-04-17T00:00:00Z"));
            System.out.println("== " + file);
            for (AnalyzedText.NamedMention m : a.mentions()) {
                System.out.printf("  %5d %-28s %-13s %-14s -> %s%n", m.start(), m.text(), m.type(),
                        m.subtype() == null ? "" : m.subtype(), m.localEntityKey());
            }
            for (AnalyzedText.LocalEntity e : a.entities()) {
                System.out.printf("  E %-40s %-13s %-14s x%d %s%n", e.name(), e.type(), e.subtype() == null ? "" : e.subtype(),
                        e.mentionCount(), e.aliases());
            }
            StringBuilder times = new StringBuilder("  T ");
            for (AnalyzedText.Sentence s : a.sentences()) {
                for (AnalyzedText.Token t : s.tokens()) {
                    if (!"O".equals(t.ner()) && !t.ner().equals("PERSON") && !t.ner().equals("ORGANIZATION")
                            && !t.ner().equals("LOCATION") && !t.ner().equals("MISC") && !t.ner().equals("EQUIPMENT")) {
                        times.append(t.word()).append('/').append(t.ner()).append(' ');
                    }
                }
            }
            System.out.println(times);
        }
    }
}
