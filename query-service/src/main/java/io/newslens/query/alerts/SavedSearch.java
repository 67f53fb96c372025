package io.newslens.query.alerts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An analyst's saved search; its owner alone may see, stream or delete it. */
@Entity
@Table(name = "saved_search")
public class SavedSearch extends PanacheEntityBase {

    @Id
    public String id;
    public String owner;
    public String name;
    @JdbcTypeCode(SqlTypes.JSON)
    public String query;
    @Column(name = "created_at")
    public Instant createdAt;

    public static List<SavedSearch> ownedBy(String owner) {
        return list("owner = ?1 order by createdAt desc", owner);
    }

    /** Another owner's saved search is as good as absent: no hint that it exists. */
    public static Optional<SavedSearch> findOwned(String id, String owner) {
        return find("id = ?1 and owner = ?2", id, owner).firstResultOptional();
    }
}
