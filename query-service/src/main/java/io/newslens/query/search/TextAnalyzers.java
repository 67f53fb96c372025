package io.newslens.query.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.hu.HungarianAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;

/**
 * One analyzer per article language, the same set PostgreSQL's newslens_ts_config stems: an article's title and body
 * are indexed into fields named after its language ({@code body_en}, {@code title_de}, ...) so each word is stemmed
 * as its own language stems it, and a search without a language asks every language's fields with that language's
 * stemming of the query (PostgreSQL could only try English and unstemmed forms). Languages without a stemmer use
 * {@code simple}: Unicode word segmentation and lower case, no stop words.
 */
public final class TextAnalyzers {

    public static final String SIMPLE = "simple";
    private static final Map<String, Supplier<Analyzer>> BY_LANGUAGE = new LinkedHashMap<>();

    static {
        BY_LANGUAGE.put("en", EnglishAnalyzer::new);
        BY_LANGUAGE.put("de", GermanAnalyzer::new);
        BY_LANGUAGE.put("fr", FrenchAnalyzer::new);
        BY_LANGUAGE.put("es", SpanishAnalyzer::new);
        BY_LANGUAGE.put("it", ItalianAnalyzer::new);
        BY_LANGUAGE.put("pt", PortugueseAnalyzer::new);
        BY_LANGUAGE.put("nl", DutchAnalyzer::new);
        BY_LANGUAGE.put("ru", RussianAnalyzer::new);
        BY_LANGUAGE.put("sv", SwedishAnalyzer::new);
        BY_LANGUAGE.put("da", DanishAnalyzer::new);
        BY_LANGUAGE.put("fi", FinnishAnalyzer::new);
        BY_LANGUAGE.put("no", NorwegianAnalyzer::new);
        BY_LANGUAGE.put("hu", HungarianAnalyzer::new);
        BY_LANGUAGE.put("ro", RomanianAnalyzer::new);
        BY_LANGUAGE.put("tr", TurkishAnalyzer::new);
        BY_LANGUAGE.put(SIMPLE, () -> new StandardAnalyzer(CharArraySet.EMPTY_SET));
    }

    private final Map<String, Analyzer> analyzers = new LinkedHashMap<>();
    private final Analyzer perField;

    public TextAnalyzers() {
        BY_LANGUAGE.forEach((key, make) -> analyzers.put(key, make.get()));
        Analyzer keyword = new StandardAnalyzer(CharArraySet.EMPTY_SET);
        perField = new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String field) {
                int cut = field.indexOf('_');
                Analyzer a = cut < 0 ? null : analyzers.get(field.substring(cut + 1));
                return a != null ? a : keyword;
            }
        };
    }

    /** The analyzer key for an article or query language: the ISO 639-1 code, or {@code simple}. */
    public static String key(String language) {
        if (language == null) {
            return SIMPLE;
        }
        String code = language.toLowerCase(Locale.ROOT);
        int dash = code.indexOf('-');
        if (dash > 0) {
            code = code.substring(0, dash);
        }
        if (code.equals("nb") || code.equals("nn")) {
            code = "no";
        }
        return BY_LANGUAGE.containsKey(code) ? code : SIMPLE;
    }

    public static List<String> keys() {
        return List.copyOf(BY_LANGUAGE.keySet());
    }

    public static String titleField(String key) {
        return "title_" + key;
    }

    public static String bodyField(String key) {
        return "body_" + key;
    }

    /** Picks each field's language analyzer by the field's suffix. */
    public Analyzer perField() {
        return perField;
    }

    public Analyzer forKey(String key) {
        return analyzers.getOrDefault(key, analyzers.get(SIMPLE));
    }
}
