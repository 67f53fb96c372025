package io.newslens.nlp.pipeline.ner;

import io.newslens.nlp.pipeline.AnalyzedText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups one article's mentions into local entities: each short form points at the full name it abbreviates.
 *
 * <ul>
 * <li>People: a full name (two or more tokens, titles already trimmed) is an entity; a variant with the same first and
 * last token ("Hillary Rodham Clinton", "Hillary Clinton") is the same one. A single-token mention ("Putin", "Mr. Li"
 * trimmed to "Li", "Shangfu") refers to a full name whose first or last token it is. With one such candidate it is
 * that person. With several ("Li Shangfu" and "Li Qiang"), it is the candidate mentioned most recently before it,
 * by full name or by an already resolved short form (recency stands in for salience); if none of them was mentioned
 * before it, it stays unresolved, an entity of its own, rather than guessed.</li>
 * <li>Initialisms: "People's Liberation Army (PLA)" makes PLA an alias; an all-capital mention whose letters are the
 * initials of a multi-word name in the article ("U.S." and "United States", "EU" and "European Union") too.</li>
 * <li>Equipment: a designation that starts a longer one ("S-400" and "S-400 Triumf") is the longer one.</li>
 * <li>Everything else: the same words (case-insensitive) are the same entity within its type.</li>
 * </ul>
 * The entity's name is its fullest form (most tokens, then most frequent); the other forms are its aliases.
 */
final class InArticleResolver {

    private static final Set<String> INITIAL_SKIP = Set.of("of", "the", "and", "for", "'s", "de", "-", "&", "on", "in");

    private static final class Group {
        final String type;
        String subtype;
        final List<Span> spans = new ArrayList<>();
        int lastMention = -1;
        Group target;

        Group(String type, String subtype) {
            this.type = type;
            this.subtype = subtype;
        }

        Group root() {
            Group g = this;
            while (g.target != null) {
                g = g.target;
            }
            return g;
        }
    }

    record Result(List<AnalyzedText.NamedMention> mentions, List<AnalyzedText.LocalEntity> entities) {
    }

    Result resolve(Doc d, List<Span> spans) {
        Map<Span, Group> groupOf = new HashMap<>();
        resolvePeople(d, spans, groupOf);
        Map<String, Group> byKey = new LinkedHashMap<>();
        for (Span s : spans) {
            if (!s.type.equals("PERSON")) {
                Group g = byKey.computeIfAbsent(s.type + ":" + MentionRules.key(d, s.start, s.end),
                        k -> new Group(s.type, s.subtype));
                g.spans.add(s);
                groupOf.put(s, g);
            }
        }
        linkParentheticalInitialisms(d, spans, groupOf);
        linkInitialisms(d, spans, groupOf);
        linkEquipmentPrefixes(d, spans, groupOf);
        return build(d, spans, groupOf);
    }

    private static void resolvePeople(Doc d, List<Span> spans, Map<Span, Group> groupOf) {
        List<Group> fullNames = new ArrayList<>();
        Map<String, Group> byFirstLast = new HashMap<>();
        for (Span s : spans) {
            if (s.type.equals("PERSON") && s.length() > 1) {
                String firstLast = d.norm[s.start] + " " + d.norm[s.end - 1];
                Group g = byFirstLast.get(firstLast);
                if (g == null) {
                    g = new Group("PERSON", s.subtype);
                    byFirstLast.put(firstLast, g);
                    fullNames.add(g);
                }
                g.spans.add(s);
                groupOf.put(s, g);
            }
        }
        Map<String, Group> unresolved = new HashMap<>();
        for (Span s : spans) {
            if (!s.type.equals("PERSON")) {
                continue;
            }
            Group g = groupOf.get(s);
            if (g == null) {
                g = pickFullName(d, s, fullNames);
                if (g == null) {
                    g = unresolved.computeIfAbsent(MentionRules.key(d, s.start, s.end), k -> new Group("PERSON", null));
                }
                g.spans.add(s);
                groupOf.put(s, g);
            }
            g.lastMention = s.start;
        }
    }

