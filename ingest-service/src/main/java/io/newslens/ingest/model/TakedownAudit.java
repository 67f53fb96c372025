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

/** Who took which article down, when and why; kept after the article itself is gone. */
@Entity
@Table(name = "takedown_audit")
public class TakedownAudit extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "article_id")
    public String articleId;
    public String url;
    public String title;
    @Column(name = "removed_by")
    public String removedBy;
    public String reason;
    @Column(name = "removed_at")
    public Instant removedAt;

    public static List<TakedownAudit> latest(int limit) {
        return find("order by removedAt desc").page(0, limit).list();
    }
}
