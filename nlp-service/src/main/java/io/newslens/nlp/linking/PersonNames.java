package io.newslens.nlp.linking;

import java.util.List;

/**
 * When two spellings of a person's name, neither known to the dictionary, name the same person. Conservative on
 * purpose: a wrong merge mixes two people's quotes and profiles, a missed one only splits a profile.
 *
 * <p>Both names need the same number of name tokens (two or more, honorifics dropped, transliteration-folded by
 * {@link NameKeys#looseKey}); first and last tokens must each be equal or a near spelling (same initial letter,
 * Jaro-Winkler ≥ 0.92, at least four letters), and at most one of them may be merely near. Tokens between must
 * be equal. So "Yevgeny Prigozhin" ~ "Evgeny Prigojin", but "Li Shangfu" ≁ "Li Qiang" and "Wang Yi" ≁ "Wang Yu".
 */
public final class PersonNames {

    private PersonNames() {
    }

    public static boolean compatible(List<String> a, List<String> b) {
        if (a.size() < 2 || a.size() != b.size()) {
            return false;
        }
        int near = 0;
        int last = a.size() - 1;
        for (int i = 0; i <= last; i++) {
            String x = a.get(i);
            String y = b.get(i);
            if (x.equals(y)) {
                continue;
            }
            if ((i == 0 || i == last) && nearSpelling(x, y)) {
                near++;
                continue;
            }
            return false;
        }
        return near <= 1;
    }

    static boolean nearSpelling(String x, String y) {
        return x.length() >= 4 && y.length() >= 4 && x.charAt(0) == y.charAt(0) && jaroWinkler(x, y) >= 0.92;
    }

    static double jaroWinkler(String s, String t) {
        if (s.equals(t)) {
            return 1;
        }
        int range = Math.max(0, Math.max(s.length(), t.length()) / 2 - 1);
        boolean[] sm = new boolean[s.length()];
        boolean[] tm = new boolean[t.length()];
        int matches = 0;
        for (int i = 0; i < s.length(); i++) {
            int from = Math.max(0, i - range);
            int to = Math.min(t.length() - 1, i + range);
            for (int j = from; j <= to; j++) {
                if (!tm[j] && s.charAt(i) == t.charAt(j)) {
                    sm[i] = true;
                    tm[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0;
        }
        int transpositions = 0;
        int k = 0;
        for (int i = 0; i < s.length(); i++) {
            if (sm[i]) {
                while (!tm[k]) {
                    k++;
                }
                if (s.charAt(i) != t.charAt(k)) {
                    transpositions++;
                }
                k++;
            }
        }
        double m = matches;
        double jaro = (m / s.length() + m / t.length() + (m - transpositions / 2.0) / m) / 3.0;
        int prefix = 0;
        while (prefix < Math.min(4, Math.min(s.length(), t.length())) && s.charAt(prefix) == t.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1 - jaro);
    }
}
