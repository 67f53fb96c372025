package io.newslens.contracts;

/** Kafka topic names, in one place so producers and consumers cannot drift apart. */
public final class Topics {
    /** {@link ArticleIngested} events and {@link ArticleRemoved} tombstones, keyed by article id. */
    public static final String ARTICLES_INGESTED = "articles.ingested";
    /** Messages nlp-service could not process after its retries, with the reason in headers. */
    public static final String ARTICLES_INGESTED_DLQ = "articles.ingested.dlq";
    /** {@link ArticleAnnotated} events and {@link ArticleRemoved} tombstones, keyed by article id. */
    public static final String ARTICLES_ANNOTATED = "articles.annotated";
    /** Annotated records query-service could not apply (never for transient database failures). */
    public static final String ARTICLES_ANNOTATED_DLQ = "articles.annotated.dlq";
    /** {@link ArticleIndexed} confirmations from query-service: the article is searchable. */
    public static final String ARTICLES_INDEXED = "articles.indexed";

    /** Header naming the event type carried by a record, so a consumer can dispatch before parsing. */
    public static final String EVENT_TYPE_HEADER = "newslens-event-type";

    private Topics() {
    }
}
