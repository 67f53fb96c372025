package io.newslens.nlp.linking.index;

/**
 * What a Wikipedia title names, as far as its own text, its qualifier and CoreNLP's place gazetteer tell. Most
 * people's articles carry no qualifier and stay {@link #UNKNOWN}: the type is used to refuse clear conflicts
 * (a person's name linked to a city), not to prove a match.
 */
public enum TitleType {
    UNKNOWN, PERSON, ORGANIZATION, LOCATION, COUNTRY, STATE_OR_PROVINCE, CITY, EQUIPMENT, WORK, EVENT,
    /** a surname or given-name page: never a link target */
    NAME_PAGE,
    /** a disambiguation page: never a link target */
    DISAMBIGUATION;

    private static final TitleType[] VALUES = values();

    public static TitleType of(int code) {
        return code >= 0 && code < VALUES.length ? VALUES[code] : UNKNOWN;
    }

    public boolean isPlace() {
        return this == LOCATION || this == COUNTRY || this == STATE_OR_PROVINCE || this == CITY;
    }

    public boolean isLinkable() {
        return this != NAME_PAGE && this != DISAMBIGUATION;
    }
}
