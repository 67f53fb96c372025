-- Story assignment without re-aggregating the read model per article (docs/stories.md, "Speed").
--
-- A story's entity profile, kept as articles join it, leave it and stories merge (StoryAssigner): per story and
-- entity, the summed salience over its members (the weights StorySimilarity compares) and the number of members that
-- mention it (how candidate stories are ranked). Before, every arriving article summed article_entity over the members
-- of up to 300 candidate stories, twice, and ranked candidates by aggregating article_entity joined to article over
-- the whole time window; both grew with the read model.
CREATE TABLE story_entity (
    story_id   VARCHAR(40)      NOT NULL REFERENCES story (id) ON DELETE CASCADE,
    entity_id  VARCHAR(64)      NOT NULL,
    weight     DOUBLE PRECISION NOT NULL,
    articles   INT              NOT NULL,
    PRIMARY KEY (story_id, entity_id)
);
-- candidate stories by shared entity: an index-only scan per entity
CREATE INDEX story_entity_entity_idx ON story_entity (entity_id, story_id) INCLUDE (articles);

-- the story entity types of ArticleProfile.STORY_ENTITY_TYPES, with positive salience, as StoryAssigner counts them
INSERT INTO story_entity (story_id, entity_id, weight, articles)
SELECT a.story_id, ae.entity_id, sum(ae.salience), count(*)
FROM article_entity ae JOIN article a ON a.id = ae.article_id
WHERE a.story_id IS NOT NULL AND ae.salience > 0
  AND ae.entity_type IN ('PERSON', 'ORGANIZATION', 'LOCATION', 'EQUIPMENT', 'MISC')
GROUP BY a.story_id, ae.entity_id;

-- stories within the time window of an article: bounded on both ends of the span
CREATE INDEX story_span_idx ON story (last_published, first_published);
