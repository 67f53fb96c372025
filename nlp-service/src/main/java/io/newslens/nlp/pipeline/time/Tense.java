package io.newslens.nlp.pipeline.time;

/** The grammatical time of the clause an expression or event trigger sits in. */
public enum Tense {
    PAST,
    PRESENT,
    FUTURE,
    /** No finite verb found, or a modal that says nothing about time (could, may, must). */
    UNKNOWN
}
