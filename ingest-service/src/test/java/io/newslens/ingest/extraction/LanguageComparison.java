package io.newslens.ingest.extraction;

import com.github.pemistahl.lingua.api.Language;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Compares the language detectors kept on Maven Central on the evaluation pages' article texts and on short texts
 * (headline-length lines in many languages, {@code extraction/language/short-texts.tsv}): accuracy, time per text,
 * and the heap each one holds once loaded.
 */
final class LanguageComparison {

    record Sample(String language, String text) {
    }

    private LanguageComparison() {
    }

    static void run(List<ExtractionEvaluation.Page> pages) throws IOException {
        List<Sample> articles = new ArrayList<>();
        for (ExtractionEvaluation.Page p : pages) {
            articles.add(new Sample(p.language(), p.gold()));
        }
        List<Sample> shortTexts = new ArrayList<>();
        for (String line : ExtractionEvaluation.resource("/extraction/language/short-texts.tsv").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t", 2);
            shortTexts.add(new Sample(parts[0].strip(), parts[1].strip()));
        }
        System.out.printf("%n== Language detectors: %d article texts, %d short texts (%d languages)%n", articles.size(),
                shortTexts.size(), shortTexts.stream().map(Sample::language).distinct().count());
        System.out.printf("%-26s %9s %9s %10s %10s %9s %8s%n", "detector", "articles", "short", "ms/article", "ms/short",
                "heap MB", "load s");
        measure("opennlp (newslens, top-1)", () -> {
            // a model instance of its own, so that its heap is measured (the service's copy is already loaded)
            opennlp.tools.langdetect.LanguageDetectorME me = new opennlp.tools.langdetect.LanguageDetectorME(freshModel());
            LanguageDetector d = new LanguageDetector();
            // the service's rules (minimum letters) with answers from this measured model instance
            return t -> d.detect(t).map(x -> LanguageDetector.toIso1(me.predictLanguage(t).getLang())).orElse(null);
        }, articles, shortTexts);
        measure("optimaize 0.6", () -> {
            try {
                var profiles = new LanguageProfileReader().readAllBuiltIn();
                var detector = com.optimaize.langdetect.LanguageDetectorBuilder.create(NgramExtractors.standard())
                        .withProfiles(profiles).build();
                TextObjectFactory factory = CommonTextObjectFactories.forDetectingOnLargeText();
                return t -> {
                    com.google.common.base.Optional<LdLocale> l = detector.detect(factory.forText(t));
                    return l.isPresent() ? l.get().getLanguage() : null;
                };
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, articles, shortTexts);
        measure("lingua 1.2.2 (all, low acc.)", () -> {
            var detector = com.github.pemistahl.lingua.api.LanguageDetectorBuilder.fromAllLanguages()
                    .withLowAccuracyMode().withPreloadedLanguageModels().build();
            return t -> iso(detector.detectLanguageOf(t));
        }, articles, shortTexts);
        measure("lingua 1.2.2 (all, high acc.)", () -> {
            var detector = com.github.pemistahl.lingua.api.LanguageDetectorBuilder.fromAllLanguages()
                    .withPreloadedLanguageModels().build();
            return t -> iso(detector.detectLanguageOf(t));
        }, articles, shortTexts);
    }

    private static opennlp.tools.langdetect.LanguageDetectorModel freshModel() {
        try (var in = LanguageDetector.class.getResourceAsStream("/langdetect-183.bin")) {
            return new opennlp.tools.langdetect.LanguageDetectorModel(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String iso(Language l) {
        return l == null || l == Language.UNKNOWN ? null : l.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }

    private static void measure(String name, Supplier<Function<String, String>> factory, List<Sample> articles,
            List<Sample> shortTexts) {
        long before = usedHeap();
        long t0 = System.nanoTime();
        Function<String, String> detector;
        try {
            detector = factory.get();
            detector.apply("warming up the detector with a sentence");
        } catch (RuntimeException | LinkageError e) {
            System.out.printf("%-26s failed to load: %s%n", name, e);
            return;
        }
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        long heap = usedHeap() - before;
        double articleAccuracy = accuracy(detector, articles);
        double shortAccuracy = accuracy(detector, shortTexts);
        double msArticle = time(detector, articles);
        double msShort = time(detector, shortTexts);
        System.out.printf("%-26s %8.1f%% %8.1f%% %10.2f %10.3f %9.0f %8.1f%n", name, articleAccuracy, shortAccuracy, msArticle,
                msShort, heap / 1e6, loadSeconds);
        if (Boolean.getBoolean("eval.verbose")) {
            for (Sample s : shortTexts) {
                String got = Optional.ofNullable(detector.apply(s.text())).orElse("-");
                if (!got.equals(s.language())) {
                    System.out.printf("   %s said %s: %s%n", s.language(), got, s.text());
                }
            }
        }
        detector = null;
        System.gc();
    }

    private static double accuracy(Function<String, String> detector, List<Sample> samples) {
        int right = 0;
        for (Sample s : samples) {
            if (s.language().equals(detector.apply(s.text()))) {
                right++;
            }
        }
        return 100.0 * right / samples.size();
    }

    private static double time(Function<String, String> detector, List<Sample> samples) {
        long t0 = System.nanoTime();
        int rounds = 3;
        for (int r = 0; r < rounds; r++) {
            for (Sample s : samples) {
                detector.apply(s.text());
            }
        }
        return (System.nanoTime() - t0) / 1e6 / (rounds * samples.size());
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
