package io.newslens.nlp.pipeline.quotes;

import io.newslens.nlp.pipeline.AnalyzedText.NamedMention;
import io.newslens.nlp.pipeline.LocalFindings.LocalQuote;
import io.newslens.nlp.pipeline.quotes.NounPhrases.Kind;
import io.newslens.nlp.pipeline.quotes.NounPhrases.Phrase;
import io.newslens.nlp.pipeline.quotes.QuoteSpanFinder.Span;
import io.newslens.nlp.pipeline.quotes.Referents.Referent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Finds the speaker of each quote in one document. The rules, tried in order, each bounded to the quote's sentence:
 * <ol>
 * <li>after the closing mark: {@code ”, X said} / {@code ” said X} / {@code ”, X quoted Y as saying} /
 * {@code ”, according to X} / a source credit {@code ”. -X};</li>
 * <li>before the opening mark: the nearest reporting verb to the left and its subject
 * ({@code X said: “}, {@code X told Y “}, {@code X said relations were “…”}, {@code X issued a statement saying “});</li>
 * <li>a reporting clause closing the sentence: {@code The “…” has been enriched by “…”, X said.};</li>
 * <li>{@code According to X, … “…”};</li>
 * <li>a quote that opens a sentence right after a quote of the same paragraph (or of the previous paragraph, when it
 * opens its own) and has no attribution of its own continues that speaker.</li>
 * </ol>
 * A subject that is a pronoun, "it" or a title is resolved by {@link Referents}; a subject that names no one
 * (several people, "a spokesman", "officials", "a joint statement declaring") ends the search with no speaker.
 * Nested quotes are attributed from inside their enclosing quote only and never inherit its speaker.
 */
public final class Attribution {

    private static final String SPEECH_VERBS = "nlp/quotes/speech-verbs.txt";
    private static final Map<String, String> SPEECH = Lexicon.forms(SPEECH_VERBS);
    private static final Set<String> TITLES = Lexicon.words("nlp/quotes/titles.txt");
    private static final Set<String> ORG_HEADS = Lexicon.words("nlp/quotes/org-heads.txt");
    private static final Map<String, List<String>> SYNONYMS = Lexicon.pairs("nlp/quotes/head-synonyms.txt");
    private static final Map<String, String> DEMONYMS = Lexicon.map("nlp/quotes/demonyms.txt");
    private static final Set<String> CLAUSE_MARKERS = Set.of("WDT", "WP", "WRB", ":");
    /** Reporting verbs that never take a quote as object when followed by these ("called for", "pointed to"). */
    private static final Set<String> NOT_REPORTING_AFTER = Set.of("for", "on", "off", "up", "to");

    private final DocumentView doc;
    private final NounPhrases phrases;
    private final Referents referents;
    private final List<Span> spans;
    private final boolean[] insideTopLevel;

    /** Speaker found for one quote, with the tokens that named it. */
    private record Found(String key, double confidence, int first, int last, boolean blocked) {
        static Found nobody() {
            return new Found(null, 0, -1, -1, true);
        }
    }

    public Attribution(DocumentView doc) {
        this.doc = doc;
        this.phrases = new NounPhrases(doc, TITLES, ORG_HEADS);
        this.referents = new Referents(doc, TITLES, ORG_HEADS, SYNONYMS, DEMONYMS);
        this.spans = new QuoteSpanFinder().find(doc.string());
        this.insideTopLevel = new boolean[doc.size()];
        for (Span s : spans) {
            if (s.parent() < 0) {
                mark(insideTopLevel, s);
            }
        }
    }

    public List<Span> spans() {
        return spans;
    }

