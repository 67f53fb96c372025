package io.newslens.ingest.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A re-tagging run: stored articles (all, or a publication date range) re-published for the NLP pipeline. */
@Entity
@Table(name = "reprocess_job")
public class ReprocessJob extends PanacheEntityBase {

    public static final String RUNNING = "running";
    public static final String DONE = "done";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "range_from")
    public Instant rangeFrom;
    @Column(name = "range_to")
    public Instant rangeTo;
    public int total;
    public int queued;
    public String state;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    @Column(name = "cursor_ingested_at")
    public Instant cursorIngestedAt;
    @Column(name = "cursor_id")
    public String cursorId;
    @Column(name = "last_error")
    public String lastError;

    /** Running jobs, locked so that only one replica advances each. */
    @SuppressWarnings("unchecked")
    public static List<ReprocessJob> lockRunning() {
        return getEntityManager().createNativeQuery(
                "SELECT * FROM reprocess_job WHERE state = 'running' ORDER BY id LIMIT 5 FOR UPDATE SKIP LOCKED",
                ReprocessJob.class).getResultList();
    }

    public static List<ReprocessJob> latest(int limit) {
        return find("order by id desc").page(0, limit).list();
    }
}
