package io.newslens.ingest.extraction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word-shingle matching as the public article-extraction benchmarks score article bodies: tokens are runs of word
 * characters, shingles are n consecutive tokens counted as a multiset, and one page's true positives, false
 * positives and false negatives are normalised to sum to one so that long pages weigh no more than short ones.
 * Precision and recall are means over pages; F1 is taken from those means.
 */
final class ShingleScore {

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{M}\\p{N}_]+");

    /** One page's normalised true positives, false positives and false negatives. */
    record Match(double tp, double fp, double fn) {
        double precision() {
            if (fp == 0 && fn == 0) {
                return 1;
            }
            return tp + fp == 0 ? 0 : tp / (tp + fp);
        }

        double recall() {
            if (fp == 0 && fn == 0) {
                return 1;
            }
            return tp + fn == 0 ? 0 : tp / (tp + fn);
        }
    }

    /** Mean precision, mean recall and the F1 of those means. */
    record Summary(double precision, double recall, double f1) {
    }

    private ShingleScore() {
    }

    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    static Map<String, Integer> shingles(String text, int n) {
        List<String> tokens = tokens(text);
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < Math.max(1, tokens.size() - n + 1); i++) {
            List<String> part = tokens.subList(i, Math.min(tokens.size(), i + n));
            if (!part.isEmpty()) {
                out.merge(String.join("\u0001", part), 1, Integer::sum);
            }
        }
        return out;
    }

    static Match match(String truth, String predicted, int n) {
        Map<String, Integer> t = shingles(truth, n);
        Map<String, Integer> p = shingles(predicted, n);
        Set<String> keys = new HashSet<>(t.keySet());
        keys.addAll(p.keySet());
        double tp = 0;
        double fp = 0;
        double fn = 0;
        for (String k : keys) {
            int tc = t.getOrDefault(k, 0);
            int pc = p.getOrDefault(k, 0);
            tp += Math.min(tc, pc);
            fp += Math.max(0, pc - tc);
            fn += Math.max(0, tc - pc);
        }
        double sum = tp + fp + fn;
        return sum > 0 ? new Match(tp / sum, fp / sum, fn / sum) : new Match(0, 0, 0);
    }

    static Summary summarize(List<Match> matches) {
        double p = 0;
        int pn = 0;
        double r = 0;
        int rn = 0;
        for (Match m : matches) {
            if (m.tp() + m.fp() > 0) {
                p += m.precision();
                pn++;
            }
            if (m.tp() + m.fn() > 0) {
                r += m.recall();
                rn++;
            }
        }
        double precision = pn == 0 ? 0 : p / pn;
        double recall = rn == 0 ? 0 : r / rn;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Summary(precision, recall, f1);
    }
}
