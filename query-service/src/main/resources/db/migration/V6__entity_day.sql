-- An entity's mentions per day, kept by ReadModelWriter as articles arrive, are replaced and are removed: a profile's
-- timeline reads one row per day instead of every article_entity row of the entity (237,146 rows for the most
-- frequent person of the 1M-article benchmark). sentiment_sum / rated is the entity's average sentiment.
CREATE TABLE entity_day (
    entity_id      VARCHAR(64)      NOT NULL,
    day            DATE             NOT NULL,
    mentions       BIGINT           NOT NULL,
    articles       INT              NOT NULL,
    sentiment_sum  DOUBLE PRECISION NOT NULL,
    rated          INT              NOT NULL,
    PRIMARY KEY (entity_id, day)
);

INSERT INTO entity_day (entity_id, day, mentions, articles, sentiment_sum, rated)
SELECT entity_id, (sort_time AT TIME ZONE 'UTC')::date, sum(mention_count), count(*), coalesce(sum(sentiment), 0),
       count(sentiment)
FROM article_entity GROUP BY 1, 2;
