package io.newslens.nlp.pipeline.quotes;

import io.newslens.nlp.pipeline.AnalyzedText.LocalEntity;
import io.newslens.nlp.pipeline.AnalyzedText.NamedMention;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Resolves what a pronoun or a title refers to, from the text before it, and only when one referent fits.
 *
 * <ul>
 * <li>he/she: the PERSON named in the nearest sentence before that names one whose gender (known from honorifics,
 * gendered titles or the pronouns used of them alone) does not clash; when that sentence names several, the
 * speaker last quoted or the one in subject position, else nobody.</li>
 * <li>it: the organisation or country standing as subject at the start of this or the previous sentences.</li>
 * <li>"the Russian president", "the ministry": the one person (or organisation) the text before gave that title
 * ("Russian President Vladimir Putin", "Tan Kefei, a spokesman for ...", "who was appointed defence minister").</li>
 * </ul>
 */
public final class Referents {

    /** How far back a pronoun may look, in sentences. */
    static final int PRONOUN_WINDOW = 6;

    private static final Set<String> MALE_CUES = Set.of("mr", "mr.", "he", "him", "his", "himself", "spokesman",
            "chairman", "congressman", "businessman", "king", "prince", "duke", "sir", "lord", "father", "son", "brother");
    private static final Set<String> FEMALE_CUES = Set.of("mrs", "mrs.", "ms", "ms.", "miss", "madam", "she", "her",
            "hers", "herself", "spokeswoman", "chairwoman", "congresswoman", "businesswoman", "queen", "princess",
            "duchess", "lady", "dame", "mother", "daughter", "sister", "actress");
    private static final Set<String> MALE_PRONOUNS = Set.of("he", "him", "his", "himself");
    private static final Set<String> FEMALE_PRONOUNS = Set.of("she", "her", "hers", "herself");
    private static final Set<String> PORTFOLIO = Set.of("defence", "foreign", "prime", "finance", "interior", "trade",
            "economy", "economic", "justice", "health", "education", "state", "vice", "deputy", "home", "energy",
            "agriculture", "culture", "transport", "environment", "labour", "labor", "security", "intelligence",
            "national", "military", "navy", "naval", "air", "army", "armed", "treasury", "commerce", "industry",
            "development", "affairs", "emergency", "emergencies", "digital", "science", "technology",
            "climate", "war", "police", "party", "supreme", "chief", "senior", "top", "former");
    private static final Set<String> APPOSITION_OPENERS = Set.of("a", "an", "the", "then", "now", "also", "who",
            "formerly", "its", "his", "her", "their", "china", "one");

    /** Common first names and their usual gender ("f anna", "m peter"), a weak cue used only without a better one. */
    private static final Map<String, String> FIRST_NAMES = firstNames();

    private final DocumentView doc;
    private final Set<String> titles;
    private final Set<String> orgHeads;
    private final Map<String, List<String>> synonyms;
    private final Map<String, String> demonyms;
    private Map<String, Set<String>> titleWords;
    private Map<String, Integer> firstMention;
    private Map<String, Character> gender;

    public Referents(DocumentView doc, Set<String> titles, Set<String> orgHeads, Map<String, List<String>> synonyms,
            Map<String, String> demonyms) {
        this.doc = doc;
        this.titles = titles;
        this.orgHeads = orgHeads;
        this.synonyms = synonyms;
        this.demonyms = demonyms;
    }

    /** A resolved referent: the entity key and how sure. */
    public record Referent(String key, double confidence) {
    }

    // ---- he / she ------------------------------------------------------------------------------------------

