package io.newslens.ingest.extraction;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Detects the language of an article text (ISO 639-1) with Apache OpenNLP's language-detection model (103
 * languages, ≈10 MB, Apache-2.0). Chosen over Lingua and Optimaize by the comparison in docs/extraction.md: the same
 * accuracy on article-length text at a fraction of Lingua's heap and start-up, and faster than both. Answers nothing
 * for text with fewer than {@value #MIN_LETTERS} letters.
 */
@ApplicationScoped
public class LanguageDetector {

    private static final String MODEL_RESOURCE = "/langdetect-183.bin";
    /** Below this many letters a guess is a coin toss. */
    static final int MIN_LETTERS = 12;
    /** Only the first part of a long article is read: it decides as well and costs a fraction. */
    private static final int MAX_CHARS = 3000;

    private static final Map<String, String> ISO3_TO_ISO1 = new HashMap<>();

    static {
        for (String iso1 : Locale.getISOLanguages()) {
            try {
                ISO3_TO_ISO1.put(Locale.forLanguageTag(iso1).getISO3Language(), iso1);
            } catch (MissingResourceException ignored) {
                // a code without a three-letter form
            }
        }
        // macrolanguage members and individual codes the model uses
        ISO3_TO_ISO1.put("cmn", "zh");
        ISO3_TO_ISO1.put("pes", "fa");
        ISO3_TO_ISO1.put("nob", "nb");
        ISO3_TO_ISO1.put("nno", "nn");
        ISO3_TO_ISO1.put("ekk", "et");
        ISO3_TO_ISO1.put("lvs", "lv");
        ISO3_TO_ISO1.put("swh", "sw");
        ISO3_TO_ISO1.put("zsm", "ms");
        ISO3_TO_ISO1.put("arb", "ar");
        ISO3_TO_ISO1.put("uzn", "uz");
        ISO3_TO_ISO1.put("azj", "az");
        ISO3_TO_ISO1.put("khk", "mn");
        ISO3_TO_ISO1.put("plt", "mg");
        ISO3_TO_ISO1.put("ydd", "yi");
        ISO3_TO_ISO1.put("npi", "ne");
        ISO3_TO_ISO1.put("gug", "gn");
        ISO3_TO_ISO1.put("quz", "qu");
        ISO3_TO_ISO1.put("lug", "lg");
    }

    private final LanguageDetectorModel model;
    private final ThreadLocal<LanguageDetectorME> detectors;

    public LanguageDetector() {
        this.model = Holder.MODEL;
        this.detectors = ThreadLocal.withInitial(() -> new LanguageDetectorME(model));
    }

    /** The model is read once per JVM, on first use. */
    private static final class Holder {
        static final LanguageDetectorModel MODEL = load();

        private static LanguageDetectorModel load() {
            try (InputStream in = LanguageDetector.class.getResourceAsStream(MODEL_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("language model " + MODEL_RESOURCE + " is not on the classpath");
                }
                return new LanguageDetectorModel(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public Optional<String> detect(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        int letters = 0;
        for (int i = 0; i < sample.length() && letters < MIN_LETTERS; i++) {
            if (Character.isLetter(sample.charAt(i))) {
                letters++;
            }
        }
        if (letters < MIN_LETTERS) {
            return Optional.empty();
        }
        Language[] ranked = detectors.get().predictLanguages(sample);
        if (ranked.length == 0) {
            return Optional.empty();
        }
        // the model's top answer; an extra margin rule was measured (docs/extraction.md) and only turned right
        // answers on headline-length text into no answer
        return Optional.ofNullable(toIso1(ranked[0].getLang()));
    }

    static String toIso1(String code) {
        if (code == null) {
            return null;
        }
        String c = code.toLowerCase(Locale.ROOT);
        if (c.length() == 2) {
            return c;
        }
        return ISO3_TO_ISO1.get(c);
    }
}
