-- What story clustering remembers of each article beyond its entities and embedding (StoryAssigner): where the
-- article says its event happens, and every name it mentions, both as PlaceNames keys. A story's profile is the union
-- over its members, so the place check of StorySimilarity works against the database as it does in memory.
ALTER TABLE article ADD COLUMN story_places TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE article ADD COLUMN story_names TEXT[] NOT NULL DEFAULT '{}';

-- stories by entity: the articles of a story, found from the entity's articles
CREATE INDEX story_first_published_idx ON story (first_published);