    /**
     * @param pronounToken global token index of the pronoun
     * @param preferredKey the speaker quoted last, if recent, or null
     */
    public Referent pronoun(int pronounToken, String pronoun, String preferredKey) {
        char wanted = MALE_PRONOUNS.contains(pronoun) ? 'M' : FEMALE_PRONOUNS.contains(pronoun) ? 'F' : '?';
        int sentence = doc.sentenceOfToken(pronounToken);
        int paragraph = doc.paragraphOf(doc.token(pronounToken).start());
        for (int s = sentence; s >= 0 && s > sentence - PRONOUN_WINDOW; s--) {
            int first = doc.sentenceStartToken(s);
            int last = s == sentence ? pronounToken - 1 : doc.sentenceEndToken(s);
            if (first < 0 || last < first) {
                continue;
            }
            if (paragraph - doc.paragraphOf(doc.token(first).start()) > 2) {
                break; // too far away: a new part of the story
            }
            LinkedHashMap<String, Integer> persons = new LinkedHashMap<>();
            for (int t = first; t <= last; t++) {
                NamedMention m = doc.mentionAt(t);
                if (m != null && "PERSON".equals(m.type()) && doc.token(t).start() == m.start()) {
                    String key = doc.keyOf(m);
                    char g = genderOf(key);
                    if (wanted != '?' && g != '?' && g != wanted) {
                        continue;
                    }
                    persons.putIfAbsent(key, t);
                }
            }
            if (persons.isEmpty() && s != sentence) {
                // "The Kenyan president promised ...": a title in subject position stands for its holder
                Referent titled = subjectTitle(first, last);
                if (titled != null) {
                    char g = genderOf(titled.key());
                    if (wanted == '?' || g == '?' || g == wanted) {
                        return new Referent(titled.key(), Math.min(titled.confidence(), 0.7));
                    }
                }
            }
            if (persons.isEmpty()) {
                continue;
            }
            double distance = s == sentence ? 0 : sentence - s;
            double base = 0.85 - 0.05 * distance;
            if (persons.size() == 1) {
                return new Referent(persons.keySet().iterator().next(), base);
            }
            // several that may fit: only the speaker just quoted, if known to be of the right gender, decides
            if (preferredKey != null && persons.containsKey(preferredKey)
                    && (wanted == '?' || genderOf(preferredKey) == wanted)) {
                return new Referent(preferredKey, base - 0.1);
            }
            return null;
        }
        return null;
    }

    /** A title phrase opening the sentence ("The German minister also defended ..."), resolved. */
    private Referent subjectTitle(int first, int last) {
        int t = first;
        while (t <= last && t < first + 6 && !doc.pos(t).startsWith("VB") && !doc.word(t).equals(",")) {
            t++;
        }
        if (t > last || t == first || !doc.pos(t).startsWith("VB") && !"MD".equals(doc.pos(t))) {
            return null;
        }
        int head = t - 1;
        while (head >= first && doc.pos(head).startsWith("RB")) {
            head--;
        }
        if (head < first || !titles.contains(doc.lower(head)) || doc.mentionAt(head) != null
                || !doc.lower(first).equals("the")) {
            return null;
        }
        List<String> words = new ArrayList<>();
        for (int i = first + 1; i <= head; i++) {
            if (doc.mentionAt(i) != null && "PERSON".equals(doc.mentionAt(i).type())) {
                return null;
            }
            words.add(doc.lower(i));
        }
        return title(words, doc.token(first).start());
    }

