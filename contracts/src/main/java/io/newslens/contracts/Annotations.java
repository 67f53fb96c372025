package io.newslens.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * Everything the NLP pipeline says about one text. Offsets are UTF-16 character offsets into the
 * article text (Java {@code String} indexes), end exclusive.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Annotations(
        List<Sentence> sentences,
        List<Mention> mentions,
        List<Entity> entities,
        List<Temporal> temporals,
        List<Quote> quotes,
        List<Event> events,
        List<Keyphrase> keyphrases,
        Sentiment sentiment,
        float[] embedding) {

    /** Coarse entity types; finer types go in {@code subtype}. */
    public static final List<String> ENTITY_TYPES =
            List.of("PERSON", "ORGANIZATION", "LOCATION", "DATE", "EQUIPMENT", "MISC");

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Sentence(int start, int end) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Mention(int start, int end, String text, String type, String subtype, String entityId) {
    }

    /**
     * @param wikipedia the linked Wikipedia title, or null when unknown
     * @param salience share of the article's mentions that refer to this entity
     * @param sentiment mean sentiment (-1..1) of the sentences mentioning it
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entity(String id, String name, String type, String subtype, List<String> aliases,
            String wikipedia, int mentionCount, double salience, Double sentiment) {
    }

    /**
     * @param value ISO-8601 value resolved against the publication date: a date (2023-04-16), a range
     *        (2023-04-16/2023-04-19), a duration (P3D), a time, or null when it cannot be resolved
     * @param kind DATE, TIME, RANGE, DURATION, SET
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Temporal(int start, int end, String text, String value, String kind, String rangeStart,
            String rangeEnd) {
    }

    /** @param confidence 0..1; a quote whose speaker is unknown has null speaker fields. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Quote(int start, int end, String text, String speakerEntityId, String speakerName,
            double confidence, Integer speakerMentionStart, Integer speakerMentionEnd) {
    }

    /**
     * @param participants entity ids
     * @param place entity id of the place, or null
     * @param time ISO-8601 date or range, or null
     * @param evidence the sentence the event was read from
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Event(String type, List<String> participants, String place, String time, String evidence,
            int evidenceStart, int evidenceEnd, double confidence) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Keyphrase(String text, double score) {
    }

    /** @param score -1 (negative) .. 1 (positive) */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Sentiment(double score, String label) {
    }
}
