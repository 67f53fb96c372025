-- ingest-service owns raw articles, their identity and the transactional outbox.

CREATE TABLE article (
    id                       VARCHAR(40) PRIMARY KEY,
    url                      TEXT,
    normalized_url           TEXT UNIQUE,
    canonical_url            TEXT,
    source_name              TEXT,
    source_domain            TEXT,
    title                    TEXT,
    byline                   TEXT,
    published_at             TIMESTAMPTZ,
    published_at_source      VARCHAR(40),
    language                 VARCHAR(16),
    text                     TEXT        NOT NULL,
    text_hash                CHAR(64)    NOT NULL UNIQUE,
    photo_credits            TEXT,
    input_kind               VARCHAR(16) NOT NULL,
    feed_id                  BIGINT,
    submitted_by             TEXT,
    duplicate_of             VARCHAR(40) REFERENCES article (id) ON DELETE SET NULL,
    duplicate_similarity     REAL,
    minhash                  BYTEA,
    ingested_at              TIMESTAMPTZ NOT NULL,
    published_to_kafka_at    TIMESTAMPTZ,
    annotated_at             TIMESTAMPTZ,
    pipeline_version         TEXT,
    indexed_at               TIMESTAMPTZ,
    story_id                 TEXT,
    failed_at                TIMESTAMPTZ,
    failure_reason           TEXT
);
CREATE INDEX article_published_at_idx ON article (published_at);
CREATE INDEX article_ingested_at_idx ON article (ingested_at);

-- Locality-sensitive hashing buckets of each article's MinHash signature: near-duplicate candidates
-- are the articles sharing at least one (band, bucket) pair.
CREATE TABLE article_minhash_band (
    band       SMALLINT    NOT NULL,
    bucket     BIGINT      NOT NULL,
    article_id VARCHAR(40) NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    PRIMARY KEY (band, bucket, article_id)
);
CREATE INDEX article_minhash_band_article_idx ON article_minhash_band (article_id);

-- Transactional outbox: written with the article, deleted only after Kafka acknowledged the record.
CREATE TABLE outbox_event (
    id              BIGSERIAL PRIMARY KEY,
    aggregate_id    VARCHAR(40) NOT NULL,
    topic           TEXT        NOT NULL,
    event_type      TEXT        NOT NULL,
    payload         TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_error      TEXT
);
CREATE INDEX outbox_event_due_idx ON outbox_event (next_attempt_at, id);

-- Replayed POSTs with the same Idempotency-Key (per caller) get the first answer again.
CREATE TABLE idempotency_record (
    principal       TEXT        NOT NULL,
    idempotency_key TEXT        NOT NULL,
    request_hash    CHAR(64)    NOT NULL,
    response_status INT         NOT NULL,
    response_body   TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (principal, idempotency_key)
);

-- Who removed which article, when and why (the article itself is gone).
CREATE TABLE takedown_audit (
    id          BIGSERIAL PRIMARY KEY,
    article_id  VARCHAR(40) NOT NULL,
    url         TEXT,
    title       TEXT,
    removed_by  TEXT        NOT NULL,
    reason      TEXT,
    removed_at  TIMESTAMPTZ NOT NULL
);

-- Re-tagging runs: which articles are re-published and how far it got.
CREATE TABLE reprocess_job (
    id            BIGSERIAL PRIMARY KEY,
    requested_by  TEXT        NOT NULL,
    range_from    TIMESTAMPTZ,
    range_to      TIMESTAMPTZ,
    total         INT         NOT NULL,
    queued        INT         NOT NULL DEFAULT 0,
    state         VARCHAR(16) NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    finished_at   TIMESTAMPTZ
);

-- RSS/Atom subscriptions.
CREATE TABLE feed (
    id                   BIGSERIAL PRIMARY KEY,
    url                  TEXT        NOT NULL UNIQUE,
    title                TEXT,
    source_name          TEXT,
    poll_interval_seconds INT        NOT NULL,
    fetch_articles       BOOLEAN     NOT NULL DEFAULT TRUE,
    etag                 TEXT,
    last_modified        TEXT,
    last_polled_at       TIMESTAMPTZ,
    last_success_at      TIMESTAMPTZ,
    last_error           TEXT,
    consecutive_failures INT         NOT NULL DEFAULT 0,
    next_poll_at         TIMESTAMPTZ NOT NULL,
    entries_seen         INT         NOT NULL DEFAULT 0,
    articles_ingested    INT         NOT NULL DEFAULT 0,
    created_by           TEXT,
    created_at           TIMESTAMPTZ NOT NULL
);

CREATE TABLE feed_entry (
    feed_id    BIGINT      NOT NULL REFERENCES feed (id) ON DELETE CASCADE,
    entry_key  TEXT        NOT NULL,
    article_id VARCHAR(40),
    seen_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (feed_id, entry_key)
);
