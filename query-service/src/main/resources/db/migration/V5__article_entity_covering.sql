-- An entity's profile (mentions per day, sentiment) and its stories read every article_entity row of the entity; with
-- the counted columns in the index these are index-only scans instead of one heap visit per article (docs/query-benchmark.md).
CREATE INDEX article_entity_entity_cover_idx ON article_entity (entity_id, sort_time DESC)
    INCLUDE (article_id, mention_count, sentiment);
DROP INDEX article_entity_entity_idx;
