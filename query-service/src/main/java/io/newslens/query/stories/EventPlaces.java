package io.newslens.query.stories;

import io.newslens.contracts.Annotations;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Where an article says its event happens: the places its events name, and in each of its first sentences the first
 * named thing after a place word ("arrived in Minsk", "heads to Moscow", "at the Port of Rotterdam", "will visit
 * Russia"). News puts the where in the lead; two reports of one event name the same places there, while the same
 * person's visit to another country names another ("arrived in Dar es Salaam" against "arrived in Nairobi"). Entity
 * types are not trusted here (a capital is often tagged as its government), only that the mention is not a person or a
 * date.
 */
public final class EventPlaces {

    /** How many leading sentences are read. */
    static final int LEAD_SENTENCES = 3;

    private static final Pattern PLACE_WORD = Pattern.compile(
            "(?i)(?:^|\\W)(?:in|to|at|near|outside|visit|visits|visited|visiting)\\s+(?:the\\s+)?$");

    private EventPlaces() {
    }

    /** The {@link PlaceNames#key keys} of the names (canonical and as written) of the article's event places. */
    public static Set<String> of(String text, Annotations a) {
        Set<String> places = new TreeSet<>();
        if (a == null) {
            return places;
        }
        java.util.Map<String, String> names = new java.util.HashMap<>();
        for (Annotations.Entity e : safe(a.entities())) {
            names.put(e.id(), e.name());
        }
        for (Annotations.Event e : safe(a.events())) {
            if (e.place() != null && names.containsKey(e.place())) {
                places.add(PlaceNames.key(names.get(e.place())));
            }
        }
        places.remove("");
        if (text == null) {
            return places;
        }
        List<Annotations.Sentence> sentences = safe(a.sentences());
        List<Annotations.Mention> mentions = safe(a.mentions());
        for (int i = 0; i < Math.min(LEAD_SENTENCES, sentences.size()); i++) {
            Annotations.Sentence s = sentences.get(i);
            for (Annotations.Mention m : mentions) {
                if (m.start() < s.start() || m.end() > s.end() || m.end() > text.length() || m.entityId() == null
                        || "PERSON".equals(m.type()) || "DATE".equals(m.type())) {
                    continue;
                }
                String before = text.substring(Math.max(s.start(), m.start() - 16), m.start());
                if (PLACE_WORD.matcher(before).find()) {
                    places.add(PlaceNames.key(m.text()));
                    if (names.containsKey(m.entityId())) {
                        places.add(PlaceNames.key(names.get(m.entityId())));
                    }
                    break;
                }
            }
        }
        return places;
    }

    private static <T> List<T> safe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
