package io.newslens.nlp.pipeline;

import io.newslens.nlp.pipeline.ner.LanguageAnalyzer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The language layer: tokens, sentences, POS, lemmas, NER tags and named mentions resolved within one document.
 * One warmed, thread-safe {@link LanguageAnalyzer} per process does the work (see docs/nlp-language-layer.md); this
 * bean only gives it a CDI lifecycle, so the framework-free analyzer can also run in tests and benchmarks.
 */
@ApplicationScoped
public class LanguageLayer {

    private LanguageAnalyzer analyzer;

    @PostConstruct
    void init() {
        analyzer = new LanguageAnalyzer().warmUp();
    }

    public AnalyzedText analyze(String text, Instant publishedAt) {
        return analyzer.analyze(text, publishedAt);
    }
}
