package io.newslens.nlp.pipeline;

import java.time.Instant;
import java.util.List;

/**
 * One text after the language layer (tokens, sentences, named mentions resolved within the document),
 * the input of the higher layers (time, quotes, events, keyphrases, sentiment).
 *
 * @param publishedAt the reference time for relative dates; may be null
 * @param entities the document's entities: each mention's {@code localEntityKey} points at one of these
 */
public record AnalyzedText(String text, Instant publishedAt, List<Sentence> sentences, List<NamedMention> mentions,
        List<LocalEntity> entities) {

    /** A token with its character offsets into the text (end exclusive). */
    public record Token(int index, int sentence, int start, int end, String word, String pos, String lemma, String ner) {
    }

    public record Sentence(int index, int start, int end, List<Token> tokens) {
    }

    /**
     * A named mention: a span of the text naming a person, organisation, place, piece of equipment, or other.
     *
     * @param type PERSON, ORGANIZATION, LOCATION, EQUIPMENT or MISC
     * @param subtype a finer type (COUNTRY, CITY, STATE_OR_PROVINCE, NATIONALITY, WEAPON, AIRCRAFT, ...), or null
     * @param localEntityKey the key of the document entity this mention refers to
     * @param sentence index of the sentence holding it
     */
    public record NamedMention(int start, int end, String text, String type, String subtype, String localEntityKey,
            int sentence) {
    }

    /**
     * An entity within one document: the fullest name used for it, the other forms seen, how often.
     *
     * @param key stable within the document only; cross-document ids are assigned by the entity registry
     */
    public record LocalEntity(String key, String name, String type, String subtype, List<String> aliases, int mentionCount) {
    }
}
