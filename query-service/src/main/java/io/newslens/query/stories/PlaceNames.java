package io.newslens.query.stories;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Place names compared the way a reader would: one names the other when the words of the shorter are all among the
 * words of the longer ("Hamburg" and "Port of Hamburg", "California" and "Northern California"). Entity ids alone
 * miss these, since the linker gives a port, a region and a city different ids.
 */
public final class PlaceNames {

    private PlaceNames() {
    }

    /** Lower case, accents and punctuation gone, single spaces. */
    public static String key(String name) {
        if (name == null) {
            return "";
        }
        return Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** Whether any of {@code places} is named by any of {@code names} (both already {@link #key keys}). */
    public static boolean anyNamed(Collection<String> places, Collection<String> names) {
        for (String p : places) {
            Set<String> pw = words(p);
            if (pw.isEmpty()) {
                continue;
            }
            for (String n : names) {
                Set<String> nw = words(n);
                if (!nw.isEmpty() && (pw.containsAll(nw) || nw.containsAll(pw))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Set<String> words(String key) {
        return Arrays.stream(key.split(" ")).filter(w -> w.length() > 1 && !STOP.contains(w)).collect(Collectors.toSet());
    }

    private static final Set<String> STOP = Set.of("the", "of", "de", "del", "la", "le", "and");
}