    public List<LocalQuote> quotes() {
        List<LocalQuote> out = new ArrayList<>();
        String lastSpeaker = null;
        int lastSpeakerSentence = -10;
        Found previous = null;
        Span previousSpan = null;
        for (int i = 0; i < spans.size(); i++) {
            Span span = spans.get(i);
            int openToken = doc.lookup().tokenFrom(span.contentStart());
            if (openToken < 0) {
                continue;
            }
            int sentence = doc.sentenceOfToken(openToken);
            String preferred = sentence - lastSpeakerSentence <= 3 ? lastSpeaker : null;
            Found found = attribute(i, span, preferred);
            if ((found == null || found.key() == null && !found.blocked()) && span.parent() < 0) {
                found = continuation(span, previousSpan, previous);
            }
            String key = found == null ? null : found.key();
            double confidence = key == null ? 0 : Math.round(found.confidence() * 100) / 100.0;
            Integer ms = key == null || found.first() < 0 ? null : doc.token(found.first()).start();
            Integer me = key == null || found.last() < 0 ? null : doc.token(found.last()).end();
            out.add(new LocalQuote(span.contentStart(), span.contentEnd(),
                    doc.string().substring(span.contentStart(), span.contentEnd()), key,
                    key == null ? null : doc.nameOf(key), confidence, ms, me));
            if (span.parent() < 0) {
                previous = found;
                previousSpan = span;
                if (key != null) {
                    lastSpeaker = key;
                    int closeToken = doc.lookup().tokenBefore(span.afterClose());
                    lastSpeakerSentence = closeToken < 0 ? sentence : doc.sentenceOfToken(closeToken);
                }
            }
        }
        return out;
    }

    private Found attribute(int index, Span span, String preferred) {
        IntPredicate masked = maskFor(index, span);
        int lo;
        int hi;
        if (span.parent() >= 0) {
            Span parent = spans.get(span.parent());
            lo = doc.lookup().tokenFrom(parent.contentStart());
            hi = doc.lookup().tokenBefore(parent.contentEnd());
        } else {
            lo = 0;
            hi = doc.size() - 1;
        }
        Found after = after(span, lo, hi, masked, preferred);
        if (after != null) {
            return after;
        }
        Found before = before(span, lo, masked, preferred);
        if (before != null) {
            return before;
        }
        Found closing = sentenceFinal(span, hi, masked, preferred);
        if (closing != null) {
            return closing;
        }
        return accordingTo(span, lo, hi, masked, preferred);
    }

    // ---- 1: after the closing mark ---------------------------------------------------------------------------

    private Found after(Span span, int lo, int hi, IntPredicate masked, String preferred) {
        if (span.close() < 0) {
            return null;
        }
        int closeToken = doc.lookup().tokenAt(span.close());
        int t = doc.lookup().tokenFrom(span.close() + 1);
        if (t < 0 || t > hi) {
            return null;
        }
        int sentence = doc.sentenceOfToken(closeToken >= 0 ? closeToken : t);
        int end = Math.min(hi, doc.sentenceEndToken(sentence));
        // a source credit on the same line: ”. -RT, ” — Reuters
        int c = t;
        while (c <= hi && (doc.word(c).equals(".") || doc.word(c).equals(","))) {
            c++;
        }
        if (c <= hi && isDash(doc.word(c)) && c + 1 <= hi && doc.mentionAt(c + 1) != null
                && doc.paragraphOf(doc.token(c + 1).start()) == doc.paragraphOf(span.close())) {
            Phrase p = phrases.forward(c + 1, hi, masked);
            Found f = resolve(p, span, preferred, 0.8);
            if (f != null && f.key() != null) {
                return f;
            }
        }
        if (doc.sentenceOfToken(t) != sentence) {
            return null; // the sentence ended with the quote
        }
        int i = t;
        while (i <= end && (doc.word(i).equals(",") || isDash(doc.word(i)) || doc.word(i).equals("(")
                || doc.word(i).equals("’") || doc.word(i).equals("'"))) {
            i++;
        }
        if (i > end) {
            return null;
        }
        if (doc.lower(i).equals("according") && i + 1 <= end && doc.lower(i + 1).equals("to")) {
            Found f = resolve(phrases.forward(i + 2, end, masked), span, preferred, 0.8);
            return f != null && f.key() != null ? f : null;
        }
        for (int v = i; v <= end && v < i + 30; v++) {
            if (masked.test(v)) {
                return null;
            }
            String pos = doc.pos(v);
            if (!(pos.startsWith("VB") || pos.equals("MD"))) {
                continue;
            }
            if (phrases.isAuxOrAdverb(v) && !isSpeech(v)) {
                continue; // "has", "was" before the reporting verb
            }
            if (!isSpeech(v)) {
                return null;
            }
            if (isActiveQuoted(v)) {
                return quotedAs(v, end, span, masked, preferred, 0.9);
            }
            int s = v - 1;
            while (s >= i && phrases.isAuxOrAdverb(s)) {
                s--;
            }
            if (s >= i && "CC".equals(doc.pos(s))) {
                return null; // “…” and said ...: the verb belongs to the subject before the quote
            }
            if (s < i) {
                // inverted: ”, said Tan Kefei
                Phrase p = phrases.forward(v + 1, end, masked);
                return resolveFinal(p, span, preferred, 0.9);
            }
            // the phrase right before the verb, past an apposition: "”, Yang Jin, an analyst, said",
            // "”, in addition to other spheres, Putin said"
            Found f = subjectOfHead(v, i, span, masked, preferred, 0.95, 0);
            return f == null ? Found.nobody() : f;
        }
        return null;
    }

