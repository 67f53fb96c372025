package io.newslens.ingest.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newslens.contracts.ArticleIngested;
import io.newslens.contracts.ArticleRemoved;
import io.newslens.contracts.SourceRef;
import io.newslens.ingest.model.Article;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/** Maps stored articles to the versioned events other services consume. */
@ApplicationScoped
public class ArticleEvents {

    @Inject
    ObjectMapper json;

    public ArticleIngested ingested(Article a, Instant requestedAt) {
        SourceRef source = a.sourceName == null && a.sourceDomain == null ? null : new SourceRef(a.sourceName, a.sourceDomain);
        return new ArticleIngested(ArticleIngested.SCHEMA_VERSION, a.id, a.url, source, a.title, a.byline, a.publishedAt,
                a.language, a.text, a.textHash, a.ingestedAt, a.duplicateOf, requestedAt);
    }

    public ArticleRemoved removed(String id, String by, String reason) {
        return new ArticleRemoved(ArticleRemoved.SCHEMA_VERSION, id, Instant.now(), by, reason);
    }

    public String toJson(Object event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + event.getClass().getSimpleName(), e);
        }
    }
}
