-- query-service's read model, built only from articles.annotated.

-- Full-text configuration per article language; 'simple' for languages PostgreSQL has no stemmer for.
CREATE FUNCTION newslens_ts_config(lang TEXT) RETURNS regconfig
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT CASE lower(coalesce(lang, ''))
           WHEN 'en' THEN 'english'
           WHEN 'de' THEN 'german'
           WHEN 'fr' THEN 'french'
           WHEN 'es' THEN 'spanish'
           WHEN 'it' THEN 'italian'
           WHEN 'pt' THEN 'portuguese'
           WHEN 'nl' THEN 'dutch'
           WHEN 'ru' THEN 'russian'
           WHEN 'sv' THEN 'swedish'
           WHEN 'da' THEN 'danish'
           WHEN 'fi' THEN 'finnish'
           WHEN 'no' THEN 'norwegian'
           WHEN 'hu' THEN 'hungarian'
           WHEN 'ro' THEN 'romanian'
           WHEN 'tr' THEN 'turkish'
           ELSE 'simple' END::regconfig
$$;

CREATE TABLE story (
    id               VARCHAR(40) PRIMARY KEY,
    title            TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    first_published  TIMESTAMPTZ,
    last_published   TIMESTAMPTZ,
    article_count    INT         NOT NULL DEFAULT 0,
    source_count     INT         NOT NULL DEFAULT 0,
    centroid         BYTEA,
    analysis         JSONB,
    analysis_at      TIMESTAMPTZ
);
CREATE INDEX story_last_published_idx ON story (last_published DESC);
CREATE INDEX story_updated_idx ON story (updated_at DESC);

CREATE TABLE article (
    id                VARCHAR(40) PRIMARY KEY,
    url               TEXT,
    source_name       TEXT,
    source_domain     TEXT,
    title             TEXT,
    byline            TEXT,
    published_at      TIMESTAMPTZ,
    sort_time         TIMESTAMPTZ NOT NULL,
    language          VARCHAR(16),
    text              TEXT        NOT NULL,
    text_hash         CHAR(64),
    ingested_at       TIMESTAMPTZ,
    annotated_at      TIMESTAMPTZ,
    indexed_at        TIMESTAMPTZ NOT NULL,
    pipeline_version  TEXT        NOT NULL,
    duplicate_of      VARCHAR(40),
    story_id          VARCHAR(40) REFERENCES story (id) ON DELETE SET NULL,
    sentiment         REAL,
    annotations       JSONB       NOT NULL,
    embedding         BYTEA,
    search            TSVECTOR    NOT NULL
);
CREATE INDEX article_search_idx ON article USING GIN (search);
CREATE INDEX article_sort_time_idx ON article (sort_time DESC, id DESC);
CREATE INDEX article_source_idx ON article (source_name);
CREATE INDEX article_language_idx ON article (language);
CREATE INDEX article_story_idx ON article (story_id);

CREATE TABLE entity (
    id             VARCHAR(64) PRIMARY KEY,
    name           TEXT        NOT NULL,
    type           VARCHAR(16) NOT NULL,
    subtype        VARCHAR(32),
    wikipedia      TEXT,
    first_seen     TIMESTAMPTZ,
    last_seen      TIMESTAMPTZ,
    article_count  INT         NOT NULL DEFAULT 0,
    mention_count  INT         NOT NULL DEFAULT 0
);
CREATE INDEX entity_type_idx ON entity (type, article_count DESC);

-- every name an entity went by, for lookup by name or alias prefix
CREATE TABLE entity_alias (
    entity_id  VARCHAR(64) NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
    alias      TEXT        NOT NULL,
    alias_key  TEXT        NOT NULL,
    PRIMARY KEY (entity_id, alias_key)
);
CREATE INDEX entity_alias_key_idx ON entity_alias (alias_key text_pattern_ops);

CREATE TABLE article_entity (
    article_id     VARCHAR(40) NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    entity_id      VARCHAR(64) NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
    entity_type    VARCHAR(16) NOT NULL,
    mention_count  INT         NOT NULL,
    salience       REAL        NOT NULL,
    sentiment      REAL,
    sort_time      TIMESTAMPTZ NOT NULL,
    source_name    TEXT,
    PRIMARY KEY (article_id, entity_id)
);
CREATE INDEX article_entity_entity_idx ON article_entity (entity_id, sort_time DESC);

CREATE TABLE quote (
    id                 BIGSERIAL PRIMARY KEY,
    article_id         VARCHAR(40) NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    speaker_entity_id  VARCHAR(64),
    speaker_name       TEXT,
    text               TEXT        NOT NULL,
    start_offset       INT         NOT NULL,
    end_offset         INT         NOT NULL,
    confidence         REAL        NOT NULL,
    sort_time          TIMESTAMPTZ NOT NULL,
    source_name        TEXT,
    search             TSVECTOR    NOT NULL
);
CREATE INDEX quote_article_idx ON quote (article_id);
CREATE INDEX quote_speaker_idx ON quote (speaker_entity_id, sort_time DESC);
CREATE INDEX quote_search_idx ON quote USING GIN (search);

CREATE TABLE event (
    id            BIGSERIAL PRIMARY KEY,
    article_id    VARCHAR(40) NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    type          VARCHAR(32) NOT NULL,
    participants  TEXT[]      NOT NULL,
    place         VARCHAR(64),
    time_text     TEXT,
    time_start    DATE,
    time_end      DATE,
    evidence      TEXT        NOT NULL,
    confidence    REAL        NOT NULL,
    sort_time     TIMESTAMPTZ NOT NULL,
    source_name   TEXT
);
CREATE INDEX event_article_idx ON event (article_id);
CREATE INDEX event_type_idx ON event (type, time_start);
CREATE INDEX event_participants_idx ON event USING GIN (participants);

-- takedowns: a removed article never comes back, also when an older event is replayed
CREATE TABLE removed_article (
    id          VARCHAR(40) PRIMARY KEY,
    removed_at  TIMESTAMPTZ NOT NULL,
    removed_by  TEXT
);

CREATE TABLE saved_search (
    id          VARCHAR(40) PRIMARY KEY,
    owner       TEXT        NOT NULL,
    name        TEXT        NOT NULL,
    query       JSONB       NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX saved_search_owner_idx ON saved_search (owner);
