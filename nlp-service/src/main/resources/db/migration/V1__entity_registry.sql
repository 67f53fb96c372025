-- The entity registry: one row per cross-article entity, the Wikipedia titles claimed by entities, and the
-- name keys (aliases) that lead to them. Ids are deterministic (derived from the Wikipedia title, or from the
-- type and normalised name for entities the dictionary does not know), and every write is an
-- INSERT ... ON CONFLICT, so several nlp-service replicas can resolve the same names at once.

CREATE TABLE registry_entity (
    id              varchar(40)  PRIMARY KEY,
    canonical_name  varchar(400) NOT NULL,
    type            varchar(20)  NOT NULL,
    subtype         varchar(40),
    -- NameKeys.looseKey of the canonical name
    name_key        varchar(400) NOT NULL,
    -- first and last loose name tokens of people, for the given/family-name rule
    first_key       varchar(100),
    last_key        varchar(100),
    -- informational copy of the claim in registry_wikipedia_link
    wikipedia_title varchar(300),
    -- set when this entity turned out to be another one: its id stays valid and redirects there
    merged_into     varchar(40)  REFERENCES registry_entity (id),
    created_at      timestamptz  NOT NULL DEFAULT now(),
    updated_at      timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX registry_entity_person_last ON registry_entity (last_key) WHERE type = 'PERSON';
CREATE INDEX registry_entity_person_first ON registry_entity (first_key) WHERE type = 'PERSON';
CREATE INDEX registry_entity_merged ON registry_entity (merged_into) WHERE merged_into IS NOT NULL;

-- A Wikipedia title belongs to exactly one entity: the first to claim it (INSERT ... ON CONFLICT DO NOTHING).
CREATE TABLE registry_wikipedia_link (
    title       varchar(300) PRIMARY KEY,
    entity_id   varchar(40)  NOT NULL REFERENCES registry_entity (id),
    confidence  real,
    created_at  timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX registry_wikipedia_link_entity ON registry_wikipedia_link (entity_id);

-- A name key of one type leads to one entity; a key claimed by two different entities is marked ambiguous and
-- no longer used to resolve names that have no Wikipedia link.
CREATE TABLE registry_alias (
    type        varchar(20)  NOT NULL,
    alias_key   varchar(400) NOT NULL,
    entity_id   varchar(40)  NOT NULL REFERENCES registry_entity (id),
    surface     varchar(400) NOT NULL,
    ambiguous   boolean      NOT NULL DEFAULT false,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (type, alias_key)
);

CREATE INDEX registry_alias_entity ON registry_alias (entity_id);