    /** The full name a single-token mention abbreviates, by the rule in the class comment; null if none or unclear. */
    private static Group pickFullName(Doc d, Span s, List<Group> fullNames) {
        String token = d.norm[s.start];
        List<Group> candidates = new ArrayList<>();
        for (Group g : fullNames) {
            for (Span f : g.spans) {
                if (d.norm[f.start].equals(token) || d.norm[f.end - 1].equals(token)) {
                    candidates.add(g);
                    break;
                }
            }
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        Group best = null;
        int bestPosition = -1;
        for (Group g : candidates) {
            int last = g.lastMention;
            for (Span f : g.spans) {
                if (f.length() > 1 && f.start < s.start) {
                    last = Math.max(last, f.start);
                }
            }
            if (last >= 0 && last < s.start && last > bestPosition) {
                best = g;
                bestPosition = last;
            }
        }
        return best;
    }

    /** "People's Liberation Army (PLA)": the bracketed initialism is an alias of the name before it. */
    private static void linkParentheticalInitialisms(Doc d, List<Span> spans, Map<Span, Group> groupOf) {
        Map<Integer, Span> byStart = new HashMap<>();
        for (Span s : spans) {
            byStart.put(s.start, s);
        }
        List<Span> added = new ArrayList<>();
        for (Span s : spans) {
            int open = s.end;
            if (s.length() < 2 || open + 2 >= d.n || !isOpenBracket(d.word[open]) || !isCloseBracket(d.word[open + 2])) {
                continue;
            }
            String acronym = d.word[open + 1];
            if (!isInitialism(acronym) || !initialsFit(d, s, letters(acronym), false)) {
                continue;
            }
            Span inner = byStart.get(open + 1);
            Group target = groupOf.get(s).root();
            if (inner == null) {
                inner = new Span(open + 1, open + 2, s.type, s.subtype, Span.Source.CONSISTENCY);
                added.add(inner);
                target.spans.add(inner);
                groupOf.put(inner, target);
                d.ner[open + 1] = s.type;
            } else if (groupOf.get(inner).root() != target) {
                groupOf.get(inner).root().target = target;
            }
        }
        spans.addAll(added);
        // any other occurrence of the initialism joins too
        for (Span a : added) {
            String k = MentionRules.key(d, a.start, a.end);
            for (Span s : spans) {
                if (s != a && MentionRules.key(d, s.start, s.end).equals(k) && groupOf.get(s).root() != groupOf.get(a).root()) {
                    groupOf.get(s).root().target = groupOf.get(a).root();
                }
            }
        }
    }

    /** "U.S." with "United States", "EU" with "European Union", within one article. */
    private static void linkInitialisms(Doc d, List<Span> spans, Map<Span, Group> groupOf) {
        for (Span s : spans) {
            if (s.length() != 1 || s.type.equals("PERSON") || s.type.equals("EQUIPMENT") || !isInitialism(d.word[s.start])) {
                continue;
            }
            String letters = letters(d.word[s.start]);
            for (Span full : spans) {
                if (full.length() > 1 && !full.type.equals("PERSON") && !full.type.equals("EQUIPMENT")
                        && initialsFit(d, full, letters, true)) {
                    Group from = groupOf.get(s).root();
                    Group to = groupOf.get(full).root();
                    if (from != to) {
                        from.target = to;
                    }
                    break;
                }
            }
        }
    }

    /** "S-400" and "S-400 Triumf", "Bayraktar" and "Bayraktar TB2". */
    private static void linkEquipmentPrefixes(Doc d, List<Span> spans, Map<Span, Group> groupOf) {
        for (Span s : spans) {
            if (!s.type.equals("EQUIPMENT")) {
                continue;
            }
            String k = MentionRules.key(d, s.start, s.end);
            for (Span longer : spans) {
                if (longer.type.equals("EQUIPMENT") && longer.length() > s.length()
                        && MentionRules.key(d, longer.start, longer.end).startsWith(k + " ")) {
                    Group from = groupOf.get(s).root();
                    Group to = groupOf.get(longer).root();
                    if (from != to) {
                        from.target = to;
                    }
                    break;
                }
            }
        }
    }

    private static boolean isOpenBracket(String w) {
        return w.equals("(") || w.equals("-LRB-") || w.equals("[");
    }

    private static boolean isCloseBracket(String w) {
        return w.equals(")") || w.equals("-RRB-") || w.equals("]");
    }

    static boolean isInitialism(String w) {
        String l = letters(w);
        if (l.length() < 2 || l.length() > 8) {
            return false;
        }
        for (int i = 0; i < l.length(); i++) {
            if (!Character.isUpperCase(l.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String letters(String w) {
        return w.replace(".", "");
    }

    /**
     * Whether the initials of the name's words spell the letters: exactly when {@code exact}, else as an in-order
     * subsequence starting with the first word (brackets show intent, so "IRGC" fits "Islamic Revolutionary Guard Corps").
     */
    private static boolean initialsFit(Doc d, Span name, String letters, boolean exact) {
        StringBuilder initials = new StringBuilder();
        for (int i = name.start; i < name.end; i++) {
            if (INITIAL_SKIP.contains(d.norm[i]) || !d.hasLetter(i)) {
                continue;
            }
            initials.append(Character.toUpperCase(d.word[i].charAt(0)));
        }
        if (exact) {
            return initials.toString().equals(letters);
        }
        if (initials.length() == 0 || initials.charAt(0) != letters.charAt(0)) {
            return false;
        }
        int j = 0;
        for (int i = 0; i < initials.length() && j < letters.length(); i++) {
            if (initials.charAt(i) == letters.charAt(j)) {
                j++;
            }
        }
        return j == letters.length();
    }

    private static Result build(Doc d, List<Span> spans, Map<Span, Group> groupOf) {
        spans.sort((a, b) -> Integer.compare(a.start, b.start));
        Map<Group, List<Span>> members = new LinkedHashMap<>();
        for (Span s : spans) {
            members.computeIfAbsent(groupOf.get(s).root(), k -> new ArrayList<>()).add(s);
        }
        Map<Group, String> keys = new HashMap<>();
        Set<String> usedKeys = new java.util.HashSet<>();
        List<AnalyzedText.LocalEntity> entities = new ArrayList<>();
        for (Map.Entry<Group, List<Span>> e : members.entrySet()) {
            Group g = e.getKey();
            List<Span> ms = e.getValue();
            Map<String, Integer> forms = new LinkedHashMap<>();
            Map<String, Integer> length = new HashMap<>();
            for (Span s : ms) {
                String surface = d.surface(s.start, s.end);
                forms.merge(surface, 1, Integer::sum);
                length.put(surface, s.length());
            }
            String name = null;
            for (String f : forms.keySet()) {
                if (name == null || length.get(f) > length.get(name)
                        || length.get(f).equals(length.get(name)) && forms.get(f) > forms.get(name)) {
                    name = f;
                }
            }
            String subtype = g.subtype;
            for (Span s : ms) {
                if (subtype == null && s.subtype != null && length.get(d.surface(s.start, s.end)).equals(length.get(name))) {
                    subtype = s.subtype;
                }
            }
            String base = g.type + ":" + Lexicon.normalize(name);
            String key = base;
            for (int n = 2; !usedKeys.add(key); n++) {
                key = base + "#" + n;
            }
            keys.put(g, key);
            Set<String> aliases = new LinkedHashSet<>(forms.keySet());
            aliases.remove(name);
            entities.add(new AnalyzedText.LocalEntity(key, name, g.type, subtype, List.copyOf(aliases), ms.size()));
            for (Span s : ms) {
                s.type = g.type;
            }
        }
        List<AnalyzedText.NamedMention> mentions = new ArrayList<>();
        for (Span s : spans) {
            Group g = groupOf.get(s).root();
            mentions.add(new AnalyzedText.NamedMention(d.begin[s.start], d.end[s.end - 1], d.surface(s.start, s.end),
                    g.type, s.subtype != null ? s.subtype : g.subtype, keys.get(g), d.sentence[s.start]));
            for (int i = s.start; i < s.end; i++) {
                d.ner[i] = g.type;
            }
        }
        return new Result(mentions, entities);
    }
}
