package io.newslens.query.stories;

import io.newslens.contracts.Annotations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where the reports of one story state different facts about the same thing, from the annotated articles alone
 * (text, sentences, entity mentions, temporal expressions, quotes); pure Java, deterministic.
 *
 * <p>Each article yields <em>facts</em>, each tied to its sentence: counted numbers ("killing 12 people"), durations
 * ("a three-day visit", "for two weeks"), dates of events, the equipment and organisations a sentence names, and quotes
 * with their speakers. Facts from different articles are <em>aligned</em> when they are about the same thing: numbers
 * by the words they count or qualify (the noun after the number, the word before it) and the words around them,
 * durations by the noun they modify or by sentence similarity, dates, equipment and organisations by the similarity of
 * their sentences (content words and entity ids), quotes by their words. Aligned facts form a point; a point is reported
 * when its articles hold different values that really differ: values are normalised first ("twelve" = "12", "1,000" =
 * "1000", "two weeks" = "14 days"), "at least 12" does not contradict 15, a month does not contradict a day within it,
 * and an article that states several of the values itself is left out, as it is reporting a change or a range rather
 * than disagreeing.
 */
public final class DisagreementFinder {

    /** One article of the story. */
    public record Doc(String articleId, String source, Instant publishedAt, String text, Annotations annotations) {
    }

    /** A sentence of one side, with the article and outlet it is from. */
    public record SentenceRef(String text, String articleId, String source) {
    }

    /** One side of a point: its value, the outlets and articles stating it, and their sentences. */
    public record Side(String value, List<String> articleIds, List<String> sources, List<SentenceRef> sentences) {
    }

    /**
     * @param topic what the point is about, in words from the sentences
     * @param kind number, duration, date, equipment, organisation or speaker
     */
    public record Disagreement(String topic, String kind, List<Side> sides) {
    }

    /** Tuning knobs; the defaults are those docs/stories.md measured. */
    public record Settings(double quantityContextSimilarity, double durationSimilarity, double dateSimilarity,
            double roleSimilarity, double quoteSimilarity) {
        public static final Settings DEFAULT = new Settings(0.30, 0.40, 0.45, 0.30, 0.6);
    }

    private final Settings settings;

    public DisagreementFinder() {
        this(Settings.DEFAULT);
    }

    public DisagreementFinder(Settings settings) {
        this.settings = settings;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // facts

    enum Kind {
        NUMBER("number"), DURATION("duration"), DATE("date"), EQUIPMENT("equipment"), ORGANIZATION("organisation"),
        SPEAKER("speaker");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** A word of a sentence with its offsets in the article text. */
    record Token(String text, String lower, int start, int end) {
        boolean isNumber() {
            return Character.isDigit(text.charAt(0));
        }
    }

    /** A sentence as the finder reads it. */
    static final class Sent {
        final int doc;
        final int start;
        final int end;
        final String text;
        final List<Token> tokens = new ArrayList<>();
        /** Content-word stems outside entity mentions, and "@entityId" for each mentioned entity. */
        final Set<String> bag = new HashSet<>();
        final List<Annotations.Mention> mentions = new ArrayList<>();
        final List<Annotations.Temporal> temporals = new ArrayList<>();

        Sent(int doc, int start, int end, String text) {
            this.doc = doc;
            this.start = start;
            this.end = end;
            this.text = text;
        }
    }

    /**
     * One stated fact.
     *
     * @param value the normalised value facts are compared by
     * @param display the value as shown
     * @param anchors the words saying what it is about (numbers and durations)
     * @param window content words around it
     * @param phrase the words around it with the value left out, for the topic
     * @param lower for numbers "at least N": any value from N up agrees; NaN when exact
     * @param predicate the content word just before a number ("killed" in "killed 12 people"), or null
     */
    record Fact(Kind kind, Sent sentence, String value, String display, Set<String> anchors, Set<String> window,
            String phrase, double number, double lower, double upper, String entityId, String predicate) {
    }

    // ---------------------------------------------------------------------------------------------------------------

    public List<Disagreement> find(List<Doc> docs) {
        List<Doc> usable = docs.stream().filter(d -> d.text() != null && !d.text().isBlank()).toList();
        if (usable.size() < 2) {
            return List.of();
        }
        List<List<Sent>> sentences = new ArrayList<>();
        List<Set<String>> namesOf = new ArrayList<>();
        List<Set<String>> entitiesOf = new ArrayList<>();
        Map<String, Annotations.Entity> entities = new HashMap<>();
        for (int i = 0; i < usable.size(); i++) {
            Doc d = usable.get(i);
            sentences.add(sentences(i, d));
            Set<String> ids = new HashSet<>();
            Set<String> names = new HashSet<>();
            for (Annotations.Entity e : safe(d.annotations() == null ? null : d.annotations().entities())) {
                ids.add(e.id());
                names.addAll(ArticleProfile.nameKeys(e));
                entities.putIfAbsent(e.id(), e);
            }
            entitiesOf.add(ids);
            namesOf.add(names);
        }
        List<Fact> facts = new ArrayList<>();
        for (List<Sent> doc : sentences) {
            for (Sent s : doc) {
                numbers(s, facts);
                durations(s, facts);
                dates(s, facts);
                roles(s, entities, facts);
            }
        }
        for (int i = 0; i < usable.size(); i++) {
            quotes(i, usable.get(i), sentences.get(i), facts);
        }

        // align facts of different articles; a point is a connected group of aligned facts
        int n = facts.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                Fact a = facts.get(i);
                Fact b = facts.get(j);
                if (a.kind() == b.kind() && a.sentence().doc != b.sentence().doc && aligned(a, b, entitiesOf, namesOf)) {
                    parent[find(parent, i)] = find(parent, j);
                }
            }
        }
        Map<Integer, List<Fact>> groups = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(facts.get(i));
        }
        List<Disagreement> out = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (List<Fact> group : groups.values()) {
            Disagreement d = point(group, usable, entities);
            if (d != null && reported.add(d.kind() + "\u0000" + d.sides().stream().map(Side::value).sorted().toList()
                    + d.sides().stream().flatMap(s -> s.articleIds().stream()).sorted().toList())) {
                out.add(d);
            }
        }
        // the most supported points first
        out.sort(Comparator.comparing((Disagreement d) -> -d.sides().stream().mapToInt(s -> s.articleIds().size()).sum())
                .thenComparing(Disagreement::kind).thenComparing(Disagreement::topic));
        return out;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Whether two facts of different articles are about the same thing. */
    private boolean aligned(Fact a, Fact b, List<Set<String>> entitiesOf, List<Set<String>> namesOf) {
        double sim = similarity(a.sentence().bag, b.sentence().bag);
        return switch (a.kind()) {
            // the same counted thing, the same predicate ("killed", not "injured"), in the same context
            case NUMBER -> intersects(a.anchors(), b.anchors()) && sameUnit(a, b)
                    && (a.entityId() == null || b.entityId() == null || a.entityId().equals(b.entityId()))
                    && (a.entityId() != null && a.entityId().equals(b.entityId()) || predicateFits(a, b) && predicateFits(b, a))
                    && (sharedContext(a, b) || sim >= settings.quantityContextSimilarity());
            case DURATION -> sameUnit(a, b) && (intersects(a.anchors(), b.anchors()) && sim > 0
                    || sim >= settings.durationSimilarity());
            // the same granularity, similar sentences, and the same words next to the date ("met ... on Monday")
            case DATE -> a.value().length() == b.value().length() && sim >= settings.dateSimilarity()
                    && intersects(a.window(), b.window());
            case EQUIPMENT, ORGANIZATION -> {
                if (a.value().equals(b.value())) {
                    yield sim >= settings.roleSimilarity();
                }
                // different names in the same role: each absent from the other article, similar sentences otherwise
                yield absent(a, b.sentence().doc, entitiesOf, namesOf) && absent(b, a.sentence().doc, entitiesOf, namesOf)
                        && compatibleSubtypes(a, b)
                        && (a.phrase() != null && a.phrase().equals(b.phrase()) || intersects(a.window(), b.window()))
                        && similarity(without(a.sentence().bag, "@" + a.entityId()), without(b.sentence().bag, "@" + b.entityId()))
                                >= settings.roleSimilarity();
            }
            case SPEAKER -> quoteSimilarity(a.phrase(), b.phrase()) >= settings.quoteSimilarity();
        };
    }

