package io.newslens.nlp.linking;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Name normalisation shared by the dictionary index and the registry, so that a name is looked up under the
 * same key it was stored with.
 *
 * <ul>
 * <li>{@link #key}: case, diacritics and punctuation folded ("U.S." and "US" → "us", "People's Liberation Army" →
 * "peoples liberation army", "Su-35" and "Su35" → "su 35"). Used for dictionary look-ups.</li>
 * <li>{@link #looseKey}: {@link #key} plus conservative transliteration folding per token ("Sergei"/"Sergey",
 * "Yevgeny"/"Evgeny", "Alexei"/"Aleksei", "Zelensky"/"Zelenskyy") and, for people, honorifics dropped. Used only
 * by the registry, only within one entity type.</li>
 * </ul>
 */
public final class NameKeys {

    private NameKeys() {
    }

    /** Case shape of a surface form; a case-exact dictionary alias is stronger evidence than a case-folded one. */
    public enum Shape {
        /** "NATO", "PLA", "US" */
        ALL_CAPS,
        /** "Georgia", "iPhone", "McDonald's" */
        CAPITALISED,
        /** "george washington" */
        LOWER,
        OTHER;

        public static Shape of(String surface) {
            int letters = 0;
            int upper = 0;
            for (int i = 0; i < surface.length(); i++) {
                char c = surface.charAt(i);
                if (Character.isLetter(c)) {
                    letters++;
                    if (Character.isUpperCase(c)) {
                        upper++;
                    }
                }
            }
            if (letters == 0) {
                return OTHER;
            }
            if (upper == letters) {
                return letters >= 2 ? ALL_CAPS : CAPITALISED;
            }
            return upper == 0 ? LOWER : CAPITALISED;
        }
    }

    private static final Set<String> HONORIFICS = Set.copyOf(List.of("mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord",
            "lady", "gen", "general", "col", "colonel", "lt", "sgt", "capt", "captain", "adm", "admiral", "maj", "major",
            "president", "premier", "minister", "sen", "senator", "rep", "gov", "governor", "mayor", "king", "queen",
            "prince", "princess", "pope", "sheikh", "rev", "reverend"));
    private static final Set<String> SUFFIXES = Set.copyOf(List.of("jr", "sr", "ii", "iii", "iv"));