    /** 'M', 'F' or '?' from honorifics and gendered words next to the person's mentions. */
    public char genderOf(String key) {
        if (gender == null) {
            gender = new HashMap<>();
            Map<String, int[]> votes = new HashMap<>();
            for (NamedMention m : doc.mentions()) {
                if (!"PERSON".equals(m.type())) {
                    continue;
                }
                String k = doc.keyOf(m);
                int t = doc.lookup().tokenFrom(m.start());
                for (int b = t - 1; b >= 0 && b >= t - 2; b--) {
                    String w = doc.lower(b);
                    if (MALE_CUES.contains(w) && !MALE_PRONOUNS.contains(w)) {
                        votes.computeIfAbsent(k, x -> new int[2])[0] += 3;
                    } else if (FEMALE_CUES.contains(w) && !FEMALE_PRONOUNS.contains(w)) {
                        votes.computeIfAbsent(k, x -> new int[2])[1] += 3;
                    }
                }
            }
            // pronouns in sentences that name exactly one person, after that name
            for (int s = 0; s < doc.lookup().sentences().size(); s++) {
                int first = doc.sentenceStartToken(s);
                int last = doc.sentenceEndToken(s);
                if (first < 0) {
                    continue;
                }
                Set<String> persons = new HashSet<>();
                int firstPerson = -1;
                for (int t = first; t <= last; t++) {
                    NamedMention m = doc.mentionAt(t);
                    if (m != null && "PERSON".equals(m.type())) {
                        persons.add(doc.keyOf(m));
                        if (firstPerson < 0) {
                            firstPerson = t;
                        }
                    }
                }
                if (persons.size() > 1) {
                    // "X met her counterpart Y": a possessive between the first and second name is the first's
                    NamedMention firstMention = doc.mentionAt(firstPerson);
                    int t = firstPerson;
                    while (t <= last && doc.mentionAt(t) == firstMention) {
                        t++;
                    }
                    for (; t <= last && (doc.mentionAt(t) == null || !"PERSON".equals(doc.mentionAt(t).type())); t++) {
                        String w = doc.lower(t);
                        String k = doc.keyOf(firstMention);
                        if (w.equals("his")) {
                            votes.computeIfAbsent(k, x -> new int[2])[0]++;
                        } else if (w.equals("her")) {
                            votes.computeIfAbsent(k, x -> new int[2])[1]++;
                        }
                    }
                    continue;
                }
                if (persons.isEmpty()) {
                    continue;
                }
                String k = persons.iterator().next();
                // "X said .... He added": the next sentence opening with a pronoun
                if (s + 1 < doc.lookup().sentences().size()) {
                    int next = doc.sentenceStartToken(s + 1);
                    if (next >= 0 && doc.paragraphOf(doc.token(next).start()) - doc.paragraphOf(doc.token(last).start()) <= 1) {
                        String w = doc.lower(next);
                        if (w.equals("he")) {
                            votes.computeIfAbsent(k, x -> new int[2])[0]++;
                        } else if (w.equals("she")) {
                            votes.computeIfAbsent(k, x -> new int[2])[1]++;
                        }
                    }
                }
                for (int t = firstPerson + 1; t <= last; t++) {
                    String w = doc.lower(t);
                    if (MALE_PRONOUNS.contains(w)) {
                        votes.computeIfAbsent(k, x -> new int[2])[0]++;
                    } else if (FEMALE_PRONOUNS.contains(w)) {
                        votes.computeIfAbsent(k, x -> new int[2])[1]++;
                    }
                }
            }
            votes.forEach((k, v) -> gender.put(k, v[0] > v[1] ? 'M' : v[1] > v[0] ? 'F' : '?'));
        }
        char g = gender.getOrDefault(key, '?');
        if (g == '?') {
            // no cue in the text: a common first name
            LocalEntity e = doc.entity(key);
            if (e != null && e.name() != null) {
                String first = e.name().trim().split("[\\s\\u00A0]+")[0].toLowerCase(Locale.ROOT);
                String byName = FIRST_NAMES.get(first);
                if (byName != null) {
                    g = byName.charAt(0);
                }
            }
        }
        return g;
    }

    // ---- it ------------------------------------------------------------------------------------------------

