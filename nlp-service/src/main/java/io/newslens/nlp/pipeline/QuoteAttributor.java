package io.newslens.nlp.pipeline;

import io.newslens.nlp.pipeline.quotes.Attribution;
import io.newslens.nlp.pipeline.quotes.DocumentView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Direct quotes and who said them: spans in quote marks ({@link io.newslens.nlp.pipeline.quotes.QuoteSpanFinder}),
 * each attributed through reporting patterns to a document entity ({@link Attribution}). A quote whose speaker
 * cannot be given with confidence keeps null speaker fields and confidence 0.
 */
@ApplicationScoped
public class QuoteAttributor {

    public List<LocalFindings.LocalQuote> attribute(AnalyzedText text) {
        if (text.text() == null || text.text().isEmpty()) {
            return List.of();
        }
        return new Attribution(new DocumentView(text)).quotes();
    }
}