    /** When both state a verb, {@code a}'s verb appears around {@code b} too ("killed 4" is not "injured 30"). */
    private static boolean predicateFits(Fact a, Fact b) {
        return a.predicate() == null || b.predicate() == null || a.predicate().equals(b.predicate())
                || b.window().contains(a.predicate()) || b.anchors().contains(a.predicate());
    }

    /** The words around two numbers have something in common beyond the words that matched them. */
    private static boolean sharedContext(Fact a, Fact b) {
        Set<String> shared = new HashSet<>(a.anchors());
        shared.retainAll(b.anchors());
        Set<String> x = new HashSet<>(a.window());
        x.addAll(a.anchors());
        x.removeAll(shared);
        Set<String> y = new HashSet<>(b.window());
        y.addAll(b.anchors());
        return intersects(x, y);
    }

    private static boolean sameUnit(Fact a, Fact b) {
        return unitOf(a.value()).equals(unitOf(b.value()));
    }

    private static String unitOf(String value) {
        int bar = value.indexOf('|');
        return bar < 0 ? "" : value.substring(bar + 1);
    }

    private static boolean absent(Fact f, int otherDoc, List<Set<String>> entitiesOf, List<Set<String>> namesOf) {
        if (entitiesOf.get(otherDoc).contains(f.entityId())) {
            return false;
        }
        // the other article may name it under another id ("S-400" and "S-400 Triumf")
        return !PlaceNames.anyNamed(Set.of(PlaceNames.key(f.display())), namesOf.get(otherDoc));
    }

    private static boolean compatibleSubtypes(Fact a, Fact b) {
        String x = a.phrase();
        String y = b.phrase();
        return x == null || y == null || x.equals(y);
    }

    /** Builds the reported point of a group of aligned facts, or null when its articles do not really disagree. */
    private Disagreement point(List<Fact> group, List<Doc> docs, Map<String, Annotations.Entity> entities) {
        Kind kind = group.get(0).kind();
        Map<String, List<Fact>> byValue = new LinkedHashMap<>();
        Map<Integer, Set<String>> valuesOfDoc = new HashMap<>();
        for (Fact f : group) {
            byValue.computeIfAbsent(f.value(), k -> new ArrayList<>()).add(f);
            valuesOfDoc.computeIfAbsent(f.sentence().doc, k -> new HashSet<>()).add(f.value());
        }
        if (byValue.size() < 2) {
            return null;
        }
        // an article stating several of the values reports a change, a range or two things: it takes no side
        Set<Integer> ambiguous = new HashSet<>();
        valuesOfDoc.forEach((doc, values) -> {
            if (values.size() > 1) {
                ambiguous.add(doc);
            }
        });
        Map<String, List<Fact>> sides = new LinkedHashMap<>();
        byValue.forEach((value, fs) -> {
            List<Fact> kept = fs.stream().filter(f -> !ambiguous.contains(f.sentence().doc)).toList();
            if (!kept.isEmpty()) {
                sides.put(value, kept);
            }
        });
        if (sides.size() < 2 || !conflicting(kind, sides)) {
            return null;
        }
        List<Side> out = new ArrayList<>();
        for (List<Fact> fs : sides.values()) {
            List<String> articleIds = new ArrayList<>();
            List<String> sources = new ArrayList<>();
            List<SentenceRef> sentences = new ArrayList<>();
            Set<String> seenSentences = new HashSet<>();
            for (Fact f : fs) {
                Doc d = docs.get(f.sentence().doc);
                if (!articleIds.contains(d.articleId())) {
                    articleIds.add(d.articleId());
                }
                if (d.source() != null && !sources.contains(d.source())) {
                    sources.add(d.source());
                }
                if (seenSentences.add(d.articleId() + "\u0000" + f.sentence().start)) {
                    sentences.add(new SentenceRef(f.sentence().text, d.articleId(), d.source()));
                }
            }
            out.add(new Side(displayOf(fs), articleIds, sources, sentences));
        }
        // the side more outlets hold first
        out.sort(Comparator.comparing((Side s) -> -s.articleIds().size()).thenComparing(Side::value));
        return new Disagreement(topic(kind, group), kind.label, out);
    }

