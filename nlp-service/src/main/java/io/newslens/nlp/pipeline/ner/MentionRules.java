package io.newslens.nlp.pipeline.ner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns CoreNLP's token tags into named mentions and corrects its systematic errors as classes, in this order:
 * boilerplate counters and timestamps lose their NUMBER/TIME tags; candidates come from CoreNLP's tag runs, the
 * gazetteers, the equipment designation pattern and geographic-name structures; the longest (then most trusted)
 * candidates win; titles, articles and possessives are trimmed and non-names dropped; labels are made consistent
 * across the document; capitals used as governments become ORGANIZATION/GOVERNMENT; tokens get the final tags.
 * Stateless apart from the shared {@link Lexicon}: safe to use from several threads.
 */
final class MentionRules {

    static final Set<String> ENTITY_TAGS = Set.of("PERSON", "ORGANIZATION", "LOCATION", "MISC");
    static final Set<String> NUMERIC_TAGS = Set.of("NUMBER", "ORDINAL", "DATE", "TIME", "DURATION", "SET", "MONEY",
            "PERCENT");
    private static final Set<String> PRONOUNS = Set.of("i", "me", "my", "we", "us", "our", "you", "your", "he", "him",
            "his", "she", "her", "hers", "it", "its", "they", "them", "their", "theirs", "who", "whom", "this", "that");
    private static final Set<String> MEDIA_WORDS = Set.of("video", "videos", "watch", "play", "duration", "photo",
            "photos", "image", "images", "slide", "slides", "gallery", "views", "min", "read", "listen", "podcast");
    private static final Set<String> GEO_HEADS_BEFORE_OF = Set.of("sea", "gulf", "strait", "straits", "bay", "cape",
            "lake", "mount", "isle", "isles", "islands", "sea's");
    private static final Set<String> GEO_HEADS_AFTER = Set.of("sea", "ocean", "strait", "straits", "gulf", "peninsula",
            "island", "islands", "river", "mountains", "canal", "channel", "bay", "desert", "basin", "valley", "plateau");
    private static final Set<String> EQUIPMENT_HEADS = Set.of("missile", "missiles", "jet", "jets", "fighter",
            "fighters", "bomber", "bombers", "drone", "drones", "tank", "tanks", "helicopter", "helicopters", "aircraft",
            "system", "systems", "launcher", "launchers", "howitzer", "howitzers", "destroyer", "destroyers", "frigate",
            "frigates", "submarine", "submarines", "warship", "warships", "carrier", "interceptor", "interceptors");
    /** last words of government bodies that a leading nationality or country name is not part of */
    private static final Set<String> BODY_HEADS = Set.of("department", "ministry", "treasury", "navy", "army", "force",
            "embassy", "fleet", "guard", "government", "command", "military");
    private static final Set<String> EVENT_HEADS = Set.of("marathon", "olympics", "games", "cup", "open",
            "championship", "championships", "summit", "forum", "festival", "expo", "biennale");
    private static final Set<String> HYPHEN_SUFFIXES = Set.of("era", "style", "led", "backed", "based", "born", "made",
            "owned", "run", "controlled", "linked", "type", "class", "like", "wide", "friendly", "related", "allied",
            "bound", "funded", "inspired", "brokered", "level", "sanctioned", "flagged", "occupied", "held", "built");
    private static final Set<String> SHIP_PREFIXES = Set.of("USS", "HMS", "HMAS", "HMCS", "INS", "RFS", "JS", "ROKS");
    private static final Set<String> LOCATIVE = Set.of("in", "at", "near", "outside", "inside", "across", "around",
            "into", "to", "from", "via", "over", "through");
    private static final Set<String> OBJECT_VERBS = Set.of("warned", "warn", "urged", "urge", "accused", "blamed",
            "provoking", "provoke", "provoked", "pressing", "pressed", "presses", "press", "pressured", "pressure",
            "persuade", "persuaded", "helping", "help", "helped", "supporting", "support", "supported", "condemned",
            "criticised", "criticized", "sanctioned", "punish", "punished", "deter", "deterred", "lobbied", "lobby");
    private static final Set<String> PRESSURE_NOUNS = Set.of("pressure", "sanctions", "sanction", "demands", "calls",
            "criticism", "ties", "relations", "talks", "tensions", "dealings", "agreement", "deal", "dialogue",
            "cooperation", "partnership", "rift", "dispute", "row", "standoff", "influence", "leverage", "contacts");
    private static final Set<String> BE_HAVE = Set.of("is", "was", "are", "were", "'s", "has", "have", "had", "be");
    private static final Set<String> UNKNOWN_EQUIPMENT_HEADS = Set.of("missile", "missiles", "jet", "jets", "fighter",
            "fighters", "bomber", "bombers", "drone", "drones", "tank", "tanks", "helicopter", "helicopters",
            "launcher", "launchers", "howitzer", "howitzers", "destroyer", "destroyers", "frigate", "frigates",
            "submarine", "submarines", "warship", "warships", "interceptor", "interceptors", "rockets");
    private static final Pattern SPACED_PREFIX = Pattern.compile("[A-Z]{2,4}");
    private static final Pattern TYPE_NUMBER_SHORT = Pattern.compile("\\d{1,3}[A-Z]?");
    private static final Pattern ALPHANUMERIC_MODEL = Pattern.compile("[A-Z]{1,3}\\d{1,4}[A-Z0-9]*|\\d{1,3}[A-Z]{1,2}\\d{1,3}");
    private static final Pattern PREFIX = Pattern.compile("[A-Z][A-Za-z]{0,7}");
    private static final Pattern MODEL_NUMBER = Pattern.compile("\\d{1,4}[A-Za-z0-9]{0,5}");
    private static final Pattern GLUED_DESIGNATION = Pattern.compile("([A-Z][A-Za-z]{0,7})-(\\d{1,4}[A-Za-z0-9]{0,5})");
    private static final Pattern TYPE_NUMBER = Pattern.compile("\\d{2,3}[A-Z]?");
    private static final Pattern COUNTER = Pattern.compile("[\\d:/.,|()\\-]+");
    private static final Pattern CLOCK = Pattern.compile("\\d{1,2}:\\d{2}(:\\d{2})?");
    private static final Pattern FRACTION = Pattern.compile("\\d{1,3}/\\d{1,3}");