    // ---- 2: before the opening mark --------------------------------------------------------------------------

    private Found before(Span span, int lo, IntPredicate masked, String preferred) {
        int openToken = doc.lookup().tokenBefore(span.open() + 1);
        int first = doc.lookup().tokenFrom(span.contentStart());
        if (first < 0) {
            return null;
        }
        int sentence = doc.sentenceOfToken(first);
        int start = Math.max(lo, doc.sentenceStartToken(sentence));
        int from = openToken >= 0 && doc.token(openToken).start() <= span.open() ? openToken : first - 1;
        // "Rachel Green disagreed: “…”": whatever the verb, a colon hands the quote to its subject
        int colon = from;
        while (colon >= start && masked.test(colon)) {
            colon--;
        }
        if (colon >= start && doc.word(colon).equals(":")) {
            int head = finiteHeadBefore(colon, Math.max(start, colon - 6), masked);
            if (head >= 0) {
                Found f = subjectOfHead(head, start, span, masked, preferred, 0.8, 0);
                if (f != null) {
                    return f;
                }
            }
        }
        for (int v = from; v >= start; v--) {
            if (masked.test(v) || !isSpeech(v) || !doc.pos(v).startsWith("VB")) {
                continue;
            }
            if (v + 1 < doc.size() && NOT_REPORTING_AFTER.contains(doc.lower(v + 1))
                    && !"say".equals(SPEECH.get(doc.lower(v))) && !"tell".equals(SPEECH.get(doc.lower(v)))) {
                continue; // "called for", "pointed to"
            }
            int s = v - 1;
            while (s >= start && !masked.test(s) && phrases.isAuxOrAdverb(s)) {
                s--;
            }
            if (s < start || masked.test(s) || doc.word(s).equals(",") && s - 1 >= start && masked.test(s - 1)) {
                // inverted, between two parts of a quote: “A,” said X, “B.” — X follows the verb
                Phrase p = phrases.forward(v + 1, doc.sentenceEndToken(sentence), masked);
                if (p.kind() != Kind.NONE) {
                    return resolveFinal(p, span, preferred, 0.85);
                }
            }
            Found f = subjectOfVerb(v, start, span, masked, preferred, 0.85);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    /** The speaker of reporting verb {@code v}: its subject, or the quoted person in "quoted X as saying". */
    private Found subjectOfVerb(int v, int start, Span span, IntPredicate masked, String preferred, double confidence) {
        if (isActiveQuoted(v)) {
            return quotedAs(v, doc.sentenceEndToken(doc.sentenceOfToken(v)), span, masked, preferred, confidence);
        }
        String pos = doc.pos(v);
        boolean finite = pos.equals("VBD") || pos.equals("VBZ") || pos.equals("VBP")
                || (v > 0 && phrases.isAuxOrAdverb(v - 1));
        if (pos.equals("VBG") && v > 0 && doc.lower(v - 1).equals("as")) {
            // "X was quoted as saying" / "quoted X as saying"
            for (int q = v - 2; q >= start && q > v - 8; q--) {
                if ("quote".equals(SPEECH.get(doc.lower(q)))) {
                    if (isActiveQuoted(q)) {
                        return quotedAs(q, v, span, masked, preferred, confidence);
                    }
                    return subjectOfVerb(q, start, span, masked, preferred, confidence);
                }
            }
        }
        if (!finite) {
            // "issued a statement saying": the subject of the clause's finite verb
            int head = finiteHeadBefore(v, start, masked);
            if (head < 0) {
                return null;
            }
            return subjectOfHead(head, start, span, masked, preferred, confidence - 0.05, 0);
        }
        return subjectOfHead(v, start, span, masked, preferred, confidence, 0);
    }

    private Found subjectOfHead(int v, int start, Span span, IntPredicate masked, String preferred, double confidence,
            int depth) {
        int s = v - 1;
        while (s >= start && !masked.test(s) && phrases.isAuxOrAdverb(s)) {
            s--;
        }
        if (s < start || masked.test(s)) {
            return null;
        }
        String w = doc.lower(s);
        if ((w.equals("and") || w.equals("but")) && depth < 2) {
            // "X has insisted ... and has condemned": the subject of the clause's first verb
            int head = clauseFirstHead(s, start, masked);
            return head < 0 ? null : subjectOfHead(head, start, span, masked, preferred, confidence - 0.05, depth + 1);
        }
        Phrase p;
        if (w.equals(",")) {
            p = appositionSubject(s, start, masked);
        } else {
            p = phrases.backward(s, start, masked);
        }
        if (p.kind() == Kind.NONE) {
            return null;
        }
        return resolveFinal(p, span, preferred, confidence);
    }

    /** "Yang Jin, a specialist at the academy, said": the name before the apposition. */
    private Phrase appositionSubject(int comma, int start, IntPredicate masked) {
        int prev = comma - 1;
        boolean finite = false;
        while (prev >= start && !masked.test(prev) && !doc.word(prev).equals(",")) {
            String pos = doc.pos(prev);
            if (pos.equals("VBD") || pos.equals("VBZ") || pos.equals("VBP") || pos.equals("MD")) {
                finite = true;
            }
            prev--;
        }
        int segStart = prev + 1;
        if (segStart < comma && (doc.pos(segStart).equals("WP") || doc.pos(segStart).equals("WDT"))
                && prev > start && doc.word(prev).equals(",")) {
            // "Martin Griffiths, who visited the country this month, said": step over the relative clause
            return appositionSubject(prev, start, masked);
        }
        if (finite) {
            return NounPhrases.Phrase.none();
        }
        Phrase segment = phrases.analyse(segStart, comma - 1);
        String opener = segStart < comma ? doc.lower(segStart) : "";
        boolean apposition = opener.equals("a") || opener.equals("an") || opener.equals("the") || opener.equals("who")
                || opener.equals("then") || opener.equals("now") || opener.equals("which") || opener.equals("also")
                || doc.pos(segStart).equals("CD") || doc.pos(segStart).equals("PRP$");
        if (!apposition && segment.kind() == Kind.NAMED) {
            return segment; // "..., Chinese defence ministry spokesman Tan Kefei, said"
        }
        if (prev >= start && doc.word(prev).equals(",")) {
            return phrases.backward(prev - 1, start, masked);
        }
        return segment.kind() == Kind.NAMED ? segment : NounPhrases.Phrase.none();
    }

    // ---- 3: a reporting clause at the end of the sentence ----------------------------------------------------

    private Found sentenceFinal(Span span, int hi, IntPredicate masked, String preferred) {
        int closeToken = span.close() >= 0 ? doc.lookup().tokenAt(span.close()) : -1;
        if (closeToken < 0) {
            return null;
        }
        int sentence = doc.sentenceOfToken(closeToken);
        int end = Math.min(hi, doc.sentenceEndToken(sentence));
        for (int v = end; v > closeToken; v--) {
            if (masked.test(v)) {
                return null;
            }
            String pos = doc.pos(v);
            if (!(pos.startsWith("VB") || pos.equals("MD"))) {
                continue;
            }
            if (!isSpeech(v)) {
                return null;
            }
            int s = v - 1;
            while (s > closeToken && phrases.isAuxOrAdverb(s)) {
                s--;
            }
            Phrase p = phrases.backward(s, closeToken + 1, masked);
            if (p.first() <= closeToken + 1 || !doc.word(p.first() - 1).equals(",")) {
                return null; // not a parenthetical "..., X said."
            }
            return resolveFinal(p, span, preferred, 0.85);
        }
        return null;
    }

    // ---- 4: according to -------------------------------------------------------------------------------------

    private Found accordingTo(Span span, int lo, int hi, IntPredicate masked, String preferred) {
        int first = doc.lookup().tokenFrom(span.contentStart());
        int sentence = doc.sentenceOfToken(first);
        int start = Math.max(lo, doc.sentenceStartToken(sentence));
        int closeToken = span.close() >= 0 ? doc.lookup().tokenAt(span.close()) : -1;
        int end = Math.min(hi, doc.sentenceEndToken(closeToken >= 0 ? doc.sentenceOfToken(closeToken) : sentence));
        for (int t = start; t < end; t++) {
            if (!masked.test(t) && doc.lower(t).equals("according") && doc.lower(t + 1).equals("to")) {
                Found f = resolve(phrases.forward(t + 2, end, masked), span, preferred, 0.8);
                if (f != null && f.key() != null) {
                    return f;
                }
            }
        }
        return null;
    }

    // ---- 5: continuation -------------------------------------------------------------------------------------

    private Found continuation(Span span, Span previousSpan, Found previous) {
        if (previousSpan == null || previous == null || previous.key() == null) {
            return null;
        }
        if (!opensSentence(span)) {
            return null;
        }
        int paragraph = doc.paragraphOf(span.open());
        int previousParagraph = doc.paragraphOf(previousSpan.afterClose() - 1);
        String between = doc.string().substring(previousSpan.afterClose(), span.open());
        if (paragraph == previousParagraph) {
            // “A,” he said. “B.” — only the attribution between them
            if (namesOtherPerson(previousSpan.afterClose(), span.open(), previous.key())) {
                return null;
            }
            return new Found(previous.key(), Math.min(previous.confidence(), 0.9) - 0.1, previous.first(), previous.last(),
                    false);
        }
        boolean opensParagraph = between.strip().isEmpty() || between.lastIndexOf('\n') >= 0
                && between.substring(between.lastIndexOf('\n')).strip().isEmpty();
        if (opensParagraph && paragraph - previousParagraph <= 2 && between.strip().length() < 3
                && endsParagraph(span)) {
            // a paragraph holding only a quote, right after a paragraph whose quote was attributed
            return new Found(previous.key(), 0.5, previous.first(), previous.last(), false);
        }
        return null;
    }

    private boolean opensSentence(Span span) {
        int t = doc.lookup().tokenBefore(span.open() + 1);
        if (t < 0) {
            return true;
        }
        int sentence = doc.sentenceOfToken(t);
        int start = doc.sentenceStartToken(sentence);
        return doc.token(start).start() >= span.open() || t == start;
    }

    private boolean endsParagraph(Span span) {
        int i = span.afterClose();
        String s = doc.string();
        while (i < s.length() && s.charAt(i) != '\n') {
            if (Character.isLetterOrDigit(s.charAt(i))) {
                return false;
            }
            i++;
        }
        return true;
    }

    /** Whether someone else than {@code key} is named between two quotes (not counting "an analyst at X"). */
    private boolean namesOtherPerson(int from, int to, String key) {
        for (NamedMention m : doc.mentions()) {
            if (m.start() >= from && m.end() <= to && "PERSON".equals(m.type()) && !doc.keyOf(m).equals(key)) {
                int t = doc.lookup().tokenFrom(m.start());
                String before = t > 0 ? doc.lower(t - 1) : "";
                if (!Set.of("at", "of", "for", "from", "with", "by").contains(before)) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---- resolution ------------------------------------------------------------------------------------------

    /** Resolve a phrase; a phrase that names no one ends the search with no speaker. */
    private Found resolveFinal(Phrase p, Span span, String preferred, double confidence) {
        Found f = resolve(p, span, preferred, confidence);
        if (f == null) {
            return Found.nobody();
        }
        return f;
    }

    private Found resolve(Phrase p, Span span, String preferred, double confidence) {
        switch (p.kind()) {
            case NAMED -> {
                String type = doc.entity(p.key()) == null ? null : doc.entity(p.key()).type();
                double c = "LOCATION".equals(type) ? confidence * 0.9 : confidence;
                return new Found(p.key(), c, p.first(), p.last(), false);
            }
            case PRONOUN -> {
                Referent r = referents.pronoun(p.first(), p.pronoun(), preferred);
                return r == null ? null : new Found(r.key(), Math.min(confidence, r.confidence()), p.first(), p.last(), false);
            }
            case IT -> {
                Referent r = referents.it(p.first());
                return r == null ? null : new Found(r.key(), Math.min(confidence, r.confidence()), p.first(), p.last(), false);
            }
            case TITLE -> {
                Referent r = referents.title(p.words(), doc.token(p.first()).start());
                return r == null ? null : new Found(r.key(), Math.min(confidence, r.confidence()), p.first(), p.last(), false);
            }
            case BLOCKED -> {
                return Found.nobody();
            }
            default -> {
                return null;
            }
        }
    }

    /** "quoted Li as saying": the speaker is the object. */
    private Found quotedAs(int v, int end, Span span, IntPredicate masked, String preferred, double confidence) {
        int as = -1;
        for (int t = v + 1; t <= end && t < v + 10; t++) {
            if (doc.lower(t).equals("as")) {
                as = t;
                break;
            }
        }
        if (as < 0) {
            return Found.nobody();
        }
        return resolveFinal(phrases.analyse(v + 1, as - 1), span, preferred, confidence);
    }

    private boolean isActiveQuoted(int v) {
        if (!"quote".equals(SPEECH.get(doc.lower(v))) || !doc.pos(v).startsWith("VB")) {
            return false;
        }
        int p = v - 1;
        while (p >= 0 && doc.pos(p).startsWith("RB")) {
            p--;
        }
        String aux = p >= 0 ? doc.lower(p) : "";
        boolean passive = Set.of("was", "were", "is", "are", "been", "being", "be").contains(aux);
        return !passive;
    }

    private boolean isSpeech(int t) {
        String w = doc.lower(t);
        String lemma = SPEECH.get(w);
        if (lemma == null) {
            lemma = SPEECH.get(doc.lemma(t));
        }
        if (lemma == null) {
            return false;
        }
        String pos = doc.pos(t);
        if (!pos.startsWith("VB")) {
            return false;
        }
        if (lemma.equals("point")) {
            return t + 1 < doc.size() && doc.lower(t + 1).equals("out");
        }
        return true;
    }

    private int finiteHeadBefore(int v, int start, IntPredicate masked) {
        for (int t = v - 1; t >= start; t--) {
            if (masked.test(t)) {
                continue;
            }
            String pos = doc.pos(t);
            if (pos.equals("VBD") || pos.equals("VBZ") || pos.equals("VBP") || pos.equals("MD")) {
                // step back to the first auxiliary of the group
                while (t - 1 >= start && phrases.isAuxOrAdverb(t - 1) && !doc.word(t - 1).equals(",")) {
                    t--;
                }
                return t;
            }
        }
        return -1;
    }

    /** The first finite verb group of the clause holding token {@code t} (clauses end at who/which/where, ;, :). */
    private int clauseFirstHead(int t, int start, IntPredicate masked) {
        int clauseStart = start;
        for (int i = t; i >= start; i--) {
            if (CLAUSE_MARKERS.contains(doc.pos(i)) || doc.word(i).equals(";")) {
                clauseStart = i + 1;
                break;
            }
        }
        for (int i = clauseStart; i < t; i++) {
            if (masked.test(i)) {
                continue;
            }
            String pos = doc.pos(i);
            if (pos.equals("VBD") || pos.equals("VBZ") || pos.equals("VBP") || pos.equals("MD")) {
                return i;
            }
        }
        return -1;
    }

    private IntPredicate maskFor(int index, Span span) {
        if (span.parent() < 0) {
            return t -> insideTopLevel[t] || inside(span, t);
        }
        boolean[] mask = new boolean[doc.size()];
        for (int j = 0; j < spans.size(); j++) {
            if (spans.get(j).parent() == span.parent()) {
                mark(mask, spans.get(j));
            }
        }
        return t -> mask[t];
    }

    private boolean inside(Span s, int token) {
        int start = doc.token(token).start();
        return start >= s.open() && start < s.afterClose();
    }

    private void mark(boolean[] mask, Span s) {
        int t = doc.lookup().tokenFrom(s.open());
        while (t >= 0 && t < doc.size() && doc.token(t).start() < s.afterClose()) {
            mask[t] = true;
            t++;
        }
    }

    private static boolean isDash(String w) {
        return w.equals("-") || w.equals("—") || w.equals("–") || w.equals("--");
    }
}
