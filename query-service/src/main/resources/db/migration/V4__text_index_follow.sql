-- What query-service's in-process text index (ArticleTextIndex, docs/query-benchmark.md) needs to follow the read model.

-- Followers (text index, vector index, alerts) read "articles indexed since": without this index every poll read the
-- whole article table.
CREATE INDEX article_indexed_at_idx ON article (indexed_at, id);

-- removed_at is when the takedown was requested upstream and can lie far in the past; followers need when the read
-- model recorded it.
ALTER TABLE removed_article ADD COLUMN recorded_at TIMESTAMPTZ NOT NULL DEFAULT now();
CREATE INDEX removed_article_recorded_idx ON removed_article (recorded_at);

-- One random identity per read-model database: a text index built from another database (reset, restore) is dropped
-- and rebuilt instead of answering with articles that are not there.
CREATE TABLE read_model_identity (
    singleton  BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    id         UUID        NOT NULL DEFAULT gen_random_uuid(),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
INSERT INTO read_model_identity DEFAULT VALUES;