    /** "it": the organisation or country that is the subject at the start of this or the previous sentences. */
    public Referent it(int pronounToken) {
        int sentence = doc.sentenceOfToken(pronounToken);
        for (int s = sentence; s >= 0 && s > sentence - 3; s--) {
            int t = doc.sentenceStartToken(s);
            int end = s == sentence ? pronounToken - 1 : doc.sentenceEndToken(s);
            if (t < 0) {
                continue;
            }
            // skip "But", "Instead,", "However,", and an opening phrase up to its comma ("In a statement,")
            if (doc.pos(t).equals("IN") || doc.pos(t).equals("TO")) {
                int comma = t;
                while (comma <= end && comma < t + 8 && !doc.word(comma).equals(",")) {
                    comma++;
                }
                if (comma <= end && comma < t + 8) {
                    t = comma + 1;
                }
            }
            while (t <= end && (doc.pos(t).equals("CC") || doc.pos(t).startsWith("RB") || doc.word(t).equals(",")
                    || doc.lower(t).equals("however") || doc.lower(t).equals("instead"))) {
                t++;
            }
            if (t > end) {
                continue;
            }
            if (doc.lower(t).equals("it")) {
                continue; // the chain goes on
            }
            NamedMention m = doc.mentionAt(t);
            if (m == null || !("ORGANIZATION".equals(m.type()) || "LOCATION".equals(m.type()))) {
                return null;
            }
            int after = t;
            while (after < doc.size() && doc.mentionAt(after) == m) {
                after++;
            }
            if (after < doc.size() && (doc.pos(after).startsWith("VB") || doc.pos(after).equals("MD"))) {
                return new Referent(doc.keyOf(m), 0.6);
            }
            return null;
        }
        return null;
    }

    // ---- titles ----------------------------------------------------------------------------------------------

    /**
     * The one entity mentioned before {@code beforeOffset} that the text gave this title.
     *
     * @param words the title phrase without determiners ("russian", "president")
     */
    public Referent title(List<String> words, int beforeOffset) {
        if (words.isEmpty()) {
            return null;
        }
        buildTitles();
        String head = words.get(words.size() - 1);
        Set<String> heads = new HashSet<>();
        heads.add(normal(head));
        for (String s : synonyms.getOrDefault(head, List.of())) {
            heads.add(normal(s));
        }
        List<String> modifiers = new ArrayList<>();
        for (int i = 0; i < words.size() - 1; i++) {
            String w = normal(demonyms.getOrDefault(words.get(i), words.get(i)));
            if (demonyms.containsValue(w) || PORTFOLIO.contains(w)) {
                if (!w.equals("former") && !w.equals("top") && !w.equals("senior")) {
                    modifiers.add(w);
                }
            }
        }
        if (orgHeads.contains(head) && !titles.contains(head)) {
            return organisation(head, modifiers, beforeOffset);
        }
        Set<String> matches = new LinkedHashSet<>();
        for (Map.Entry<String, Set<String>> e : titleWords.entrySet()) {
            Integer first = firstMention.get(e.getKey());
            if (first == null || first >= beforeOffset) {
                continue;
            }
            LocalEntity entity = doc.entity(e.getKey());
            if (entity == null || !"PERSON".equals(entity.type())) {
                continue;
            }
            Set<String> have = e.getValue();
            boolean headOk = heads.stream().anyMatch(have::contains);
            boolean modsOk = have.containsAll(modifiers.stream().map(Referents::normal).toList());
            if (headOk && modsOk) {
                matches.add(e.getKey());
            }
        }
        return matches.size() == 1 ? new Referent(matches.iterator().next(), 0.75) : null;
    }

    private Referent organisation(String head, List<String> modifiers, int beforeOffset) {
        Set<String> matches = new LinkedHashSet<>();
        for (NamedMention m : doc.mentions()) {
            if (m.start() >= beforeOffset || !"ORGANIZATION".equals(m.type())) {
                continue;
            }
            String[] w = m.text().toLowerCase(Locale.ROOT).split("\\s+");
            if (w[w.length - 1].equals(head)) {
                matches.add(doc.keyOf(m));
            }
        }
        return matches.size() == 1 ? new Referent(matches.iterator().next(), 0.65) : null;
    }

    private void buildTitles() {
        if (titleWords != null) {
            return;
        }
        titleWords = new HashMap<>();
        firstMention = new HashMap<>();
        for (NamedMention m : doc.mentions()) {
            if (!"PERSON".equals(m.type())) {
                continue;
            }
            String key = doc.keyOf(m);
            firstMention.merge(key, m.start(), Math::min);
            Set<String> words = titleWords.computeIfAbsent(key, k -> new HashSet<>());
            int first = doc.lookup().tokenFrom(m.start());
            int last = first;
            while (last + 1 < doc.size() && doc.mentionAt(last + 1) == m) {
                last++;
            }
            collectLeft(first - 1, words);
            collectRight(last + 1, words);
        }
    }

