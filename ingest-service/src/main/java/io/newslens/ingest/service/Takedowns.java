package io.newslens.ingest.service;

import io.newslens.commons.problem.ProblemException;
import io.newslens.contracts.ArticleRemoved;
import io.newslens.contracts.Topics;
import io.newslens.ingest.mapping.ArticleEvents;
import io.newslens.ingest.messaging.OutboxRelay;
import io.newslens.ingest.model.Article;
import io.newslens.ingest.model.OutboxEvent;
import io.newslens.ingest.model.TakedownAudit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Removes an article everywhere: its stored text, its pending outbox rows and (through an
 * {@link ArticleRemoved} tombstone on Kafka, which every consumer honours, also on replay) its annotations and
 * read-model rows; and writes who removed what, when and why.
 */
@ApplicationScoped
public class Takedowns {

    @Inject
    ArticleEvents events;
    @Inject
    OutboxRelay relay;

    @Transactional
    public TakedownAudit takeDown(String id, String by, String reason) {
        Article a = Article.<Article>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("no article with id " + id));
        OutboxEvent.deleteForArticle(id);
        TakedownAudit audit = new TakedownAudit();
        audit.articleId = a.id;
        audit.url = a.url;
        audit.title = a.title;
        audit.removedBy = by;
        audit.reason = reason;
        audit.removedAt = Instant.now();
        audit.persist();
        Article.update("duplicateOf = null where duplicateOf = ?1", id);
        a.delete();
        OutboxEvent.of(id, Topics.ARTICLES_INGESTED, ArticleRemoved.EVENT_TYPE, events.toJson(events.removed(id, by, reason)))
                .persist();
        return audit;
    }

    public void afterCommit() {
        relay.wake();
    }
}