    private final Lexicon lx;

    MentionRules(Lexicon lexicon) {
        this.lx = lexicon;
    }

    List<Span> apply(Doc d) {
        clearBoilerplateNumbers(d);
        boolean[] military = militaryContext(d);
        List<Span> candidates = new ArrayList<>();
        corenlpSpans(d, candidates);
        refineCorenlpSpans(d, candidates);
        gazetteerSpans(d, military, candidates);
        designationSpans(d, military, candidates);
        geographicSpans(d, candidates);
        shipAndEventSpans(d, candidates);
        List<Span> spans = select(candidates);
        clean(d, spans);
        makeConsistent(d, spans);
        governmentMetonymy(d, spans);
        assignSubtypes(d, spans);
        spans.sort(Comparator.comparingInt(s -> s.start));
        writeTags(d, spans);
        return spans;
    }

    // --- boilerplate: page counters ("1/12"), video timestamps ("02:31"), share counts ("8") --------------------

    /** A line holding nothing but digits and separators, or a clock/fraction beside media words, is page furniture. */
    void clearBoilerplateNumbers(Doc d) {
        for (int s = 0; s + 1 < d.sentenceStart.length; s++) {
            int from = d.sentenceStart[s];
            int to = d.sentenceEnd(s);
            boolean allCounter = to - from <= 5;
            boolean media = false;
            for (int i = from; i < to; i++) {
                allCounter &= COUNTER.matcher(d.word[i]).matches();
                media |= MEDIA_WORDS.contains(d.norm[i]);
            }
            for (int i = from; i < to; i++) {
                boolean furniture = allCounter
                        || media && (CLOCK.matcher(d.word[i]).matches() || FRACTION.matcher(d.word[i]).matches());
                if (furniture && NUMERIC_TAGS.contains(d.ner[i])) {
                    d.ner[i] = "O";
                }
            }
        }
    }

    private boolean[] militaryContext(Doc d) {
        boolean[] out = new boolean[d.sentenceStart.length - 1];
        for (int i = 0; i < d.n; i++) {
            if (lx.equipmentContext.contains(d.norm[i])) {
                out[d.sentence[i]] = true;
            }
        }
        return out;
    }

    // --- candidates ---------------------------------------------------------------------------------------------