    /** "Chinese Defence Minister [Li Shangfu]", "China's defence minister [Li]". */
    private void collectLeft(int t, Set<String> words) {
        int steps = 0;
        int sentenceStart = t + 1 < doc.size() ? doc.sentenceStartToken(doc.sentenceOfToken(t + 1)) : 0;
        while (t >= sentenceStart && t >= 0 && steps < 7) {
            NamedMention m = doc.mentionAt(t);
            String pos = doc.pos(t);
            if (m != null) {
                if ("PERSON".equals(m.type())) {
                    return;
                }
                addName(m.text(), words);
                t = doc.lookup().tokenFrom(m.start()) - 1;
                steps++;
                continue;
            }
            if (pos.startsWith("NN") || pos.startsWith("JJ") || pos.equals("POS") || pos.equals("HYPH")) {
                addWord(doc.lower(t), words);
                t--;
                steps++;
                continue;
            }
            return;
        }
    }

    /** "[Tan Kefei], a spokesman for ...", "[Li], who was appointed defence minister", "[Li] as defence minister". */
    private void collectRight(int t, Set<String> words) {
        if (t >= doc.size()) {
            return;
        }
        int sentence = doc.sentenceOfToken(t);
        int end = doc.sentenceEndToken(sentence);
        int start;
        if (doc.word(t).equals(",") && t + 1 <= end && APPOSITION_OPENERS.contains(doc.lower(t + 1))
                || doc.word(t).equals(",") && t + 1 <= end && (doc.pos(t + 1).startsWith("JJ") || doc.pos(t + 1).startsWith("NN"))
                        && doc.mentionAt(t + 1) == null) {
            start = t + 1;
        } else if (doc.lower(t).equals("as") || doc.lower(t).equals("the")) {
            start = t + 1;
        } else {
            return;
        }
        for (int i = start; i <= end && i < start + 12; i++) {
            String w = doc.word(i);
            if (w.equals(",") || w.equals(".") || w.equals(";") || doc.lower(i).equals("for") && i > start + 1) {
                return;
            }
            NamedMention m = doc.mentionAt(i);
            if (m != null && "PERSON".equals(m.type())) {
                return;
            }
            if (m != null) {
                addName(m.text(), words);
                continue;
            }
            String pos = doc.pos(i);
            if (pos.startsWith("NN") || pos.startsWith("JJ")) {
                addWord(doc.lower(i), words);
            }
        }
    }

    private void addName(String name, Set<String> words) {
        String n = name.toLowerCase(Locale.ROOT);
        String demonym = demonyms.get(n);
        if (demonym != null) {
            words.add(normal(demonym));
        }
        for (String w : n.split("\\s+")) {
            addWord(w, words);
        }
    }

    private void addWord(String w, Set<String> words) {
        String n = normal(w);
        words.add(n);
        String demonym = demonyms.get(n);
        if (demonym != null) {
            words.add(demonym);
        }
        for (String part : n.split("-")) {
            if (!part.isEmpty()) {
                words.add(part);
            }
        }
    }

    private static Map<String, String> firstNames() {
        Map<String, String> out = new HashMap<>();
        for (String line : Lexicon.lines("nlp/quotes/first-names.txt")) {
            String[] parts = line.toLowerCase(Locale.ROOT).split("\\s+");
            for (int i = 1; i < parts.length; i++) {
                out.putIfAbsent(parts[i], parts[0].toUpperCase(Locale.ROOT));
            }
        }
        return out;
    }

    static String normal(String w) {
        String n = w.toLowerCase(Locale.ROOT);
        if (n.endsWith(".")) {
            n = n.substring(0, n.length() - 1);
        }
        return switch (n) {
            case "defense" -> "defence";
            case "councilor" -> "councillor";
            case "spokesperson", "spokeswoman" -> "spokesman";
            default -> n;
        };
    }
}
