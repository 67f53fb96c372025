package io.newslens.nlp.pipeline;

import io.newslens.contracts.Annotations;
import io.newslens.nlp.pipeline.events.EventReader;
import io.newslens.nlp.pipeline.quotes.DocumentView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Typed events with participants, place, time and evidence sentence, read by trigger lexicon and token patterns
 * ({@link EventReader}); times come from the temporal expressions of the evidence sentence.
 */
@ApplicationScoped
public class EventExtractor {

    public List<LocalFindings.LocalEvent> extract(AnalyzedText text, List<Annotations.Temporal> temporals) {
        if (text.text() == null || text.text().isEmpty()) {
            return List.of();
        }
        return new EventReader(new DocumentView(text), temporals).events();
    }
}
