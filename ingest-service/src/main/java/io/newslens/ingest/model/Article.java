package io.newslens.ingest.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A stored article: its cleaned text, metadata, identity and how far it got through the pipeline. */
@Entity
@Table(name = "article")
public class Article extends PanacheEntityBase {

    @Id
    public String id;
    public String url;
    @Column(name = "normalized_url")
    public String normalizedUrl;
    @Column(name = "canonical_url")
    public String canonicalUrl;
    @Column(name = "source_name")
    public String sourceName;
    @Column(name = "source_domain")
    public String sourceDomain;
    public String title;
    public String byline;
    @Column(name = "published_at")
    public Instant publishedAt;
    /** Which signal gave the publication date (request, meta, json-ld, url, text, ...). */
    @Column(name = "published_at_source")
    public String publishedAtSource;
    public String language;
    public String text;
    @Column(name = "text_hash")
    public String textHash;
    /** Photo credits found in the text, one per line. */
    @Column(name = "photo_credits")
    public String photoCredits;
    @Column(name = "input_kind")
    public String inputKind;
    @Column(name = "feed_id")
    public Long feedId;
    @Column(name = "submitted_by")
    public String submittedBy;
    @Column(name = "duplicate_of")
    public String duplicateOf;
    @Column(name = "duplicate_similarity")
    public Float duplicateSimilarity;
    public byte[] minhash;
    @Column(name = "ingested_at")
    public Instant ingestedAt;
    @Column(name = "published_to_kafka_at")
    public Instant publishedToKafkaAt;
    @Column(name = "annotated_at")
    public Instant annotatedAt;
    @Column(name = "pipeline_version")
    public String pipelineVersion;
    @Column(name = "indexed_at")
    public Instant indexedAt;
    @Column(name = "story_id")
    public String storyId;
    @Column(name = "failed_at")
    public Instant failedAt;
    @Column(name = "failure_reason")
    public String failureReason;

    public static Optional<Article> findByTextHash(String textHash) {
        return find("textHash", textHash).firstResultOptional();
    }

    public static Optional<Article> findByNormalizedUrl(String normalizedUrl) {
        return find("normalizedUrl", normalizedUrl).firstResultOptional();
    }

    public static List<String> idsPublishedBetween(Instant from, Instant to) {
        return getEntityManager().createQuery(
                "select a.id from Article a where (:from is null or a.publishedAt >= :from)"
                        + " and (:to is null or a.publishedAt < :to) order by a.ingestedAt", String.class)
                .setParameter("from", from).setParameter("to", to).getResultList();
    }
}
