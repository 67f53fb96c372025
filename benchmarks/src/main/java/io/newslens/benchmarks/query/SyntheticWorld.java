package io.newslens.benchmarks.query;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The fixed cast of the synthetic news: outlets, entities of every type and the time span. Everything derives
 * from the seed, so the benchmark run can find the same entities (by rank) that the load wrote.
 *
 * <p>Shape (chosen to look like a two-year archive of a few hundred outlets): 300 sources whose volumes follow a
 * Zipf law (exponent 0.9), mostly English with German, French, Spanish, Italian, Dutch, Portuguese, Swedish and a
 * few languages PostgreSQL has no stemmer for; 50,000 entities per type for PERSON, ORGANIZATION, LOCATION and MISC
 * and 5,000 EQUIPMENT, each type drawn with a Zipf law (exponent 1.0, so the top person is in roughly a third of the
 * articles, like a head of state); two years of publication times.
 */
final class SyntheticWorld {

    static final String[] TYPES = {"PERSON", "ORGANIZATION", "LOCATION", "MISC", "EQUIPMENT"};
    /** How the entity picks of an article split over the types (same order as TYPES). */
    static final double[] TYPE_MIX = {0.34, 0.26, 0.24, 0.12, 0.04};
    static final int[] TYPE_SIZES = {50_000, 50_000, 50_000, 50_000, 5_000};
    static final int SOURCES = 300;
    static final Instant START = Instant.parse("2024-11-01T00:00:00Z");
    static final long SPAN_SECONDS = ChronoUnit.DAYS.getDuration().getSeconds() * 730;

    private static final String[] LANGUAGES = {"en", "de", "fr", "es", "it", "nl", "pt", "sv", "pl", "ja"};
    private static final double[] LANGUAGE_SHARE = {0.70, 0.08, 0.07, 0.06, 0.03, 0.02, 0.02, 0.01, 0.005, 0.005};
    private static final String[] OUTLET_KINDS = {"Herald", "Times", "Post", "Daily", "Wire", "Courier", "Tribune",
            "Gazette", "Observer", "Journal", "Chronicle", "Monitor", "Review", "Dispatch", "Express", "News"};
    private static final String[] ORG_KINDS = {"Ministry", "Group", "Union", "Party", "Corporation", "Bank", "Agency",
            "Council", "Institute", "Holdings", "Federation", "Authority", "Commission", "Airlines", "University"};

    record Source(String name, String domain, String language) {
    }

    final Vocabulary vocabulary;
    final List<Source> sources = new ArrayList<>();
    final String[][] entityIds = new String[TYPES.length][];
    final String[][] entityNames = new String[TYPES.length][];
    private final double[][] entityCdf = new double[TYPES.length][];
    private final double[] sourceCdf;

    SyntheticWorld(Vocabulary vocabulary, long seed) {
        this.vocabulary = vocabulary;
        SplittableRandom random = new SplittableRandom(seed);
        // proper names come from the rare end of the vocabulary so that they are real tokens of the text too
        int nameBase = Math.max(vocabulary.realWords(), vocabulary.size() / 3);
        int namePool = vocabulary.size() - nameBase;
        for (int i = 0; i < SOURCES; i++) {
            String place = cap(vocabulary.word(nameBase + random.nextInt(namePool)));
            String kind = OUTLET_KINDS[random.nextInt(OUTLET_KINDS.length)];
            String name = place + " " + kind;
            String domain = (place + kind).toLowerCase(Locale.ROOT) + (i % 7 == 0 ? ".co.uk" : ".com");
            sources.add(new Source(name, domain, LANGUAGES[pick(LANGUAGE_SHARE, random.nextDouble())]));
        }
        sourceCdf = zipfCdf(SOURCES, 0.9);
        for (int t = 0; t < TYPES.length; t++) {
            int n = TYPE_SIZES[t];
            entityIds[t] = new String[n];
            entityNames[t] = new String[n];
            entityCdf[t] = zipfCdf(n, 1.0);
            for (int r = 0; r < n; r++) {
                entityIds[t][r] = String.format("ent_%c%011x", TYPES[t].charAt(0), mix(seed * 31 + t * 1_000_003L + r) & 0xfffffffffffL);
                String a = cap(vocabulary.word(nameBase + random.nextInt(namePool)));
                String b = cap(vocabulary.word(nameBase + random.nextInt(namePool)));
                entityNames[t][r] = switch (TYPES[t]) {
                    case "PERSON" -> a + " " + b;
                    case "ORGANIZATION" -> a + " " + ORG_KINDS[random.nextInt(ORG_KINDS.length)];
                    case "LOCATION" -> random.nextInt(5) == 0 ? a + " " + b : a;
                    case "MISC" -> a + " " + b + (random.nextBoolean() ? "" : " " + cap(vocabulary.word(random.nextInt(2000))));
                    default -> a.substring(0, Math.min(3, a.length())).toUpperCase(Locale.ROOT) + "-" + (10 + random.nextInt(990));
                };
            }
        }
    }

    /** The names an entity also goes by (surname, acronym). */
    List<String> aliases(int type, int rank) {
        String name = entityNames[type][rank];
        String[] parts = name.split(" ");
        List<String> out = new ArrayList<>();
        if (TYPES[type].equals("PERSON")) {
            out.add(parts[parts.length - 1]);
        } else if (parts.length > 1) {
            StringBuilder acronym = new StringBuilder();
            for (String p : parts) {
                acronym.append(Character.toUpperCase(p.charAt(0)));
            }
            out.add(acronym.toString());
        }
        return out;
    }

    int entityRank(int type, SplittableRandom random) {
        return search(entityCdf[type], random.nextDouble());
    }

    int entityType(SplittableRandom random) {
        return pick(TYPE_MIX, random.nextDouble());
    }

    Source source(SplittableRandom random) {
        return sources.get(search(sourceCdf, random.nextDouble()));
    }

    static int typeIndex(String type) {
        for (int i = 0; i < TYPES.length; i++) {
            if (TYPES[i].equals(type)) {
                return i;
            }
        }
        throw new IllegalArgumentException(type);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    static String cap(String w) {
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    private static double[] zipfCdf(int n, double s) {
        double[] cdf = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1.0 / Math.pow(i + 1, s);
            cdf[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            cdf[i] /= sum;
        }
        return cdf;
    }

    private static int search(double[] cdf, double u) {
        int lo = 0;
        int hi = cdf.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cdf[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int pick(double[] shares, double u) {
        double acc = 0;
        for (int i = 0; i < shares.length; i++) {
            acc += shares[i];
            if (u < acc) {
                return i;
            }
        }
        return shares.length - 1;
    }
}
