package io.newslens.query.stories;

import io.newslens.contracts.Annotations;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What story clustering knows about one article: when it was published, its embedding, and the salience of the named
 * things it is about (people, organisations, places, equipment and other names; dates are left out, they say nothing
 * about which event an article reports).
 *
 * @param entities entity id to salience (the share of the article's mentions that refer to it)
 * @param places name keys of the places the article's event happens at ({@link EventPlaces})
 * @param names name keys of every entity it mentions (canonical names and the forms written), to tell whether it
 *        mentions another report's place ({@link PlaceNames})
 */
public record ArticleProfile(String id, Instant time, float[] embedding, Map<String, Double> entities, Set<String> places,
        Set<String> names) {

    /** Entity types whose overlap says two articles report the same event. */
    public static final Set<String> STORY_ENTITY_TYPES = Set.of("PERSON", "ORGANIZATION", "LOCATION", "EQUIPMENT", "MISC");

    public static ArticleProfile of(String id, Instant time, String text, Annotations annotations) {
        return of(id, time, annotations.embedding(), annotations.entities(), EventPlaces.of(text, annotations));
    }

    public static ArticleProfile of(String id, Instant time, float[] embedding, List<Annotations.Entity> entities,
            Set<String> places) {
        Map<String, Double> weights = new TreeMap<>();
        Set<String> names = new TreeSet<>();
        if (entities != null) {
            for (Annotations.Entity e : entities) {
                if (e.id() != null && STORY_ENTITY_TYPES.contains(e.type()) && e.salience() > 0) {
                    weights.merge(e.id(), e.salience(), Double::sum);
                    names.addAll(nameKeys(e));
                }
            }
        }
        return new ArticleProfile(id, time, embedding, weights, places == null ? Set.of() : Set.copyOf(places),
                Set.copyOf(names));
    }

    /** The name keys an entity goes by: its canonical name and the forms the article wrote. */
    public static Set<String> nameKeys(Annotations.Entity e) {
        Set<String> keys = new TreeSet<>();
        keys.add(PlaceNames.key(e.name()));
        if (e.aliases() != null) {
            e.aliases().forEach(a -> keys.add(PlaceNames.key(a)));
        }
        keys.remove("");
        return keys;
    }
}