    private static void corenlpSpans(Doc d, List<Span> out) {
        int i = 0;
        while (i < d.n) {
            String tag = d.ner[i];
            if (!ENTITY_TAGS.contains(tag)) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < d.n && tag.equals(d.ner[j]) && d.sentence[j] == d.sentence[i]) {
                j++;
            }
            out.add(new Span(i, j, tag, null, Span.Source.CORENLP));
            i = j;
        }
    }

    /**
     * Repairs CoreNLP spans that are several names run together: "PLA's Equipment Development Department" (two
     * organisations), "Russia-China" (two countries), "Defence Lloyd Austin" (a title glued to a known person), and
     * "Cold War-era" (a name with a hyphenated common-word suffix).
     */
    private void refineCorenlpSpans(Doc d, List<Span> spans) {
        List<Span> out = new ArrayList<>();
        for (Span s : spans) {
            // trailing "-era", "-style", "-led" and lower-case words ("Xinhua news agency"): not part of the name
            while (s.length() > 2 && d.word[s.end - 2].equals("-") && HYPHEN_SUFFIXES.contains(d.norm[s.end - 1])) {
                s.end -= 2;
            }
            while (s.length() > 1 && !d.capitalized(s.end - 1) && d.hasLetter(s.end - 1)
                    && !(d.word[s.end - 2].equals("-") && d.glued(s.end - 2))) { // "Lee Myung-bak" keeps "bak"
                s.end--;
            }
            // "Russian Defence Ministry", "US State Department": a nationality or country, then the body
            if (s.type.equals("ORGANIZATION") && s.length() > 1 && BODY_HEADS.contains(d.norm[s.end - 1])) {
                Lexicon.Entry first = lx.lookup(List.of(d.word[s.start])).stream()
                        .filter(e -> e.type().equals("LOCATION") || e.subtype().equals("NATIONALITY")).findFirst().orElse(null);
                if (first != null) {
                    out.add(new Span(s.start, s.start + 1, first.type(), first.subtype(), s.source));
                    out.add(new Span(s.start + 1, s.end, s.type, null, s.source));
                    continue;
                }
            }
            int possessive = -1;
            for (int i = s.start + 1; i < s.end - 1; i++) {
                if (d.norm[i].equals("'s")) {
                    possessive = i;
                }
            }
            if (possessive > 0) {
                out.add(new Span(s.start, possessive, s.type, null, s.source));
                out.add(new Span(possessive + 1, s.end, s.type, null, s.source));
                continue;
            }
            List<String> words = List.of(d.word).subList(s.start, s.end);
            if (s.length() >= 3 && words.contains("-") && !known(words)) {
                List<Span> parts = new ArrayList<>();
                int from = s.start;
                for (int i = s.start; i <= s.end; i++) {
                    if (i == s.end || d.word[i].equals("-")) {
                        parts.add(new Span(from, i, "LOCATION", null, s.source));
                        from = i + 1;
                    }
                }
                boolean allPlaces = parts.stream().allMatch(p -> p.length() > 0
                        && lx.lookup(List.of(d.word).subList(p.start, p.end)).stream().anyMatch(e -> e.type().equals("LOCATION")));
                if (allPlaces) {
                    out.addAll(parts);
                    continue;
                }
            }
            for (int t = s.start + 1; t < s.end - 1; t++) {
                if (!lx.titles.contains(d.norm[t - 1])) {
                    break;
                }
                if (lx.lookup(List.of(d.word).subList(t, s.end)).stream().anyMatch(e -> e.type().equals("PERSON"))) {
                    s.start = t;
                    s.type = "PERSON";
                    break;
                }
            }
            out.add(s);
        }
        spans.clear();
        spans.addAll(out);
    }

    private boolean known(List<String> words) {
        return !lx.lookup(words).isEmpty();
    }

    private void gazetteerSpans(Doc d, boolean[] military, List<Span> out) {
        List<TokenTrie.Match<Lexicon.Entry>> matches = lx.trie.findAll(d.normList());
        Set<String> confirmed = new HashSet<>();
        List<TokenTrie.Match<Lexicon.Entry>> needContext = new ArrayList<>();
        for (TokenTrie.Match<Lexicon.Entry> m : matches) {
            Lexicon.Entry e = m.value();
            if (d.sentence[m.start()] != d.sentence[m.end() - 1] || !caseFits(d, m.start(), e)) {
                continue;
            }
            if (e.has("context")) {
                if (military[d.sentence[m.start()]]) {
                    confirmed.add(e.phrase());
                }
                needContext.add(m);
                continue;
            }
            // a capital is rarely anything else; "the Moon" is not a person
            boolean strong = e.strong() || e.has("capital")
                    || "REGION".equals(e.subtype()) && m.start() > 0 && d.norm[m.start() - 1].equals("the");
            out.add(new Span(m.start(), m.end(), e.type(), e.subtype(),
                    strong ? Span.Source.GAZETTEER : Span.Source.GAZETTEER_WEAK));
        }
        // an ambiguous name ("Patriot") confirmed once by military context counts throughout the article
        for (TokenTrie.Match<Lexicon.Entry> m : needContext) {
            if (confirmed.contains(m.value().phrase())) {
                out.add(new Span(m.start(), m.end(), m.value().type(), m.value().subtype(), Span.Source.GAZETTEER));
            }
        }
    }

    private static boolean caseFits(Doc d, int start, Lexicon.Entry e) {
        if (e.has("cased")) {
            for (int k = 0; k < e.tokens().size(); k++) {
                if (!d.word[start + k].replace('\u2019', '\'').equals(e.tokens().get(k))) {
                    return false;
                }
            }
            return true;
        }
        if (e.has("anycase")) {
            return true;
        }
        // every capitalised word of the phrase must be capitalised in the text ("Xinhua news agency" is not the name)
        for (int k = 0; k < e.tokens().size(); k++) {
            String p = e.tokens().get(k);
            if (!p.isEmpty() && Character.isUpperCase(p.charAt(0)) && !d.capitalized(start + k)) {
                return false;
            }
        }
        return d.capitalized(start);
    }

    /**
     * Letters-hyphen-number designations (Su-35, S-400, Shahed-136, DF-41, T-72B3) and "Type 055": a known prefix with
     * military context in the sentence (or no need of it), or an unknown prefix directly followed by an equipment
     * noun ("the new XK-9 drone"). A stoplist keeps COVID-19, G-7, K-12 out whatever the context.
     */
    private void designationSpans(Doc d, boolean[] military, List<Span> out) {
        Map<String, String> accepted = new HashMap<>();
        int militarySentences = 0;
        for (boolean b : military) {
            militarySentences += b ? 1 : 0;
        }
        // an article about arms (three or more sentences with military words) is context enough for a known prefix
        boolean militaryArticle = militarySentences >= 3;
        List<Span> pending = new ArrayList<>();
        List<String> pendingKeys = new ArrayList<>();
        for (int i = 0; i < d.n; i++) {
            String prefix = null;
            int end = -1;
            if (i + 2 < d.n && d.word[i + 1].equals("-") && d.glued(i) && d.glued(i + 1)
                    && PREFIX.matcher(d.word[i]).matches() && MODEL_NUMBER.matcher(d.word[i + 2]).matches()) {
                prefix = d.word[i];
                end = i + 3;
            } else {
                var m = GLUED_DESIGNATION.matcher(d.word[i]);
                if (m.matches()) {
                    prefix = m.group(1);
                    end = i + 1;
                }
            }
            if (prefix == null) {
                if (d.word[i].equals("Type") && i + 1 < d.n && TYPE_NUMBER.matcher(d.word[i + 1]).matches()
                        && military[d.sentence[i]]) {
                    out.add(new Span(i, i + 2, "EQUIPMENT", typeSubtype(d, i), Span.Source.DESIGNATION));
                }
                continue;
            }
            if (lx.designationStoplist.contains(prefix)) {
                continue;
            }
            String key = d.surface(i, end);
            Lexicon.Prefix known = lx.prefixes.get(prefix);
            boolean headNoun = end < d.n && EQUIPMENT_HEADS.contains(d.norm[end]);
            String subtype;
            if (known != null) {
                subtype = known.subtype();
                if (known.needsContext() && !military[d.sentence[i]] && !headNoun && !militaryArticle) {
                    pending.add(new Span(i, end, "EQUIPMENT", subtype, Span.Source.DESIGNATION));
                    pendingKeys.add(key);
                    continue;
                }
            } else if (headNoun && military[d.sentence[i]]) {
                subtype = headSubtype(d.norm[end]);
            } else {
                continue;
            }
            accepted.put(key, subtype);
            out.add(new Span(slashStart(d, i), nameEnd(d, end), "EQUIPMENT", subtype, Span.Source.DESIGNATION));
            i = end - 1;
        }
        spacedAndUnknownDesignations(d, military, out);
        for (int k = 0; k < pending.size(); k++) {
            if (accepted.containsKey(pendingKeys.get(k))) {
                out.add(pending.get(k));
            }
        }
    }

    /** "F/A-18": a glued "F /" before the designation belongs to it. */
    private static int slashStart(Doc d, int i) {
        if (i >= 2 && d.word[i - 1].equals("/") && d.glued(i - 2) && d.glued(i - 1) && d.word[i - 2].matches("[A-Z]{1,3}")) {
            return i - 2;
        }
        return i;
    }

    /** "S-400 Triumf", "JAS 39 Gripen", "MQ-9 Reaper": the system's name right after its designation is part of it. */
    private int nameEnd(Doc d, int end) {
        if (end < d.n && d.capitalized(end) && d.sentence[end] == d.sentence[end - 1]) {
            for (Lexicon.Entry e : lx.lookup(List.of(d.word[end]))) {
                if (e.type().equals("EQUIPMENT")) {
                    return end + 1;
                }
            }
        }
        return end;
    }

    /**
     * Designations written without a hyphen, which need military context in the sentence: a known or all-capital
     * prefix and a number as two tokens ("JAS 39"); an alphanumeric model ("M1A2", "48N6") or an unknown proper name
     * ("BrahMos", "Typhon") directly before an equipment noun, up to two modifiers between ("anti-ship missiles").
     * Names CoreNLP or the gazetteers already type (countries, demonyms, organisations, people) are not equipment.
     */
    private void spacedAndUnknownDesignations(Doc d, boolean[] military, List<Span> out) {
        for (int i = 0; i + 1 < d.n; i++) {
            if (!military[d.sentence[i]] || d.sentence[i + 1] != d.sentence[i]) {
                continue;
            }
            String w = d.word[i];
            if (SPACED_PREFIX.matcher(w).matches() && TYPE_NUMBER_SHORT.matcher(d.word[i + 1]).matches()
                    && !lx.designationStoplist.contains(w) && lx.lookup(List.of(w)).isEmpty()
                    && (lx.prefixes.containsKey(w) || headAfter(d, i + 2) > 0)) {
                Lexicon.Prefix known = lx.prefixes.get(w);
                int head = headAfter(d, i + 2);
                String subtype = known != null ? known.subtype() : headSubtype(d.norm[head]);
                out.add(new Span(i, nameEnd(d, i + 2), "EQUIPMENT", subtype, Span.Source.DESIGNATION));
                i++;
                continue;
            }
            int head = headAfter(d, i + 1);
            if (head < 0 || !"O".equals(d.ner[i]) && !"NUMBER".equals(d.ner[i]) && !"MISC".equals(d.ner[i])
                    || !lx.lookup(List.of(w)).isEmpty() || lx.designationStoplist.contains(w)) {
                continue;
            }
            boolean model = ALPHANUMERIC_MODEL.matcher(w).matches();
            boolean unknownName = d.capitalized(i) && d.hasLetter(i) && d.pos[i] != null && d.pos[i].startsWith("NNP")
                    && d.sentenceStart[d.sentence[i]] != i && !w.equals(w.toUpperCase()) && !d.norm[i].equals("i");
            if (model || unknownName) {
                out.add(new Span(i, i + 1, "EQUIPMENT", headSubtype(d.norm[head]), Span.Source.DESIGNATION));
            }
        }
    }

    /** Index of an equipment noun at {@code from} or after up to two lower-case modifiers, else -1. */
    private static int headAfter(Doc d, int from) {
        for (int k = from; k < Math.min(d.n, from + 3); k++) {
            if (d.sentence[k] != d.sentence[from - 1]) {
                return -1;
            }
            if (UNKNOWN_EQUIPMENT_HEADS.contains(d.norm[k])) {
                return k;
            }
            if (d.capitalized(k) || !d.hasLetter(k) && !d.word[k].equals("-")) {
                return -1;
            }
        }
        return -1;
    }

    private static String typeSubtype(Doc d, int i) {
        int from = d.sentenceStart[d.sentence[i]];
        int to = d.sentenceEnd(d.sentence[i]);
        for (int k = from; k < to; k++) {
            String w = d.norm[k];
            if (w.startsWith("tank")) {
                return "TANK";
            }
            if (w.startsWith("destroyer") || w.startsWith("frigate") || w.startsWith("carrier") || w.startsWith("ship")
                    || w.startsWith("warship") || w.startsWith("submarine") || w.startsWith("cruiser")
                    || w.startsWith("vessel") || w.startsWith("corvette")) {
                return "SHIP";
            }
        }
        return "WEAPON";
    }

    private static String headSubtype(String head) {
        if (head.startsWith("missile") || head.startsWith("interceptor")) {
            return "MISSILE";
        }
        if (head.startsWith("jet") || head.startsWith("fighter") || head.startsWith("bomber")
                || head.startsWith("helicopter") || head.equals("aircraft")) {
            return "AIRCRAFT";
        }
        if (head.startsWith("drone")) {
            return "DRONE";
        }
        if (head.startsWith("tank")) {
            return "TANK";
        }
        if (head.startsWith("destroyer") || head.startsWith("frigate") || head.startsWith("submarine")
                || head.startsWith("warship") || head.equals("carrier")) {
            return "SHIP";
        }
        return "WEAPON";
    }

    /** "USS Ralph Johnson" (a warship); "Boston Marathon", "Shangri-La Forum" (events, MISC). */
    private static void shipAndEventSpans(Doc d, List<Span> out) {
        for (int i = 0; i < d.n; i++) {
            if (SHIP_PREFIXES.contains(d.word[i])) {
                int k = i + 1;
                while (k < d.n && k - i <= 4 && d.capitalized(k) && d.hasLetter(k) && d.sentence[k] == d.sentence[i]) {
                    k++;
                }
                if (k > i + 1) {
                    out.add(new Span(i, k, "EQUIPMENT", "SHIP", Span.Source.STRUCTURE));
                }
            }
            if (EVENT_HEADS.contains(d.norm[i]) && d.capitalized(i) && i > 0) {
                int k = i;
                while (k > 0 && i - k < 3 && modifiesPlace(d, k - 1, d.sentence[i])) {
                    k--;
                }
                if (k < i) {
                    out.add(new Span(k, i + 1, "MISC", "EVENT", Span.Source.STRUCTURE));
                }
            }
        }
    }

    /** "Sea of Japan", "Strait of Hormuz", "Gulf of Mexico"; "South China Sea", "Taiwan Strait": one LOCATION. */
    private static void geographicSpans(Doc d, List<Span> out) {
        for (int i = 0; i < d.n; i++) {
            if (!d.capitalized(i)) {
                continue;
            }
            if (GEO_HEADS_BEFORE_OF.contains(d.norm[i]) && i + 2 < d.n && d.norm[i + 1].equals("of")) {
                int j = i + 2;
                if (d.norm[j].equals("the") && j + 1 < d.n) {
                    j++;
                }
                int k = j;
                while (k < d.n && k - j < 3 && d.capitalized(k) && d.hasLetter(k) && d.sentence[k] == d.sentence[i]) {
                    k++;
                }
                if (k > j) {
                    out.add(new Span(i, k, "LOCATION", "BODY_OF_WATER", Span.Source.STRUCTURE));
                }
            }
            if (GEO_HEADS_AFTER.contains(d.norm[i]) && i > 0) {
                int k = i;
                while (k > 0 && i - k < 3 && modifiesPlace(d, k - 1, d.sentence[i])) {
                    k--;
                }
                if (k < i) {
                    boolean water = !d.norm[i].equals("peninsula") && !d.norm[i].startsWith("island")
                            && !d.norm[i].equals("mountains") && !d.norm[i].equals("desert")
                            && !d.norm[i].equals("valley") && !d.norm[i].equals("plateau");
                    out.add(new Span(k, i + 1, "LOCATION", water ? "BODY_OF_WATER" : "REGION", Span.Source.STRUCTURE));
                }
            }
        }
    }

    private static boolean modifiesPlace(Doc d, int k, int sentence) {
        return d.sentence[k] == sentence && d.capitalized(k) && d.hasLetter(k) && !"PERSON".equals(d.ner[k])
                && !"the".equals(d.norm[k]) && (d.sentenceStart[sentence] != k || "LOCATION".equals(d.ner[k]));
    }

    /** Longest first, then the most trusted source; CoreNLP wins ties with weak (single-word, ambiguous) entries. */
    static List<Span> select(List<Span> candidates) {
        candidates.sort(Comparator.comparingInt(Span::length).reversed()
                .thenComparing(Comparator.comparingInt((Span s) -> s.source.priority).reversed())
                .thenComparingInt(s -> s.source == Span.Source.CORENLP ? 0 : 1)
                .thenComparingInt(s -> s.start));
        List<Span> chosen = new ArrayList<>();
        for (Span c : candidates) {
            boolean free = true;
            for (Span s : chosen) {
                if (s.overlaps(c)) {
                    free = false;
                    break;
                }
            }
            if (free) {
                chosen.add(c);
            }
        }
        return chosen;
    }

    // --- cleaning -----------------------------------------------------------------------------------------------

    /** Trims titles ("President", "Mr."), leading "the" and trailing possessives; drops pronouns and common nouns. */
    private void clean(Doc d, List<Span> spans) {
        spans.removeIf(s -> {
            while (s.length() > 1 && d.norm[s.start].equals("the")) {
                s.start++;
            }
            while (s.length() > 1 && d.isPossessive(s.end - 1)) {
                s.end--;
            }
            if (s.type.equals("PERSON")) {
                while (s.length() > 1 && lx.titles.contains(d.norm[s.start])) {
                    s.start++;
                }
            }
            boolean named = false;
            boolean letters = false;
            for (int i = s.start; i < s.end; i++) {
                letters |= d.hasLetter(i);
                named |= d.capitalized(i) && d.hasLetter(i) || Character.isDigit(d.word[i].charAt(0));
            }
            // "US" is a country, "us" and "Us" a pronoun
            boolean pronoun = s.length() == 1 && PRONOUNS.contains(d.norm[s.start])
                    && !(d.word[s.start].length() > 1 && d.word[s.start].equals(d.word[s.start].toUpperCase()));
            return !letters || pronoun || !named && s.source == Span.Source.CORENLP;
        });
    }

    // --- document-level label consistency -----------------------------------------------------------------------

    /**
     * A name tagged PERSON once is PERSON throughout the article, and so are its surname and given name alone
     * ("Xi" after "Xi Jinping", even where CoreNLP said MISC or nothing); other names that CoreNLP typed two ways take
     * the type most of their occurrences got.
     */
    private void makeConsistent(Doc d, List<Span> spans) {
        Set<String> personNames = new HashSet<>();
        Set<String> nameParts = new HashSet<>();
        for (Span s : spans) {
            if (!s.type.equals("PERSON")) {
                continue;
            }
            personNames.add(key(d, s.start, s.end));
            if (s.length() > 1) {
                for (int i : new int[] { s.start, s.end - 1 }) {
                    if (d.capitalized(i) && d.word[i].length() > 1 && !lx.titles.contains(d.norm[i])) {
                        nameParts.add(d.norm[i]);
                    }
                }
            }
        }
        boolean[] covered = new boolean[d.n];
        for (Span s : spans) {
            boolean authoritative = s.source == Span.Source.GAZETTEER || s.source == Span.Source.STRUCTURE
                    || s.source == Span.Source.DESIGNATION;
            String k = key(d, s.start, s.end);
            if (!s.type.equals("PERSON") && !authoritative
                    && (personNames.contains(k) || s.length() == 1 && nameParts.contains(k))) {
                s.type = "PERSON";
                s.subtype = null;
            }
            for (int i = s.start; i < s.end; i++) {
                covered[i] = true;
            }
        }
        for (int i = 0; i < d.n; i++) {
            if (!covered[i] && d.capitalized(i) && d.pos[i] != null && d.pos[i].startsWith("NNP")
                    && (nameParts.contains(d.norm[i]) || personNames.contains(d.norm[i]))) {
                spans.add(new Span(i, i + 1, "PERSON", null, Span.Source.CONSISTENCY));
            }
        }
        // "ESA" after "European Space Agency": an untagged initialism of a name in the article is that kind of name
        Map<String, String> initialisms = new HashMap<>();
        for (Span s : spans) {
            if (s.length() > 1 && (s.type.equals("ORGANIZATION") || s.type.equals("LOCATION"))) {
                StringBuilder initials = new StringBuilder();
                for (int i = s.start; i < s.end; i++) {
                    if (d.capitalized(i) && d.hasLetter(i)) {
                        initials.append(d.word[i].charAt(0));
                    }
                }
                if (initials.length() > 1) {
                    initialisms.putIfAbsent(initials.toString(), s.type);
                }
            }
        }
        for (int i = 0; i < d.n; i++) {
            String type = initialisms.get(d.word[i].replace(".", ""));
            if (!covered[i] && type != null && InArticleResolver.isInitialism(d.word[i])) {
                spans.add(new Span(i, i + 1, type, null, Span.Source.CONSISTENCY));
                covered[i] = true;
            }
        }
        Map<String, Map<String, Integer>> votes = new LinkedHashMap<>();
        for (Span s : spans) {
            if (!s.type.equals("PERSON")) {
                votes.computeIfAbsent(key(d, s.start, s.end), k -> new LinkedHashMap<>()).merge(s.type, 1, Integer::sum);
            }
        }
        for (Span s : spans) {
            Map<String, Integer> v = votes.get(key(d, s.start, s.end));
            if (v == null || v.size() < 2 || s.source == Span.Source.GAZETTEER) {
                continue;
            }
            String best = v.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            if (!best.equals(s.type)) {
                s.type = best;
                s.subtype = null;
            }
        }
    }

    // --- capital-as-government metonymy -------------------------------------------------------------------------

    /**
     * "Washington said", "Moscow has warned", "Beijing's stance", "ties between Moscow and Beijing": a capital that
     * speaks, acts or holds a policy is its government, ORGANIZATION with subtype GOVERNMENT. Elsewhere ("in Moscow")
     * it stays a LOCATION/CITY.
     */
    private void governmentMetonymy(Doc d, List<Span> spans) {
        spans.sort(Comparator.comparingInt(s -> s.start));
        for (int idx = 0; idx < spans.size(); idx++) {
            Span s = spans.get(idx);
            if (!isCapital(d, s)) {
                continue;
            }
            Span partner = null;
            int after = s.end;
            if (after + 1 < d.n && d.norm[after].equals("and") && idx + 1 < spans.size()
                    && spans.get(idx + 1).start == after + 1 && isCapital(d, spans.get(idx + 1))) {
                partner = spans.get(idx + 1);
                after = partner.end;
            }
            boolean locative = s.start > 0 && LOCATIVE.contains(d.norm[s.start - 1])
                    && !(s.start > 1 && PRESSURE_NOUNS.contains(d.norm[s.start - 2]));
            if (locative) {
                // "officials in Ankara and New Delhi said": both places
                idx += partner != null ? 1 : 0;
                continue;
            }
            boolean government = actsAfter(d, after) || relationBefore(d, s.start) || actedUpon(d, s.start);
            if (government) {
                s.type = "ORGANIZATION";
                s.subtype = "GOVERNMENT";
                if (partner != null) {
                    partner.type = "ORGANIZATION";
                    partner.subtype = "GOVERNMENT";
                    idx++;
                }
            }
        }
    }

    private boolean isCapital(Doc d, Span s) {
        return s.type.equals("LOCATION") && lx.capitals.contains(key(d, s.start, s.end));
    }

    private boolean actsAfter(Doc d, int j) {
        if (j >= d.n) {
            return false;
        }
        int sentence = d.sentence[j - 1];
        if (d.isPossessive(j)) {
            for (int k = j + 1; k < Math.min(d.n, j + 3); k++) {
                if (d.sentence[k] == sentence && lx.governmentNouns.contains(d.norm[k])) {
                    return true;
                }
            }
            return false;
        }
        boolean auxiliary = false;
        int k = j;
        while (k < d.n && k - j < 3 && d.sentence[k] == sentence && lx.governmentAdverbs.contains(d.norm[k])) {
            auxiliary = true;
            k++;
        }
        if (k >= d.n || d.sentence[k] != sentence) {
            return false;
        }
        if (lx.governmentVerbs.contains(d.norm[k])) {
            return true;
        }
        // "Beijing declined", "Pyongyang fires", "Tokyo scrambled": a capital as the subject of a finite verb
        if (!auxiliary && d.pos[k] != null && (d.pos[k].equals("VBD") || d.pos[k].equals("VBZ") || d.pos[k].equals("VBP")
                || d.pos[k].equals("MD")) && !BE_HAVE.contains(d.norm[k])) {
            return true;
        }
        return auxiliary && d.pos[k] != null && d.pos[k].startsWith("VB") && !d.norm[k].equals("be")
                && !d.norm[k].equals("been");
    }

    /** "pressure on Beijing", "sanctions against Moscow", "a proposal by Washington", "warned Beijing". */
    private static boolean actedUpon(Doc d, int start) {
        int p = start - 1;
        if (p < 0) {
            return false;
        }
        if (d.norm[p].equals("by") || OBJECT_VERBS.contains(d.norm[p])) {
            return true;
        }
        return p > 0 && (d.norm[p].equals("on") || d.norm[p].equals("against") || d.norm[p].equals("with"))
                && PRESSURE_NOUNS.contains(d.norm[p - 1]);
    }

    private boolean relationBefore(Doc d, int start) {
        // "ties between Moscow and Beijing", "relations with Washington"
        int k = start - 1;
        if (k < 0 || !(d.norm[k].equals("between") || d.norm[k].equals("with"))) {
            if (k >= 2 && d.norm[k].equals("and")) {
                // the second capital of "between Moscow and Beijing": walk back over the first one
                int j = k - 1;
                while (j > 0 && d.capitalized(j) && d.sentence[j] == d.sentence[start]) {
                    j--;
                }
                return d.norm[j].equals("between") && relationNounBefore(d, j);
            }
            return false;
        }
        return relationNounBefore(d, k);
    }

    private boolean relationNounBefore(Doc d, int k) {
        for (int j = k - 1; j >= Math.max(0, k - 3); j--) {
            if (d.sentence[j] != d.sentence[k]) {
                break;
            }
            if (lx.relationNouns.contains(d.norm[j])) {
                return true;
            }
        }
        return false;
    }

    // --- subtypes and final tags --------------------------------------------------------------------------------

    private void assignSubtypes(Doc d, List<Span> spans) {
        for (Span s : spans) {
            if (s.subtype != null) {
                continue;
            }
            for (Lexicon.Entry e : lx.lookup(List.of(d.word).subList(s.start, s.end))) {
                if (e.type().equals(s.type)) {
                    s.subtype = e.subtype();
                    break;
                }
            }
        }
    }

    /** Tokens inside a final mention carry its coarse type; CoreNLP's dropped entity tags become O. */
    private static void writeTags(Doc d, List<Span> spans) {
        for (int i = 0; i < d.n; i++) {
            if (ENTITY_TAGS.contains(d.ner[i]) || d.ner[i] == null) {
                d.ner[i] = "O";
            }
        }
        for (Span s : spans) {
            for (int i = s.start; i < s.end; i++) {
                d.ner[i] = s.type;
            }
        }
    }

    static String key(Doc d, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(d.norm[i]);
        }
        return sb.toString();
    }
}