    /** Whether at least two sides really contradict each other (not only different wording or bounds). */
    private static boolean conflicting(Kind kind, Map<String, List<Fact>> sides) {
        if (kind != Kind.NUMBER && kind != Kind.DATE) {
            return true;
        }
        List<List<Fact>> values = new ArrayList<>(sides.values());
        for (int i = 0; i < values.size(); i++) {
            for (int j = i + 1; j < values.size(); j++) {
                for (Fact a : values.get(i)) {
                    for (Fact b : values.get(j)) {
                        if (contradict(a, b)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    private static boolean contradict(Fact a, Fact b) {
        if (a.kind() == Kind.DATE) {
            // a coarser date containing the finer one agrees ("February 2022" and "22 February 2022")
            return !a.value().startsWith(b.value()) && !b.value().startsWith(a.value());
        }
        if (a.kind() == Kind.NUMBER && approximate(a) && approximate(b)) {
            // two reporters' round figures ("about 4,000" and "around 4,500") are different figures, although
            // each would allow for the other's; an exact count within the band of a round one still agrees
            return Math.abs(a.number() - b.number()) > 0.05 * Math.max(Math.abs(a.number()), Math.abs(b.number()));
        }
        // intervals: an exact value is [v, v]; "at least 12" is [12, inf); "about 15" is [13.5, 16.5]
        return a.upper() < b.lower() || b.upper() < a.lower();
    }

    private static boolean approximate(Fact f) {
        return Math.abs(f.lower() - f.number() * APPROXIMATE_LOW) < 1e-9 * Math.max(1, Math.abs(f.number()))
                && Math.abs(f.upper() - f.number() * APPROXIMATE_HIGH) < 1e-9 * Math.max(1, Math.abs(f.number()));
    }

    private static final double APPROXIMATE_LOW = 0.9;
    private static final double APPROXIMATE_HIGH = 1.1;

    private static String displayOf(List<Fact> fs) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        fs.forEach(f -> counts.merge(f.display(), 1, Integer::sum));
        return counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).get().getKey();
    }

    private static String topic(Kind kind, List<Fact> group) {
        switch (kind) {
            case NUMBER, DURATION: {
                String phrase = group.stream().map(Fact::phrase).filter(p -> p != null && !p.isBlank())
                        .min(Comparator.comparing(String::length).thenComparing(Comparator.naturalOrder())).orElse("");
                return (kind == Kind.NUMBER ? "how many: " : "how long: ") + phrase;
            }
            case SPEAKER:
                return "who said “" + clip(group.get(0).phrase(), 90) + "”";
            default: {
                // the content words the sentences share, in the order of the first sentence
                Set<String> shared = null;
                for (Fact f : group) {
                    Set<String> words = new HashSet<>();
                    f.sentence().tokens.forEach(t -> words.add(stem(t.lower())));
                    if (shared == null) {
                        shared = words;
                    } else {
                        shared.retainAll(words);
                    }
                }
                Set<String> shown = new LinkedHashSet<>();
                for (Token t : group.get(0).sentence().tokens) {
                    if (shown.size() >= 6) {
                        break;
                    }
                    if (shared.contains(stem(t.lower())) && !STOP.contains(t.lower()) && !t.isNumber()
                            && !NUMBER_WORDS.containsKey(t.lower()) && !inTemporal(group.get(0).sentence(), t)) {
                        shown.add(t.text());
                    }
                }
                String context = String.join(" ", shown);
                return switch (kind) {
                    case DATE -> "when: " + context;
                    case EQUIPMENT -> "which equipment: " + context;
                    default -> "which organisation: " + context;
                };
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // reading sentences

    private static List<Sent> sentences(int doc, Doc d) {
        String text = d.text();
        Annotations a = d.annotations();
        List<int[]> spans = new ArrayList<>();
        if (a != null && a.sentences() != null && !a.sentences().isEmpty()) {
            for (Annotations.Sentence s : a.sentences()) {
                if (s.start() >= 0 && s.end() <= text.length() && s.start() < s.end()) {
                    spans.add(new int[] {s.start(), s.end()});
                }
            }
        } else {
            Matcher m = Pattern.compile("[^.!?\\n]+(?:[.!?]+|$)").matcher(text);
            while (m.find()) {
                spans.add(new int[] {m.start(), m.end()});
            }
        }
        List<Annotations.Mention> mentions = safe(a == null ? null : a.mentions());
        List<Annotations.Temporal> temporals = safe(a == null ? null : a.temporals());
        List<Sent> out = new ArrayList<>();
        for (int[] span : spans) {
            while (span[0] < span[1] && Character.isWhitespace(text.charAt(span[0]))) {
                span[0]++;
            }
            while (span[1] > span[0] && Character.isWhitespace(text.charAt(span[1] - 1))) {
                span[1]--;
            }
            if (span[0] >= span[1]) {
                continue;
            }
            Sent s = new Sent(doc, span[0], span[1], text.substring(span[0], span[1]));
            for (Annotations.Mention m : mentions) {
                if (m.start() >= span[0] && m.end() <= span[1] && m.entityId() != null) {
                    s.mentions.add(m);
                    if (!"DATE".equals(m.type())) {
                        s.bag.add("@" + m.entityId());
                    }
                }
            }
            for (Annotations.Temporal t : temporals) {
                if (t.start() >= span[0] && t.end() <= span[1]) {
                    s.temporals.add(t);
                }
            }
            Matcher m = TOKEN.matcher(text).region(span[0], span[1]);
            while (m.find()) {
                s.tokens.add(new Token(m.group(), m.group().toLowerCase(Locale.ROOT), m.start(), m.end()));
            }
            // too short to say anything comparable: headlines, bylines, captions, share buttons
            if (s.tokens.size() < 6) {
                continue;
            }
            for (Token t : s.tokens) {
                if (!t.isNumber() && !STOP.contains(t.lower()) && !NUMBER_WORDS.containsKey(t.lower()) && !inMention(s, t)
                        && !inTemporal(s, t) && t.lower().length() > 1) {
                    s.bag.add(stem(t.lower()));
                }
            }
            out.add(s);
        }
        return out;
    }

    private static final Pattern TOKEN = Pattern.compile("\\p{L}+(?:['’]\\p{L}+)*|\\d+(?:[.,]\\d+)*");

    private static boolean inMention(Sent s, Token t) {
        for (Annotations.Mention m : s.mentions) {
            if (t.start() < m.end() && t.end() > m.start()) {
                return true;
            }
        }
        return false;
    }

    private static boolean inTemporal(Sent s, Token t) {
        for (Annotations.Temporal m : s.temporals) {
            if (t.start() < m.end() && t.end() > m.start()) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // numbers

    private static final Pattern MAGNITUDE = Pattern.compile("(?i)hundred|thousand|million|billion|trillion|bn");

    private void numbers(Sent s, List<Fact> out) {
        List<Token> t = s.tokens;
        for (int i = 0; i < t.size(); i++) {
            Token tok = t.get(i);
            Double value = numberValue(tok);
            if (value == null || inMention(s, tok) || inTemporal(s, tok) || isDurationAt(s, i) || isTimeOrScore(s, tok)
                    || isOrdinalOrCode(s, tok)) {
                continue;
            }
            // "twenty-three": the units word belongs to the tens word before it
            if (i > 0 && UNITS.contains(tok.lower()) && TENS.contains(t.get(i - 1).lower())
                    && s.text.substring(t.get(i - 1).end() - s.start, tok.start() - s.start).strip().matches("[-‑]")) {
                continue;
            }
            int next = i + 1;
            if (TENS.contains(tok.lower()) && next < t.size() && UNITS.contains(t.get(next).lower())
                    && s.text.substring(tok.end() - s.start, t.get(next).start() - s.start).strip().matches("[-‑]")) {
                value += NUMBER_WORDS.get(t.get(next).lower());
                next++;
            }
            // "rose from 12 to 15": the value before a change is not what the report states now
            if (i > 0 && t.get(i - 1).lower().equals("from") && toNumberFollows(t, next)) {
                continue;
            }
            int decimals = tok.isNumber() && tok.text().contains(".") ? tok.text().length() - tok.text().indexOf('.') - 1 : 0;
            // "1.2 million", "twenty thousand"
            while (next < t.size() && MAGNITUDE.matcher(t.get(next).lower()).matches() && adjacent(s, t.get(next - 1), t.get(next))) {
                value *= multiplier(t.get(next).lower());
                next++;
            }
            // an untagged year ("in 2019,"): a count of years would be followed by what it counts
            if (tok.isNumber() && tok.text().matches("(1[89]|20)\\d\\d")
                    && (next >= t.size() || STOP.contains(t.get(next).lower()) || punctuationBetween(s, tok, t.get(next)))) {
                continue;
            }
            // "one of the", "the one who": not a count
            if (tok.lower().equals("one") && (next >= t.size() || STOP.contains(t.get(next).lower()))) {
                continue;
            }
            String unit = "";
            int before = tok.start() - s.start;
            String textBefore = s.text.substring(Math.max(0, before - 2), Math.max(0, before));
            if (textBefore.endsWith("$") || textBefore.endsWith("€") || textBefore.endsWith("£")) {
                unit = textBefore.substring(textBefore.length() - 1);
            }
            // following words up to a function word or punctuation: what is counted
            List<Token> following = new ArrayList<>();
            for (int j = next; j < t.size() && following.size() < 3; j++) {
                Token w = t.get(j);
                if (STOP.contains(w.lower()) || w.isNumber() || NUMBER_WORDS.containsKey(w.lower())
                        || punctuationBetween(s, t.get(j - 1), w)) {
                    break;
                }
                following.add(w);
            }
            if (!following.isEmpty() && (following.get(0).lower().equals("percent") || following.get(0).lower().equals("per"))) {
                unit = "%";
                following.remove(0);
            }
            if (s.text.startsWith("%", tok.end() - s.start) || s.text.startsWith(" %", tok.end() - s.start)) {
                unit = "%";
            }
            // the nearest content word before it: what is measured or done ("magnitude 6.4", "killed 12"); and the one
            // before that ("turnout reached 48%")
            Token preceding = null;
            Token preceding2 = null;
            String subject = null;
            for (int j = i - 1; j >= Math.max(0, i - 8); j--) {
                Token w = t.get(j);
                if (punctuationBetween(s, w, t.get(j + 1)) && !s.text.substring(w.end() - s.start, t.get(j + 1).start() - s.start)
                        .strip().equals(",")) {
                    break;
                }
                // who did it: the nearest person or organisation before it in the clause ("Lopes, who won 33 percent")
                Annotations.Mention m = mentionOf(s, w);
                if (m != null) {
                    if (subject == null && ("PERSON".equals(m.type()) || "ORGANIZATION".equals(m.type()))) {
                        subject = m.entityId();
                    }
                    continue;
                }
                if (punctuationBetween(s, w, t.get(j + 1))) {
                    continue;
                }
                if (i - j <= 3 && !STOP.contains(w.lower()) && !QUALIFIERS.contains(w.lower()) && !w.isNumber()
                        && !NUMBER_WORDS.containsKey(w.lower())) {
                    if (preceding == null) {
                        preceding = w;
                    } else if (preceding2 == null) {
                        preceding2 = w;
                    }
                }
            }
            Set<String> anchors = new LinkedHashSet<>();
            following.forEach(w -> anchors.add(stem(w.lower())));
            String predicate = null;
            if (preceding != null) {
                predicate = stem(preceding.lower());
                anchors.add(predicate);
                if (GENERIC.contains(predicate) || !verbLike(preceding.lower())) {
                    predicate = null;
                }
            }
            if (preceding2 != null) {
                anchors.add(stem(preceding2.lower()));
            }
            if (subject != null) {
                anchors.add("@" + subject);
            }
            anchors.removeAll(GENERIC);
            if (anchors.isEmpty()) {
                continue;
            }
            Set<String> window = new HashSet<>();
            for (int j = Math.max(0, i - 6); j < Math.min(t.size(), next + 6); j++) {
                Token w = t.get(j);
                String st = stem(w.lower());
                if (j != i && !w.isNumber() && !STOP.contains(w.lower()) && !NUMBER_WORDS.containsKey(w.lower())
                        && !anchors.contains(st) && !GENERIC.contains(st)) {
                    window.add(inMention(s, w) ? "@" + mentionAt(s, w) : st);
                }
            }
            String qualifier = qualifierBefore(s, i);
            // an exact value stands for what rounds to it: "41 percent" agrees with "41.3%"
            double precision = 0.5 * Math.pow(10, -decimals) * (value / numberValue(tok) > 1 ? value / numberValue(tok) : 1);
            double lower = value - precision;
            double upper = value + precision;
            switch (qualifier) {
                case "at least", "more than", "over", "above", "upwards of" -> {
                    lower = value;
                    upper = Double.POSITIVE_INFINITY;
                }
                case "up to", "fewer than", "less than", "under", "below", "at most" -> {
                    lower = Double.NEGATIVE_INFINITY;
                    upper = value;
                }
                case "about", "around", "roughly", "nearly", "almost", "approximately", "some", "an estimated", "estimated" -> {
                    lower = value * APPROXIMATE_LOW;
                    upper = value * APPROXIMATE_HIGH;
                }
                default -> {
                }
            }
            String display = (qualifier.isEmpty() ? "" : qualifier + " ") + (unit.equals("%") ? "" : unit) + format(value)
                    + (unit.equals("%") ? "%" : "");
            int phraseStart = preceding != null ? preceding.start() : tok.start();
            int phraseEnd = following.isEmpty() ? t.get(next - 1).end() : following.get(following.size() - 1).end();
            String phrase = (s.text.substring(phraseStart - s.start, tok.start() - s.start) + "N"
                    + s.text.substring(t.get(next - 1).end() - s.start, phraseEnd - s.start)).replaceAll("\\s+", " ").strip();
            out.add(new Fact(Kind.NUMBER, s, format(value) + "|" + unit, display.strip(), anchors, window, phrase, value,
                    lower, upper, subject, predicate));
        }
    }

    private static Annotations.Mention mentionOf(Sent s, Token t) {
        for (Annotations.Mention m : s.mentions) {
            if (t.start() < m.end() && t.end() > m.start()) {
                return m;
            }
        }
        return null;
    }

    private static boolean toNumberFollows(List<Token> t, int next) {
        return next + 1 < t.size() && t.get(next).lower().equals("to") && numberValue(t.get(next + 1)) != null
                || next + 2 < t.size() && t.get(next + 1).lower().equals("to") && numberValue(t.get(next + 2)) != null;
    }

    /** A verb as news writes it before a number: "killed", "killing", or a common irregular past. */
    static boolean verbLike(String w) {
        return w.endsWith("ed") || w.endsWith("ing") || IRREGULAR_VERBS.contains(w);
    }

    private static final Set<String> IRREGULAR_VERBS = Set.of("won", "took", "lost", "left", "hurt", "cost", "sold", "bought",
            "paid", "put", "set", "cut", "hit", "rose", "fell", "grew", "saw", "made", "gave", "kept", "held", "met", "sent",
            "spent", "struck", "shot", "stole", "wins", "takes", "loses", "kills", "injures", "costs", "sells", "buys", "pays");

    static final Set<String> TENS = Set.of("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety");
    static final Set<String> UNITS = Set.of("one", "two", "three", "four", "five", "six", "seven", "eight", "nine");

    private static String mentionAt(Sent s, Token t) {
        for (Annotations.Mention m : s.mentions) {
            if (t.start() < m.end() && t.end() > m.start()) {
                return m.entityId();
            }
        }
        return "";
    }

    private static Double numberValue(Token t) {
        if (t.isNumber()) {
            String digits = t.text();
            // "1,000" and "1,000,000": thousands separators; "6.4": a decimal point
            if (digits.matches("\\d{1,3}(,\\d{3})+")) {
                digits = digits.replace(",", "");
            } else if (digits.contains(",")) {
                return null;
            }
            try {
                return Double.parseDouble(digits);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        Integer w = NUMBER_WORDS.get(t.lower());
        return w == null ? null : w.doubleValue();
    }

    private static double multiplier(String word) {
        return switch (word) {
            case "hundred" -> 100;
            case "thousand" -> 1_000;
            case "million" -> 1_000_000;
            case "billion", "bn" -> 1_000_000_000;
            default -> 1_000_000_000_000.0;
        };
    }

    private static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return String.valueOf(v);
    }

    private static String qualifierBefore(Sent s, int i) {
        String before = s.text.substring(Math.max(0, s.tokens.get(i).start() - s.start - 16), s.tokens.get(i).start() - s.start)
                .toLowerCase(Locale.ROOT).replaceAll("[$€£]", "").strip();
        for (String q : QUALIFIER_PHRASES) {
            if (before.endsWith(" " + q) || before.equals(q)) {
                return q;
            }
        }
        return "";
    }

    /** "3:40", "2-1", "24/7": clock times, scores and ratios are not counts. */
    private static boolean isTimeOrScore(Sent s, Token t) {
        int end = t.end() - s.start;
        int start = t.start() - s.start;
        char after = end < s.text.length() ? s.text.charAt(end) : ' ';
        char before = start > 0 ? s.text.charAt(start - 1) : ' ';
        boolean digitAfter = end + 1 < s.text.length() && Character.isDigit(s.text.charAt(end + 1));
        return (after == ':' || after == '/') && digitAfter || before == ':' || before == '/'
                || t.isNumber() && after == '-' && digitAfter || t.isNumber() && before == '-';
    }

    /** "1st", "No. 7", "Route 66", "Article 5", "Su-35": ordinals, numbered names and codes. */
    private static boolean isOrdinalOrCode(Sent s, Token t) {
        int end = t.end() - s.start;
        if (end < s.text.length() && Character.isLetter(s.text.charAt(end))) {
            return true;
        }
        int start = t.start() - s.start;
        if (start > 0 && (Character.isLetter(s.text.charAt(start - 1)) || s.text.charAt(start - 1) == '#')) {
            return true;
        }
        String before = s.text.substring(0, start).stripTrailing();
        int space = before.lastIndexOf(' ');
        String word = before.substring(space + 1);
        return t.isNumber() && !word.isEmpty() && Character.isUpperCase(word.charAt(0)) && !before.endsWith(".")
                && before.length() > word.length() && space >= 0 && !STOP.contains(word.toLowerCase(Locale.ROOT));
    }

    private static boolean adjacent(Sent s, Token a, Token b) {
        return s.text.substring(a.end() - s.start, b.start() - s.start).isBlank();
    }

    private static boolean punctuationBetween(Sent s, Token a, Token b) {
        String between = s.text.substring(a.end() - s.start, b.start() - s.start);
        return !between.isBlank() && !between.strip().equals("-") && !between.strip().equals("‑");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // durations

    private static final Pattern DURATION = Pattern.compile(
            "(?i)\\b(\\d+(?:\\.\\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
                    + "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
                    + "hundred|a\\s+dozen)[\\s‑-]+(hour|day|week|fortnight|month|year)s?\\b(?![\\s‑-]*old)(?!\\s+ago)");

    /** "two days before the vote" is a point in time, not a length... */
    private static final Pattern RELATIVE_AFTER = Pattern.compile("(?i)^\\s+(?:earlier|later|before|after|since|from\\s+now)\\b");

    /** ...unless a verb of lasting precedes it: "the strike lasted five days before a deal was reached". */
    private static final Pattern LASTING_BEFORE = Pattern.compile(
            "(?i)\\b(?:lasted|lasting|lasts|last|took|continued|ran|went\\s+on|dragged\\s+on)(?:\\s+for)?\\s+$");

    /** "a week-long strike": one unit, the count group empty. */
    private static final Pattern UNIT_LONG = Pattern.compile("(?i)\\b()(hour|day|week|fortnight|month|year)[‑-]long\\b");

    private static List<java.util.regex.MatchResult> durationMatches(String text) {
        List<java.util.regex.MatchResult> found = new ArrayList<>();
        Matcher unitLong = UNIT_LONG.matcher(text);
        while (unitLong.find()) {
            found.add(unitLong.toMatchResult());
        }
        Matcher m = DURATION.matcher(text);
        while (m.find()) {
            boolean pointInTime = RELATIVE_AFTER.matcher(text.substring(m.end())).find();
            if (!pointInTime || LASTING_BEFORE.matcher(text.substring(0, m.start())).find()) {
                found.add(m.toMatchResult());
            }
        }
        return found;
    }

    private void durations(Sent s, List<Fact> out) {
        String text = s.text;
        int offset = s.start;
        for (java.util.regex.MatchResult m : durationMatches(text)) {
            String count = m.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            double n;
            if (count.isEmpty() || count.equals("a") || count.equals("an")) {
                n = 1;
            } else if (count.equals("a dozen")) {
                n = 12;
            } else if (Character.isDigit(count.charAt(0))) {
                n = Double.parseDouble(count);
            } else {
                n = NUMBER_WORDS.get(count);
            }
            String unit = m.group(2).toLowerCase(Locale.ROOT);
            // one scale per kind of unit, so that "two weeks" and "14 days" are one value
            double days;
            String scale;
            switch (unit) {
                case "hour" -> {
                    days = n;
                    scale = "h";
                }
                case "week" -> {
                    days = n * 7;
                    scale = "d";
                }
                case "fortnight" -> {
                    days = n * 14;
                    scale = "d";
                }
                case "month" -> {
                    days = n;
                    scale = "mo";
                }
                case "year" -> {
                    days = n * 12;
                    scale = "mo";
                }
                default -> {
                    days = n;
                    scale = "d";
                }
            }
            int start = offset + m.start();
            int end = offset + m.end();
            // the noun it modifies ("a three-day visit") or the words before it ("stayed for three days")
            Set<String> anchors = new LinkedHashSet<>();
            String phraseAfter = "";
            Token head = null;
            for (Token t : s.tokens) {
                if (t.start() >= end) {
                    if (!STOP.contains(t.lower()) && !t.isNumber() && !punctuationBetween(s, new Token("", "", 0, end), t)) {
                        head = t;
                    }
                    break;
                }
            }
            boolean adjectival = text.substring(m.start(), m.end()).matches("(?s).*[‑-]\\s*\\p{L}+$") && head != null;
            if (adjectival) {
                anchors.add(stem(head.lower()));
                phraseAfter = " " + head.text();
            }
            Token preceding = null;
            for (int j = s.tokens.size() - 1; j >= 0; j--) {
                Token t = s.tokens.get(j);
                if (t.end() <= start && !STOP.contains(t.lower()) && !t.isNumber()) {
                    preceding = t;
                    break;
                }
            }
            if (!adjectival && preceding != null && start - preceding.end() < 20) {
                anchors.add(stem(preceding.lower()));
            }
            if (!adjectival && preceding != null && LASTING.contains(preceding.lower()) && start - preceding.end() < 20) {
                // "the strike at the port lasted five days": the duration is the clause subject's, so it meets
                // "a three-day strike" through the common nouns before the verb (names stay out: they say who, not what)
                Token previous = null;
                Set<String> subject = new LinkedHashSet<>();
                for (Token t : s.tokens) {
                    if (t.end() > preceding.start()) {
                        break;
                    }
                    if (previous != null && s.text.substring(previous.end() - s.start, t.start() - s.start).matches("(?s).*[,;:(].*")) {
                        subject.clear();
                    }
                    if (!STOP.contains(t.lower()) && !t.isNumber() && Character.isLowerCase(t.text().charAt(0))
                            && t != preceding) {
                        subject.add(stem(t.lower()));
                    }
                    previous = t;
                }
                anchors.addAll(subject);
            }
            anchors.removeAll(GENERIC);
            String shown = text.substring(m.start(), m.end()).replaceAll("\\s+", " ");
            String phrase = (m.group(1).isEmpty() ? "N-" + unit
                    : shown.replaceFirst("(?i)^" + Pattern.quote(m.group(1)), "N")) + phraseAfter;
            out.add(new Fact(Kind.DURATION, s, format(days) + "|" + scale, shown, anchors, Set.of(), phrase, days, days, days,
                    null, null));
        }
    }

    /** Whether the number token at {@code i} starts a duration, which {@link #durations} reads. */
    private static boolean isDurationAt(Sent s, int i) {
        Token t = s.tokens.get(i);
        int rel = t.start() - s.start;
        for (java.util.regex.MatchResult m : durationMatches(s.text)) {
            if (m.start(1) == rel || m.start() <= rel && rel < m.end()) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // dates

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    private void dates(Sent s, List<Fact> out) {
        for (Annotations.Temporal t : s.temporals) {
            String v = t.value();
            if (v == null || t.kind() != null && !t.kind().equals("DATE")) {
                continue;
            }
            // days, months and years only: weeks, seasons and vague references ("recently") are too loose to contradict
            if (!DAY.matcher(v).matches() && !MONTH.matcher(v).matches() && !YEAR.matcher(v).matches()) {
                continue;
            }
            out.add(new Fact(Kind.DATE, s, v, t.text() + " (" + v + ")", Set.of(), near(s, t.start(), t.end(), 3), null,
                    Double.NaN, Double.NaN, Double.NaN, null, null));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // equipment and organisations

    private void roles(Sent s, Map<String, Annotations.Entity> entities, List<Fact> out) {
        Set<String> seen = new HashSet<>();
        for (Annotations.Mention m : s.mentions) {
            Kind kind = "EQUIPMENT".equals(m.type()) ? Kind.EQUIPMENT : "ORGANIZATION".equals(m.type()) ? Kind.ORGANIZATION : null;
            if (kind == null || !seen.add(m.entityId())) {
                continue;
            }
            Annotations.Entity e = entities.get(m.entityId());
            String name = e != null && e.name() != null ? e.name() : m.text();
            // a government named by its capital ("Moscow", "the Kremlin") speaks for a country, not in a role of its own
            String subtype = e != null && e.subtype() != null ? e.subtype() : m.subtype();
            if ("GOVERNMENT".equals(subtype) && m.text() != null && PlaceNames.key(m.text()).split(" ").length == 1
                    && Character.isUpperCase(m.text().charAt(0)) && e != null && e.name() != null
                    && !e.name().equals(m.text())) {
                continue;
            }
            out.add(new Fact(kind, s, m.entityId(), m.text() == null ? name : m.text(), Set.of(), near(s, m.start(), m.end(), 3), subtype,
                    Double.NaN, Double.NaN, Double.NaN, m.entityId(), null));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // who said what

    private void quotes(int doc, Doc d, List<Sent> sentences, List<Fact> out) {
        if (d.annotations() == null) {
            return;
        }
        for (Annotations.Quote q : safe(d.annotations().quotes())) {
            if (q.text() == null || q.speakerEntityId() == null || words(q.text()).size() < 4) {
                continue;
            }
            Sent home = null;
            for (Sent s : sentences) {
                if (q.start() < s.end && q.end() > s.start) {
                    home = s;
                    break;
                }
            }
            if (home == null) {
                home = new Sent(doc, q.start(), q.end(), q.text());
            }
            String speaker = q.speakerName() == null ? q.speakerEntityId() : q.speakerName();
            out.add(new Fact(Kind.SPEAKER, home, q.speakerEntityId(), speaker, Set.of(), Set.of(), q.text(), Double.NaN,
                    Double.NaN, Double.NaN, q.speakerEntityId(), null));
        }
    }

    /** Content-word stems and entity ids within {@code n} words of a span, the span itself left out. */
    private static Set<String> near(Sent s, int start, int end, int n) {
        Set<String> out = new HashSet<>();
        List<Token> t = s.tokens;
        for (int i = 0; i < t.size(); i++) {
            Token w = t.get(i);
            if (w.end() <= start && countBefore(t, i, start) <= n || w.start() >= end && countAfter(t, end, i) <= n) {
                if (w.isNumber() || STOP.contains(w.lower()) || NUMBER_WORDS.containsKey(w.lower()) || inTemporal(s, w)) {
                    continue;
                }
                Annotations.Mention m = mentionOf(s, w);
                out.add(m != null ? "@" + m.entityId() : stem(w.lower()));
            }
        }
        return out;
    }

    private static int countBefore(List<Token> t, int index, int offset) {
        int c = 0;
        for (int i = index; i < t.size() && t.get(i).start() < offset; i++) {
            c++;
        }
        return c;
    }

    private static int countAfter(List<Token> t, int offset, int index) {
        int c = 0;
        for (int i = index; i >= 0 && t.get(i).start() >= offset; i--) {
            c++;
        }
        return c;
    }

    static double quoteSimilarity(String a, String b) {
        List<String> x = words(a);
        List<String> y = words(b);
        Set<String> sx = new HashSet<>(x);
        Set<String> sy = new HashSet<>(y);
        Set<String> common = new HashSet<>(sx);
        common.retainAll(sy);
        if (sx.isEmpty() || sy.isEmpty()) {
            return 0;
        }
        // a quote cut shorter in one report is still the same quote
        return Math.max((double) common.size() / (sx.size() + sy.size() - common.size()),
                common.size() >= 4 ? (double) common.size() / Math.min(sx.size(), sy.size()) : 0);
    }

    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(s == null ? "" : s.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(stem(m.group()));
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // words

    static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String x : a) {
            if (b.contains(x)) {
                common++;
            }
        }
        return (double) common / (a.size() + b.size() - common);
    }

    private static Set<String> without(Set<String> s, String x) {
        Set<String> out = new HashSet<>(s);
        out.remove(x);
        return out;
    }

    private static boolean intersects(Set<String> a, Set<String> b) {
        for (String x : a) {
            if (b.contains(x)) {
                return true;
            }
        }
        return false;
    }

    /** A light suffix stripper: enough for "killed"/"killing"/"kills" and "frigates"/"frigate" to meet. */
    static String stem(String w) {
        String s = w.replace('’', '\'');
        if (s.endsWith("'s")) {
            s = s.substring(0, s.length() - 2);
        }
        if (s.length() > 5 && s.endsWith("ies")) {
            return s.substring(0, s.length() - 3) + "y";
        }
        if (s.length() > 5 && s.endsWith("ing")) {
            return s.substring(0, s.length() - 3);
        }
        if (s.length() > 4 && s.endsWith("ed")) {
            return s.substring(0, s.length() - 2);
        }
        if (s.length() > 4 && s.endsWith("es") && (s.endsWith("ses") || s.endsWith("xes") || s.endsWith("ches") || s.endsWith("shes"))) {
            return s.substring(0, s.length() - 2);
        }
        if (s.length() > 3 && s.endsWith("s") && !s.endsWith("ss") && !s.endsWith("us") && !s.endsWith("is")) {
            return s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static String clip(String s, int max) {
        if (s == null) {
            return "";
        }
        String t = s.strip().replaceAll("\\s+", " ");
        return t.length() <= max ? t : t.substring(0, max) + "…";
    }

    private static <T> List<T> safe(List<T> list) {
        return list == null ? List.of() : list;
    }

    static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
            Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15),
            Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19),
            Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50),
            Map.entry("sixty", 60), Map.entry("seventy", 70), Map.entry("eighty", 80), Map.entry("ninety", 90),
            Map.entry("dozen", 12));

    private static final List<String> QUALIFIER_PHRASES = List.of("at least", "more than", "upwards of", "up to",
            "fewer than", "less than", "at most", "an estimated", "approximately", "estimated", "over", "above", "under",
            "below", "about", "around", "roughly", "nearly", "almost", "some");

    private static final Set<String> QUALIFIERS = Set.of("least", "more", "upwards", "fewer", "less", "most", "estimated",
            "approximately", "over", "above", "under", "below", "about", "around", "roughly", "nearly", "almost", "some");

    /** Words that say nothing about what a number counts. */
    /** Verbs whose duration belongs to their subject ("the talks lasted three hours"). */
    private static final Set<String> LASTING = Set.of("last", "lasts", "lasted", "lasting", "took", "continued", "ran",
            "went", "dragged");

    private static final Set<String> GENERIC = Set.of("total", "number", "figure", "other", "another", "new", "additional",
            "further", "last", "first", "next", "said", "say", "says", "saying", "told", "according", "also", "only", "just",
            "including", "includ", "all", "least", "more", "than");

    static final Set<String> STOP = Set.of("a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from",
            "by", "with", "without", "as", "into", "onto", "over", "under", "about", "after", "before", "since", "until",
            "during", "between", "among", "through", "than", "that", "this", "these", "those", "there", "here", "it", "its",
            "he", "she", "they", "them", "his", "her", "their", "we", "our", "you", "your", "i", "me", "my", "who", "whom",
            "whose", "which", "what", "when", "where", "why", "how", "is", "are", "was", "were", "be", "been", "being", "has",
            "have", "had", "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
            "not", "no", "nor", "so", "if", "then", "also", "just", "only", "very", "more", "most", "some", "any", "each",
            "both", "all", "such", "other", "another", "up", "down", "out", "off", "per", "via", "while", "whether", "said",
            "says", "say", "told", "according", "s", "mr", "ms", "mrs", "dr", "least", "almost", "nearly", "around",
            "roughly", "approximately", "against", "within", "upon", "across", "whereas", "yet", "still", "even", "again");
}
