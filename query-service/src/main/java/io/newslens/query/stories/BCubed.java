package io.newslens.query.stories;

import java.util.HashMap;
import java.util.Map;

/**
 * BCubed precision, recall and F1 of a clustering against gold labels (Bagga and Baldwin 1998; Amigó et al. 2009):
 * for every item, the share of its cluster that shares its gold class (precision) and the share of its gold class
 * that shares its cluster (recall), averaged over items.
 */
public final class BCubed {

    public record Score(double precision, double recall, double f1, int items) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "P=%.3f R=%.3f F1=%.3f (n=%d)", precision, recall, f1, items);
        }
    }

    private BCubed() {
    }

    /** Scores the items present in both maps. */
    public static Score score(Map<String, String> predicted, Map<String, String> gold) {
        Map<String, Integer> clusterSize = new HashMap<>();
        Map<String, Integer> classSize = new HashMap<>();
        Map<String, Integer> both = new HashMap<>();
        int n = 0;
        for (Map.Entry<String, String> e : gold.entrySet()) {
            String cluster = predicted.get(e.getKey());
            if (cluster == null) {
                continue;
            }
            n++;
            clusterSize.merge(cluster, 1, Integer::sum);
            classSize.merge(e.getValue(), 1, Integer::sum);
            both.merge(cluster + "\u0000" + e.getValue(), 1, Integer::sum);
        }
        if (n == 0) {
            return new Score(0, 0, 0, 0);
        }
        double p = 0;
        double r = 0;
        for (Map.Entry<String, String> e : gold.entrySet()) {
            String cluster = predicted.get(e.getKey());
            if (cluster == null) {
                continue;
            }
            int common = both.get(cluster + "\u0000" + e.getValue());
            p += (double) common / clusterSize.get(cluster);
            r += (double) common / classSize.get(e.getValue());
        }
        p /= n;
        r /= n;
        return new Score(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), n);
    }
}