    /** The dictionary key of a surface form or of a Wikipedia title's text; "" when nothing is left. */
    public static String key(String surface) {
        if (surface == null || surface.isEmpty()) {
            return "";
        }
        String s = surface.strip();
        // possessive: "Russia's" → "Russia"
        if (s.endsWith("'s") || s.endsWith("’s")) {
            s = s.substring(0, s.length() - 2);
        }
        s = foldDiacritics(s);
        StringBuilder out = new StringBuilder(s.length());
        int prevClass = 0; // 0 = separator, 1 = letter, 2 = digit
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '’' || c == '‘' || c == '`' || c == 'ʼ' || c == '.') {
                // "People's" → "peoples", "U.S." → "us": joined, not split
                continue;
            }
            if (c == '&') {
                appendSeparator(out);
                out.append("and");
                appendSeparator(out);
                prevClass = 0;
                continue;
            }
            int cls = Character.isLetter(c) ? 1 : Character.isDigit(c) ? 2 : 0;
            if (cls == 0) {
                appendSeparator(out);
            } else {
                if (prevClass != 0 && prevClass != cls) {
                    // "Su35" and "Su-35" alike
                    appendSeparator(out);
                }
                out.append(Character.toLowerCase(c));
            }
            prevClass = cls;
        }
        int len = out.length();
        if (len > 0 && out.charAt(len - 1) == ' ') {
            out.setLength(len - 1);
        }
        String key = out.toString();
        if (key.startsWith("the ") && key.length() > 4) {
            key = key.substring(4);
        }
        return key;
    }

    private static void appendSeparator(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
            out.append(' ');
        }
    }

    /** Removes diacritics ("Zürich" → "Zurich", "Łódź" → "Lodz") and ligatures ("Æ" → "AE"). */
    public static String foldDiacritics(String s) {
        boolean ascii = true;
        for (int i = 0; i < s.length() && ascii; i++) {
            ascii = s.charAt(i) < 0x80;
        }
        if (ascii) {
            return s;
        }
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            switch (c) {
                case 'ł' -> out.append('l');
                case 'Ł' -> out.append('L');
                case 'ø' -> out.append('o');
                case 'Ø' -> out.append('O');
                case 'đ' -> out.append('d');
                case 'Đ' -> out.append('D');
                case 'ß' -> out.append("ss");
                case 'æ' -> out.append("ae");
                case 'Æ' -> out.append("AE");
                case 'œ' -> out.append("oe");
                case 'Œ' -> out.append("OE");
                case 'ı' -> out.append('i');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Tokens of a key (split on the single spaces {@link #key} leaves). */
    public static List<String> tokens(String key) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= key.length(); i++) {
            if (i == key.length() || key.charAt(i) == ' ') {
                if (i > start) {
                    out.add(key.substring(start, i));
                }
                start = i + 1;
            }
        }
        return out;
    }

    /**
     * The registry's matching key: {@link #key}, per token transliteration-folded; for people, leading honorifics
     * and trailing generational suffixes are dropped ("Gen. Sergei Shoigu" and "Sergey Shoigu" → "sergei shoigu").
     * Middle initials stay: "George W. Bush" and "George Bush" are not merged by spelling alone.
     */
    public static String looseKey(String surface, String type) {
        List<String> tokens = tokens(key(surface));
        int from = 0;
        int to = tokens.size();
        boolean person = "PERSON".equals(type);
        if (person) {
            while (to - from > 1 && HONORIFICS.contains(tokens.get(from))) {
                from++; // "President Xi Jinping" → "xi jinping"
            }
            while (to - from > 2 && SUFFIXES.contains(tokens.get(to - 1))) {
                to--; // "Martin Luther King Jr." → "martin luther king"
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = from; i < to; i++) {
            String t = tokens.get(i);
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(foldTransliteration(t));
        }
        return out.toString();
    }

    /**
     * Folds the spelling differences that romanisations of one name commonly show, conservatively: only
     * word-final and word-initial patterns that do not merge distinct common names.
     */
    static String foldTransliteration(String token) {
        if (token.length() < 3 || !Character.isLetter(token.charAt(0))) {
            return token;
        }
        String t = token;
        // Yevgeny / Evgeny, Yekaterinburg / Ekaterinburg
        if (t.startsWith("ye") && t.length() > 4) {
            t = t.substring(1);
        }
        // Alexei / Aleksei, Alexander / Aleksandr (x ↔ ks)
        t = t.replace("ks", "x");
        // Mikhail / Mihail, Khodorkovsky / Hodorkovsky
        t = t.replace("kh", "h");
        // Shoigu / Shoygu, Tolstoy / Tolstoi
        t = t.replace("oy", "oi").replace("ay", "ai").replace("uy", "ui");
        // word-final: Sergei/Sergey/Sergej, Dmitri/Dmitry/Dmitriy/Dmitrii, Zelensky/Zelenskyy/Zelenskiy/Zelenskii
        if (t.endsWith("yy") || t.endsWith("iy") || t.endsWith("ii") || t.endsWith("yi") || t.endsWith("ij")) {
            t = t.substring(0, t.length() - 2) + "i";
        } else if (t.endsWith("ey") || t.endsWith("ej")) {
            t = t.substring(0, t.length() - 2) + "ei";
        } else if (t.endsWith("y") && t.length() > 3 && !isVowel(t.charAt(t.length() - 2))) {
            t = t.substring(0, t.length() - 1) + "i";
        }
        // Aleksandr / Alexander
        if (t.endsWith("dr") && t.length() > 4) {
            t = t.substring(0, t.length() - 2) + "der";
        }
        return t;
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }

    /** The display name of a Wikipedia title: "Georgia_(country)" → "Georgia", "Washington,_D.C." → "Washington, D.C.". */
    public static String displayName(String title) {
        String s = title.replace('_', ' ');
        int paren = s.lastIndexOf(" (");
        if (paren > 0 && s.endsWith(")")) {
            s = s.substring(0, paren);
        }
        return s;
    }

    /**
     * The base of a title: the name without its disambiguating qualifier: "Georgia_(country)" → "Georgia",
     * "Paris,_Texas" → "Paris"; the title itself when it has none.
     */
    public static String baseName(String title) {
        String s = title.replace('_', ' ');
        int paren = s.indexOf(" (");
        if (paren > 0 && s.endsWith(")")) {
            return s.substring(0, paren);
        }
        int comma = s.indexOf(", ");
        if (comma > 0) {
            return s.substring(0, comma);
        }
        return s;
    }

    /** The qualifier of a title: "Georgia_(U.S._state)" → "U.S. state", "Paris,_Texas" → "Texas"; null if none. */
    public static String qualifier(String title) {
        String s = title.replace('_', ' ');
        int paren = s.indexOf(" (");
        if (paren > 0 && s.endsWith(")")) {
            return s.substring(paren + 2, s.length() - 1);
        }
        int comma = s.indexOf(", ");
        if (comma > 0) {
            return s.substring(comma + 2);
        }
        return null;
    }

    /** A person name's tokens for matching, with honorifics and middle initials dropped, transliteration-folded. */
    public static List<String> personTokens(String surface) {
        return tokens(looseKey(surface, "PERSON"));
    }

    /** True when the string has no letters (a number, a date): never an alias worth keeping. */
    public static boolean hasLetter(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
