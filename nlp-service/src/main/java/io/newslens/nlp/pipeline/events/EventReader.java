package io.newslens.nlp.pipeline.events;

import io.newslens.contracts.Annotations.Temporal;
import io.newslens.nlp.pipeline.AnalyzedText.NamedMention;
import io.newslens.nlp.pipeline.LocalFindings.LocalEvent;
import io.newslens.nlp.pipeline.events.TriggerLexicon.Trigger;
import io.newslens.nlp.pipeline.quotes.DocumentView;
import io.newslens.nlp.pipeline.quotes.Lexicon;
import io.newslens.nlp.pipeline.quotes.NounPhrases;
import io.newslens.nlp.pipeline.quotes.NounPhrases.Kind;
import io.newslens.nlp.pipeline.quotes.NounPhrases.Phrase;
import io.newslens.nlp.pipeline.quotes.QuoteSpanFinder;
import io.newslens.nlp.pipeline.quotes.Referents;
import io.newslens.nlp.pipeline.quotes.Referents.Referent;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads typed events from one document, sentence by sentence, without a parser.
 *
 * <p>A trigger word (lemma and part of speech from {@code nlp/events/triggers.tsv}, with its condition: a weapon
 * for a transfer, a military word for an exercise) opens an event. Its clause gives the rest. A clause is cut at
 * ";", ":", dashes, quote marks, "but"/"while"/"although", a "that" after a verb and a relative pronoun, at most
 * {@link #WINDOW} tokens either side of the trigger; an embedded ", who ... ," or ", which ... ," belongs to
 * neither side and is skipped.
 * <ul>
 * <li>participants: persons and organisations named in the clause, places used as actors ("Russia's invasion",
 * "China and Russia held drills"), a he/she subject resolved to the person meant, a definite title ("China's new
 * defence chief") resolved to the one person holding it; the speaker of a trailing report ("…, spokesman Tan Kefei
 * said on Friday") and a source after "according to" are not participants;</li>
 * <li>place: a LOCATION after in/at/near (or the destination of a visit), the one nearest the trigger; an
 * organisation after in/at ("at the Kremlin") only when no location is given;</li>
 * <li>time: the date, time or range from the temporal tagger nearest the trigger in its clause (never the date of a
 * trailing report); for "the meeting" with none, the time of the same kind of event in the sentences just before;
 * else, when the trigger is a present-tense verb or the object of one ("Putin meets Li", "Li holds talks", a
 * headline), the publication date; otherwise none.</li>
 * </ul>
 * No event is read when a negation or an irrealis word ("not", "denied", "refused", "could", "if", "against",
 * "considering") stands before the trigger in its clause, or from inside a quote (the speaker's words are not
 * the report's); an event needs a participant (an attack or exercise may do with a place).
 */
public final class EventReader {

    static final int WINDOW = 20;
    private static final TriggerLexicon TRIGGERS = new TriggerLexicon("nlp/events/triggers.tsv");
    private static final Set<String> WEAPONS = Lexicon.words("nlp/events/weapons.txt");
    private static final Set<String> MILITARY = Lexicon.words("nlp/events/military.txt");
    private static final Set<String> NEGATION = Lexicon.words("nlp/events/negation.txt");
    private static final Map<String, String> SPEECH = Lexicon.forms("nlp/quotes/speech-verbs.txt");
    private static final Set<String> TITLES = Lexicon.words("nlp/quotes/titles.txt");
    private static final Set<String> ORG_HEADS = Lexicon.words("nlp/quotes/org-heads.txt");
    private static final Set<String> LOCATIVE = Set.of("in", "at", "near", "inside", "outside", "across", "around",
            "throughout", "into", "over", "off", "on");
    private static final Set<String> DESTINATION = Set.of("to", "for");
    private static final Set<String> HEDGES = Set.of("allegedly", "reportedly", "purportedly", "alleged", "reported");
    private static final Set<String> ANAPHORIC_DETERMINERS = Set.of("the", "this", "that", "their", "his", "her", "its");
    private static final Set<String> COMPATIBLE_MEETINGS = Set.of("MEETING", "TALKS", "VISIT");
    private static final Set<String> SUBORDINATORS = Set.of("while", "whereas", "although", "though", "because",
            "unless", "if", "but");
    private static final Set<String> PLACE_ONLY_TYPES = Set.of("ATTACK", "MILITARY_EXERCISE");
    private static final Set<String> INDEFINITE = Set.of("a", "an", "any", "another", "every", "each");
    private static final Set<String> MILITARY_CONTEXT = Set.of("troops", "forces", "fleet", "navy", "army", "warships",
            "soldiers", "militaries", "military", "naval");

    private final DocumentView doc;
    private final NounPhrases phrases;
    private final Referents referents;
    private final List<Temporal> temporals;
    private final boolean[] quoted;
    private final boolean[] parenthetical;

    public EventReader(DocumentView doc, List<Temporal> temporals) {
        this.doc = doc;
        this.phrases = new NounPhrases(doc, TITLES, ORG_HEADS);
        this.referents = new Referents(doc, TITLES, ORG_HEADS, Lexicon.pairs("nlp/quotes/head-synonyms.txt"),
                Lexicon.map("nlp/quotes/demonyms.txt"));
        this.temporals = temporals == null ? List.of() : temporals;
        this.quoted = new boolean[doc.size()];
        for (QuoteSpanFinder.Span s : new QuoteSpanFinder().find(doc.string())) {
            int first = doc.lookup().tokenFrom(s.contentStart());
            int last = doc.lookup().tokenBefore(s.contentEnd());
            if (first < 0 || last < first || s.parent() >= 0) {
                continue;
            }
            // a quoted report copied from elsewhere (long, in the third person) is read like the text around it;
            // someone's own words ("we will hold talks") and short quoted phrases are not
            boolean report = last - first >= 25;
            for (int t = first; t <= last; t++) {
                if (!report || firstOrSecondPerson(t, first, last)) {
                    quoted[t] = true;
                }
            }
        }
        this.parenthetical = parentheticals();
    }

    private static final Set<String> SPEAKER_PRONOUNS = Set.of("i", "we", "me", "us", "my", "our", "you", "your", "mine",
            "ours");

    /** Whether the sentence part of token {@code t} inside a quote speaks in the first or second person. */
    private boolean firstOrSecondPerson(int t, int first, int last) {
        int sentence = doc.sentenceOfToken(t);
        int from = Math.max(first, doc.sentenceStartToken(sentence));
        int to = Math.min(last, doc.sentenceEndToken(sentence));
        for (int i = from; i <= to; i++) {
            if (SPEAKER_PRONOUNS.contains(doc.lower(i)) && doc.pos(i).startsWith("PRP")) {
                return true;
            }
        }
        return false;
    }

    /** What an event found in a sentence carries before it is turned into a {@link LocalEvent}. */
    private record Found(String type, int trigger, List<String> participants, String place, String time,
            boolean explicitTime, int sentence, double confidence) {
    }

    /** The tokens of a trigger's clause: from, to, and whether a token inside is skipped. */
    private record Clause(int from, int to, boolean[] skip) {

        boolean has(int t) {
            return t >= from && t <= to && !skip[t - from];
        }
    }

    public List<LocalEvent> events() {
        List<Found> found = new ArrayList<>();
        int sentences = doc.lookup().sentences().size();
        for (int s = 0; s < sentences; s++) {
            int first = doc.sentenceStartToken(s);
            int last = doc.sentenceEndToken(s);
            if (first < 0) {
                continue;
            }
            Set<String> typesHere = new LinkedHashSet<>();
            for (int t = first; t <= last; t++) {
                if (quoted[t]) {
                    continue;
                }
                Trigger trigger = match(t, first, last);
                if (trigger == null || typesHere.contains(trigger.type())) {
                    continue;
                }
                Found f = read(trigger, t, first, last, s, found);
                if (f != null) {
                    found.add(f);
                    typesHere.add(trigger.type());
                }
            }
        }
        return merge(found);
    }

    // ---- triggers --------------------------------------------------------------------------------------------

    private Trigger match(int t, int first, int last) {
        String pos = doc.pos(t);
        char cls = pos.startsWith("VB") ? 'V' : pos.startsWith("NN") ? 'N' : '-';
        if (cls == '-') {
            return null;
        }
        Set<Trigger> candidates = new LinkedHashSet<>(TRIGGERS.forLemma(doc.lemma(t)));
        candidates.addAll(TRIGGERS.forLemma(doc.lower(t)));
        for (Trigger trigger : candidates) {
            if (trigger.partOfSpeech() != '*' && trigger.partOfSpeech() != cls) {
                continue;
            }
            if (doc.mentionAt(t) != null && !"MISC".equals(doc.mentionAt(t).type())) {
                continue; // part of a name: "Summit Partners", "Visit Britain"
            }
            if (conditionHolds(trigger, t, first, last)) {
                return trigger;
            }
        }
        return null;
    }

    private boolean conditionHolds(Trigger trigger, int t, int first, int last) {
        String c = trigger.condition();
        if (c.equals("-")) {
            return true;
        }
        if (c.startsWith("next=")) {
            return t + 1 <= last && trigger.words().contains(doc.lower(t + 1));
        }
        if (c.startsWith("prev=")) {
            return t - 1 >= first && trigger.words().contains(doc.lower(t - 1).replace("-", ""));
        }
        if (c.equals("plural")) {
            return doc.pos(t).equals("NNS") || doc.lower(t).endsWith("s");
        }
        Clause clause = clause(t, first, last);
        if (c.equals("person")) {
            for (int i = t + 1; i <= clause.to() && i <= t + 10; i++) {
                NamedMention m = doc.mentionAt(i);
                if (m != null && "PERSON".equals(m.type())) {
                    return true;
                }
            }
            return false;
        }
        if (c.equals("weapon")) {
            for (int i = clause.from(); i <= clause.to(); i++) {
                NamedMention m = doc.mentionAt(i);
                if (m != null && "EQUIPMENT".equals(m.type()) || WEAPONS.contains(doc.lower(i))) {
                    return true;
                }
                if (doc.lower(i).equals("military") && i + 1 <= clause.to()
                        && Set.of("aid", "equipment", "hardware", "help", "supplies").contains(doc.lower(i + 1))) {
                    return true;
                }
            }
            return false;
        }
        if (c.equals("military")) {
            for (int i = Math.max(first, t - 3); i < t; i++) {
                if (MILITARY.contains(doc.lower(i))) {
                    return true;
                }
            }
            for (int i = Math.max(first, t - 12); i <= Math.min(last, t + 12); i++) {
                if (MILITARY_CONTEXT.contains(doc.lower(i))) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }

    // ---- one event -------------------------------------------------------------------------------------------

    private Found read(Trigger trigger, int t, int first, int last, int sentence, List<Found> before) {
        Clause clause = clause(t, first, last);
        if (negated(t, clause, first)) {
            return null;
        }
        Set<Integer> notParticipants = sources(clause, t);
        LinkedHashMap<String, Integer> participants = new LinkedHashMap<>();
        Set<String> possessiveOwners = new LinkedHashSet<>();
        titleParticipants(clause, last, notParticipants, participants, possessiveOwners, argumentTokens(t, clause));
        String place = null;
        int placeDistance = Integer.MAX_VALUE;
        String orgPlace = null;
        Set<Integer> roles = argumentTokens(t, clause);
        for (int i = clause.from(); i <= clause.to(); i++) {
            NamedMention m = doc.mentionAt(i);
            if (!clause.has(i) || m == null || doc.token(i).start() != m.start() || notParticipants.contains(i)) {
                continue;
            }
            if (!roles.contains(i)) {
                // not an argument of the trigger: only a place can come from elsewhere in the clause
                if ("LOCATION".equals(m.type()) && LOCATIVE.contains(preposition(i, first))) {
                    int distance = Math.abs(i - t) - (i > t ? 1 : 0) + WINDOW;
                    if (distance < placeDistance) {
                        place = doc.keyOf(m);
                        placeDistance = distance;
                    }
                }
                continue;
            }
            String key = doc.keyOf(m);
            String prep = preposition(i, first);
            if ("LOCATION".equals(m.type())) {
                boolean locative = LOCATIVE.contains(prep) || trigger.type().equals("VISIT")
                        && (DESTINATION.contains(prep) || i == t + 1);
                if (locative) {
                    int distance = Math.abs(i - t) - (i > t ? 1 : 0);
                    if (distance < placeDistance) {
                        place = key;
                        placeDistance = distance;
                    }
                    continue;
                }
                if (possessiveOwners.contains(key) || isModifierOfTitle(i, m)) {
                    continue;
                }
                participants.putIfAbsent(key, i);
            } else if ("ORGANIZATION".equals(m.type())) {
                if (prep.equals("in") || prep.equals("at")) {
                    orgPlace = orgPlace == null ? key : orgPlace; // "at the Kremlin"
                    continue;
                }
                participants.putIfAbsent(key, i);
            } else if ("PERSON".equals(m.type())) {
                participants.putIfAbsent(key, i);
            }
        }
        if (place == null) {
            place = orgPlace;
        }
        int verb = governingVerb(t, clause);
        pronounSubject(verb, clause, participants);
        if (doc.pos(t).startsWith("VB") && verb == t) {
            pronounObject(t, clause, participants);
        }
        participants.remove(place);
        if (participants.isEmpty() && !(place != null && PLACE_ONLY_TYPES.contains(trigger.type()))) {
            return null;
        }

        String time = null;
        boolean explicit = false;
        Temporal temporal = nearestTemporal(t, clause, notParticipants);
        if (temporal != null) {
            time = temporal.value();
            explicit = true;
        } else if (doc.pos(t).startsWith("NN") && t > first && anaphoric(t, first)) {
            time = timeOfEarlier(trigger.type(), sentence, before);
        }
        if (time == null && !explicit && doc.text().publishedAt() != null && verb >= 0
                && (doc.pos(verb).equals("VBZ") || doc.pos(verb).equals("VBP"))) {
            // a present-tense report ("Putin meets Li", "Li holds talks"): it happens as published
            time = doc.text().publishedAt().atZone(ZoneOffset.UTC).toLocalDate().toString();
        }

        double confidence = 0.55;
        if (participants.size() >= 2) {
            confidence += 0.1;
        }
        if (place != null) {
            confidence += 0.1;
        }
        if (explicit) {
            confidence += 0.1;
        }
        if (participants.isEmpty()) {
            confidence -= 0.15;
        }
        for (int i = clause.from(); i < t; i++) {
            if (HEDGES.contains(doc.lower(i))) {
                confidence -= 0.15;
                break;
            }
        }
        return new Found(trigger.type(), t, new ArrayList<>(participants.keySet()), place, time, explicit, sentence,
                Math.round(Math.min(0.95, confidence) * 100) / 100.0);
    }

    /** "China's new defence chief", "the Russian president": the one person the text gave that title. */
    private void titleParticipants(Clause clause, int last, Set<Integer> exclude, Map<String, Integer> participants,
            Set<String> possessiveOwners, Set<Integer> roles) {
        for (int i = clause.from(); i <= clause.to(); i++) {
            if (!clause.has(i) || !roles.contains(i) || doc.mentionAt(i) != null || !TITLES.contains(doc.lower(i)) || !doc.pos(i).startsWith("NN")
                    || exclude.contains(i)) {
                continue;
            }
            if (i + 1 <= last && doc.mentionAt(i + 1) != null && "PERSON".equals(doc.mentionAt(i + 1).type())) {
                continue; // "Defence Minister Li Shangfu": the name is there
            }
            Phrase p = phrases.backward(i, clause.from(), x -> false);
            if (p.kind() != Kind.TITLE || indefiniteBefore(p.first(), clause.from())) {
                continue;
            }
            Referent r = referents.title(p.words(), doc.token(p.first()).start());
            if (r == null) {
                continue;
            }
            participants.putIfAbsent(r.key(), i);
            for (int k = p.first(); k < i; k++) {
                NamedMention owner = doc.mentionAt(k);
                if (owner != null) {
                    possessiveOwners.add(doc.keyOf(owner));
                }
            }
        }
    }

    /** "a visiting Chinese defence chief": an indefinite phrase names no one in particular. */
    private boolean indefiniteBefore(int first, int from) {
        for (int k = first; k >= from && k >= first - 3; k--) {
            String w = doc.lower(k);
            if (INDEFINITE.contains(w)) {
                return true;
            }
            String pos = doc.pos(k);
            if (k < first && !(pos.startsWith("JJ") || pos.equals("VBG") || pos.equals("VBN") || pos.startsWith("RB")
                    || pos.equals("DT"))) {
                return false;
            }
        }
        return false;
    }

    /** The verb the trigger is, or whose object it is ("held talks"); -1 when none. */
    private int governingVerb(int t, Clause clause) {
        if (doc.pos(t).startsWith("VB")) {
            return t;
        }
        int v = t - 1;
        while (v >= clause.from() && (doc.pos(v).startsWith("JJ") || doc.pos(v).startsWith("NN") || doc.pos(v).equals("DT")
                || doc.pos(v).equals("PRP$") || doc.pos(v).equals("CD") || doc.pos(v).equals("HYPH")
                || doc.pos(v).equals("POS")) && (doc.mentionAt(v) == null || v < t && isTemporalWord(v))) {
            v--;
        }
        return v >= clause.from() && doc.pos(v).startsWith("VB") ? v : -1;
    }

    /**
     * The tokens that can name the trigger's participants: for a verb, its subject and what follows it up to the next
     * verb; for a noun, its modifiers ("Russia's invasion", "US sanctions"), the phrases after it ("talks with Putin",
     * "an agreement between X and Y") and the subject of the verb it is the object of ("Li held talks").
     */
    private Set<Integer> argumentTokens(int t, Clause clause) {
        Set<Integer> out = new LinkedHashSet<>();
        if (doc.pos(t).startsWith("VB")) {
            subjectTokens(t, clause, out, 0);
        } else {
            int l = t - 1;
            while (l >= clause.from() && (doc.mentionAt(l) != null || doc.pos(l).startsWith("JJ") || doc.pos(l).startsWith("NN")
                    || doc.pos(l).equals("POS") || doc.pos(l).equals("HYPH") || doc.pos(l).equals("CD")
                    || doc.pos(l).equals("VBN") || doc.pos(l).equals("VBG"))) {
                out.add(l);
                l--;
            }
            int v = governingVerb(t, clause);
            if (v >= 0) {
                subjectTokens(v, clause, out, 0);
            } else if (l >= clause.from() && (doc.pos(l).equals("DT") || doc.pos(l).equals("PRP$"))) {
                // "during a meeting with ...", "a target of US sanctions", "under U.S. sanctions": the main clause's
                // subject and object take part
                int p = l - 1;
                if (p >= clause.from() && PP_HEADS.contains(doc.lower(p))) {
                    mainClauseArguments(p, clause, out);
                }
            } else if (l >= clause.from() && PP_HEADS.contains(doc.lower(l))) {
                mainClauseArguments(l, clause, out);
            }
        }
        // what follows, up to the next finite verb, relative pronoun, "that", or a comma not continuing a list
        int counted = 0;
        for (int r = t + 1; r <= clause.to() && counted <= 14; r++) {
            if (!clause.has(r)) {
                continue;
            }
            String pos = doc.pos(r);
            if (pos.equals("VBD") || pos.equals("VBZ") || pos.equals("VBP") || pos.equals("MD")) {
                passiveAgent(r, clause, out); // "The meeting was attended by Shoigu"
                break;
            }
            if (pos.equals("WDT") || pos.equals("WP") || doc.lower(r).equals("that")) {
                break;
            }
            if (doc.word(r).equals(",") && !(r + 1 <= clause.to() && (doc.mentionAt(r + 1) != null
                    || doc.lower(r + 1).equals("and") || doc.lower(r + 1).equals("or")))) {
                break;
            }
            out.add(r);
            counted++;
        }
        return out;
    }

    /** "during a meeting", "under sanctions": the subject of the clause takes part in what the phrase names. */
    private static final Set<String> PP_HEADS = Set.of("during", "at", "in", "for", "following", "under");

    private boolean isTemporalWord(int t) {
        return Set.of("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday").contains(doc.lower(t));
    }

    /** The subject of the clause's verb before {@code preposition}, and what stands between them. */
    private void mainClauseArguments(int preposition, Clause clause, Set<Integer> out) {
        for (int h = preposition - 1; h >= clause.from(); h--) {
            String pos = doc.pos(h);
            if (pos.equals("VBD") || pos.equals("VBZ") || pos.equals("VBP") || pos.equals("MD")) {
                int head = h;
                while (head - 1 >= clause.from() && phrases.isAuxOrAdverb(head - 1)) {
                    head--;
                }
                subjectTokens(head, clause, out, 0);
                if (preposition - h <= 4) {
                    for (int i = h + 1; i < preposition; i++) {
                        out.add(i); // "Putin told Li at their discussion"
                    }
                }
                return;
            }
        }
    }

    /** After a passive verb group ("was attended by", "were hosted by"), the agent phrase. */
    private void passiveAgent(int head, Clause clause, Set<Integer> out) {
        int v = head;
        while (v + 1 <= clause.to() && (phrases.isAuxOrAdverb(v + 1) || doc.pos(v + 1).equals("VBN"))) {
            v++;
        }
        if (!doc.pos(v).equals("VBN") || v + 1 > clause.to() || !doc.lower(v + 1).equals("by")) {
            return;
        }
        for (int i = v + 2; i <= clause.to() && i <= v + 8; i++) {
            if (doc.pos(i).startsWith("VB") || doc.word(i).equals(",")) {
                return;
            }
            out.add(i);
        }
    }

    /** The subject of the verb group ending at {@code v}: the phrase before it, past an apposition. */
    private void subjectTokens(int v, Clause clause, Set<Integer> out, int depth) {
        int s = v - 1;
        while (s >= clause.from() && (phrases.isAuxOrAdverb(s) || parenthetical[s])) {
            s--;
        }
        if (s < clause.from()) {
            return;
        }
        String w = doc.lower(s);
        if ((w.equals("and") || w.equals("but")) && depth == 0) {
            // "X arrived ... and held talks": the subject of the clause's first verb
            for (int h = clause.from(); h < s; h++) {
                String pos = doc.pos(h);
                if (pos.equals("VBD") || pos.equals("VBZ") || pos.equals("VBP") || pos.equals("MD")) {
                    subjectTokens(h, clause, out, 1);
                    return;
                }
            }
            return;
        }
        if (w.equals(",")) {
            // "Li, then head of the department, was ...": the name before the apposition
            int c = s - 1;
            while (c >= clause.from() && !doc.word(c).equals(",")) {
                c--;
            }
            if (c > clause.from()) {
                s = c - 1;
            } else {
                return;
            }
        }
        Phrase p = phrases.backward(s, clause.from(), x -> false);
        for (int i = Math.max(p.first(), clause.from()); p.first() >= 0 && i <= s; i++) {
            out.add(i);
        }
    }

    /** "... to meet him on Sunday": an object pronoun right after a verb trigger. */
    private void pronounObject(int t, Clause clause, Map<String, Integer> participants) {
        int o = t + 1;
        if (o <= clause.to() && (doc.lower(o).equals("him") || doc.lower(o).equals("her"))) {
            Referent r = referents.pronoun(o, doc.lower(o).equals("him") ? "he" : "she", null);
            if (r != null) {
                participants.putIfAbsent(r.key(), o);
            }
        }
    }

    /** A he/she subject of the verb: the person meant. */
    private void pronounSubject(int verb, Clause clause, Map<String, Integer> participants) {
        if (verb < 0) {
            return;
        }
        int s = verb - 1;
        while (s >= clause.from() && phrases.isAuxOrAdverb(s)) {
            s--;
        }
        if (s >= clause.from() && (doc.lower(s).equals("he") || doc.lower(s).equals("she"))) {
            Referent r = referents.pronoun(s, doc.lower(s), null);
            if (r != null) {
                participants.putIfAbsent(r.key(), s);
            }
        }
    }

    private String preposition(int i, int first) {
        int p = i - 1;
        while (p >= first && (doc.pos(p).equals("DT") || doc.pos(p).startsWith("JJ"))) {
            p--;
        }
        return p >= first ? doc.lower(p) : "";
    }

    /** "Russian-controlled", "China's defence minister": a place naming whose title follows. */
    private boolean isModifierOfTitle(int i, NamedMention m) {
        int after = i;
        while (after < doc.size() && doc.mentionAt(after) == m) {
            after++;
        }
        if (after < doc.size() && doc.pos(after).equals("POS")) {
            after++;
            while (after < doc.size() && (doc.pos(after).startsWith("JJ") || doc.pos(after).startsWith("NN"))
                    && doc.mentionAt(after) == null) {
                if (TITLES.contains(doc.lower(after))) {
                    return true;
                }
                after++;
            }
        }
        return false;
    }

    private boolean anaphoric(int t, int first) {
        int d = t - 1;
        while (d >= first && (doc.pos(d).startsWith("JJ") || doc.pos(d).equals("VBN"))) {
            d--;
        }
        return d >= first && (ANAPHORIC_DETERMINERS.contains(doc.lower(d)) || doc.pos(d).equals("POS"));
    }

    private Temporal nearestTemporal(int t, Clause clause, Set<Integer> reportTokens) {
        int reportFrom = Integer.MAX_VALUE;
        for (int r : reportTokens) {
            if (r > t) {
                reportFrom = Math.min(reportFrom, doc.token(r).start());
            }
        }
        int triggerOffset = doc.token(t).start();
        Temporal best = null;
        long bestScore = Long.MAX_VALUE;
        for (Temporal tm : temporals) {
            if (tm.value() == null || "DURATION".equals(tm.kind()) || "SET".equals(tm.kind()) || tm.start() >= reportFrom) {
                continue;
            }
            int first = doc.lookup().tokenFrom(tm.start());
            if (first < 0 || !clause.has(first)) {
                continue;
            }
            long distance = tm.start() >= triggerOffset ? tm.start() - triggerOffset : triggerOffset - tm.end();
            if (distance < bestScore) {
                bestScore = distance;
                best = tm;
            }
        }
        return best;
    }

    private String timeOfEarlier(String type, int sentence, List<Found> before) {
        for (int i = before.size() - 1; i >= 0; i--) {
            Found f = before.get(i);
            if (sentence - f.sentence() > 3) {
                break;
            }
            boolean compatible = f.type().equals(type)
                    || COMPATIBLE_MEETINGS.contains(type) && COMPATIBLE_MEETINGS.contains(f.type());
            if (compatible && f.explicitTime() && f.time() != null) {
                return f.time();
            }
        }
        return null;
    }

    /**
     * Tokens that name a source rather than a participant: the speaker of a report closing the clause
     * ("…, spokesman Tan Kefei said on Friday", "…, said Tan") and the source after "according to".
     */
    private Set<Integer> sources(Clause clause, int trigger) {
        Set<Integer> out = new LinkedHashSet<>();
        for (int v = clause.from(); v <= clause.to(); v++) {
            if (doc.lower(v).equals("according") && v + 1 <= clause.to() && doc.lower(v + 1).equals("to")) {
                Phrase p = phrases.forward(v + 2, clause.to(), x -> false);
                addRange(out, p);
                for (int i = v + 2; i <= clause.to() && !doc.word(i).equals(","); i++) {
                    out.add(i); // "according to a Kremlin statement": all of it
                }
                continue;
            }
            if (v <= trigger || !doc.pos(v).startsWith("VB") || !SPEECH.containsKey(doc.lower(v)) || !endsClause(v, clause.to())) {
                continue;
            }
            int s = v - 1;
            while (s > trigger && phrases.isAuxOrAdverb(s)) {
                s--;
            }
            if (s > trigger && doc.word(s).equals(",") && s - 1 > trigger && doc.mentionAt(s - 1) != null) {
                // "…, Chinese defence ministry spokesman Tan Kefei, said on Friday"
                Phrase p = phrases.backward(s - 1, trigger + 1, x -> false);
                if (p.first() > trigger + 1 && doc.word(p.first() - 1).equals(",")) {
                    for (int i = p.first(); i <= clause.to(); i++) {
                        out.add(i);
                    }
                    continue;
                }
            }
            if (s > trigger && !doc.word(s).equals(",")) {
                Phrase p = phrases.backward(s, trigger + 1, x -> false);
                if (p.first() > trigger + 1 && doc.word(p.first() - 1).equals(",")) {
                    addRange(out, p);
                    for (int i = p.first(); i <= clause.to(); i++) {
                        out.add(i);
                    }
                }
            } else if (s > trigger) {
                // "…, said Tan Kefei"
                Phrase after = phrases.forward(v + 1, clause.to(), x -> false);
                addRange(out, after);
                for (int i = v; i <= clause.to(); i++) {
                    out.add(i);
                }
            }
        }
        return out;
    }

    private static void addRange(Set<Integer> out, Phrase p) {
        if (p != null && p.first() >= 0) {
            for (int i = p.first(); i <= p.last(); i++) {
                out.add(i);
            }
        }
    }

    private boolean endsClause(int v, int clauseEnd) {
        for (int i = v + 1; i <= clauseEnd; i++) {
            if (doc.pos(i).startsWith("VB") || doc.lower(i).equals("that")) {
                return false;
            }
        }
        return true;
    }

    private boolean negated(int t, Clause clause, int sentenceStart) {
        for (int i = Math.max(clause.from(), t - 8); i < t; i++) {
            if (clause.has(i) && NEGATION.contains(doc.lower(i))) {
                return true;
            }
        }
        // "If Li visits ...", "Whether they meet ..."
        String opener = doc.lower(sentenceStart);
        return opener.equals("if") || opener.equals("unless") || opener.equals("whether");
    }

    // ---- clauses ---------------------------------------------------------------------------------------------

    /**
     * The trigger's clause. Inside an embedded ", who/which ... ," region: that region. Outside: up to a boundary
     * either side, stepping over embedded regions without counting them.
     */
    private Clause clause(int t, int first, int last) {
        if (parenthetical[t]) {
            int from = t;
            while (from > first && parenthetical[from - 1]) {
                from--;
            }
            int to = t;
            while (to < last && parenthetical[to + 1]) {
                to++;
            }
            return new Clause(from, to, new boolean[to - from + 1]);
        }
        int from = t;
        int counted = 0;
        while (from > first && counted < WINDOW) {
            int p = from - 1;
            if (parenthetical[p]) {
                from--;
                continue;
            }
            if (boundary(p, first)) {
                break;
            }
            from--;
            counted++;
        }
        int to = t;
        counted = 0;
        while (to < last && counted < WINDOW) {
            int n = to + 1;
            if (parenthetical[n]) {
                to++;
                continue;
            }
            if (boundary(n, first)) {
                break;
            }
            to++;
            counted++;
        }
        boolean[] skip = new boolean[to - from + 1];
        for (int i = from; i <= to; i++) {
            skip[i - from] = parenthetical[i];
        }
        return new Clause(from, to, skip);
    }

    private boolean boundary(int i, int first) {
        String w = doc.word(i);
        String lower = doc.lower(i);
        String pos = doc.pos(i);
        if (w.equals(";") || w.equals(":") || w.equals("“") || w.equals("”") || w.equals("\"") || w.equals("``")
                || w.equals("''") || w.equals("–") || w.equals("—") || w.equals("--")) {
            return true;
        }
        if (pos.equals("WDT") || pos.equals("WP") || pos.equals("WRB")) {
            return true;
        }
        if (SUBORDINATORS.contains(lower) && (pos.equals("IN") || pos.equals("CC"))) {
            return true;
        }
        // "claimed that ...": a complement clause is its own
        return lower.equals("that") && pos.equals("IN") && i > first && doc.pos(i - 1).startsWith("VB");
    }

    /** Embedded ", who ... ," / ", which ... ," regions (and bracketed asides), by token. */
    private boolean[] parentheticals() {
        boolean[] out = new boolean[doc.size()];
        for (int i = 1; i < doc.size(); i++) {
            String pos = doc.pos(i);
            boolean relative = (pos.equals("WP") || pos.equals("WDT")) && doc.word(i - 1).equals(",");
            boolean bracket = doc.word(i).equals("(") || doc.word(i).equals("-LRB-");
            if (!relative && !bracket) {
                continue;
            }
            int sentence = doc.sentenceOfToken(i);
            int end = doc.sentenceEndToken(sentence);
            int j = i;
            while (j <= end && !(relative ? doc.word(j).equals(",") : doc.word(j).equals(")") || doc.word(j).equals("-RRB-"))) {
                j++;
            }
            if (j > end) {
                continue; // runs to the end of the sentence: a trailing relative clause, not embedded
            }
            for (int k = i; k <= j; k++) {
                out[k] = true;
            }
        }
        return out;
    }

    // ---- output ----------------------------------------------------------------------------------------------

    /** One event per type, participants, place and time: the first evidence, the best confidence. */
    private List<LocalEvent> merge(List<Found> found) {
        Map<String, LocalEvent> byKey = new LinkedHashMap<>();
        for (Found f : found) {
            List<String> sorted = new ArrayList<>(f.participants());
            sorted.sort(String::compareTo);
            String key = f.type() + "|" + sorted + "|" + f.place() + "|" + f.time();
            var sentence = doc.lookup().sentences().get(f.sentence());
            LocalEvent e = new LocalEvent(f.type(), f.participants(), f.place(), f.time(),
                    doc.string().substring(sentence.start(), sentence.end()), sentence.start(), sentence.end(),
                    f.confidence());
            LocalEvent existing = byKey.get(key);
            if (existing == null) {
                byKey.put(key, e);
            } else if (e.confidence() > existing.confidence()) {
                byKey.put(key, new LocalEvent(existing.type(), existing.participantKeys(), existing.placeKey(),
                        existing.time(), existing.evidence(), existing.evidenceStart(), existing.evidenceEnd(),
                        e.confidence()));
            }
        }
        return new ArrayList<>(byKey.values());
    }
}
