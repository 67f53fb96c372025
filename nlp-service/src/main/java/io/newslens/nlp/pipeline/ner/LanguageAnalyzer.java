package io.newslens.nlp.pipeline.ner;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.time.TimeAnnotations;
import edu.stanford.nlp.time.TimeExpressionExtractor;
import edu.stanford.nlp.time.TimeExpressionExtractorFactory;
import edu.stanford.nlp.time.Timex;
import edu.stanford.nlp.util.ArrayCoreMap;
import edu.stanford.nlp.util.CoreMap;
import io.newslens.nlp.pipeline.AnalyzedText;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The language layer without any framework: tokens, sentences, POS, lemmas and NER from one CoreNLP pipeline tuned
 * for speed ({@link CoreNlpSettings#fast()}), SUTime on the sentences that can hold a time expression, then the
 * gazetteer, pattern and correction rules ({@link MentionRules}) and in-article resolution ({@link InArticleResolver}).
 *
 * <p>Build one per process (loading takes seconds) and share it: {@link #analyze} is thread-safe, the CoreNLP
 * pipeline and SUTime are used read-only and all per-document state lives on the calling thread.
 */
public final class LanguageAnalyzer {

    private static final java.util.Set<String> TIME_TAGS = java.util.Set.of("DATE", "TIME", "DURATION", "SET");

    private final StanfordCoreNLP pipeline;
    private final TimeExpressionExtractor sutime;
    private final Lexicon lexicon;
    private final MentionRules rules;

    public LanguageAnalyzer() {
        this(CoreNlpSettings.fast());
    }

    public LanguageAnalyzer(Properties coreNlp) {
        pipeline = new StanfordCoreNLP(coreNlp);
        sutime = TimeExpressionExtractorFactory.createExtractor("sutime", new Properties());
        StanfordCoreNLP tokenizer = new StanfordCoreNLP(CoreNlpSettings.tokenizerOnly());
        lexicon = new Lexicon(phrase -> {
            CoreDocument doc = new CoreDocument(phrase);
            tokenizer.annotate(doc);
            return doc.tokens().stream().map(CoreLabel::word).toList();
        });
        rules = new MentionRules(lexicon);
    }

    /** Runs a few texts through every step so JIT and lazily loaded resources are ready before real traffic. */
    public LanguageAnalyzer warmUp() {
        for (int i = 0; i < 3; i++) {
            analyze("Warm-up: Russian President Vladimir Putin met Chinese Defence Minister Li Shangfu in Moscow on "
                    + "Sunday.\nMoscow said the S-400 and Su-35 deliveries to the People's Liberation Army (PLA) would "
                    + "continue next week, Putin told reporters at 10:30 a.m.", Instant.parse("2023-04-17T00:00:00Z"));
        }
        return this;
    }

    public int gazetteerSize() {
        return lexicon.gazetteerSize();
    }

    public AnalyzedText analyze(String text, Instant publishedAt) {
        Annotation annotation = new Annotation(text);
        pipeline.annotate(annotation);
        List<CoreMap> sentences = annotation.get(CoreAnnotations.SentencesAnnotation.class);
        String docDate = publishedAt == null ? null : publishedAt.atZone(ZoneOffset.UTC).toLocalDate().toString();
        int n = 0;
        for (CoreMap sentence : sentences) {
            tagTimeExpressions(sentence, docDate);
            n += sentence.get(CoreAnnotations.TokensAnnotation.class).size();
        }
        Doc d = new Doc(text, n, sentences.size());
        int i = 0;
        for (int s = 0; s < sentences.size(); s++) {
            d.sentenceStart[s] = i;
            for (CoreLabel t : sentences.get(s).get(CoreAnnotations.TokensAnnotation.class)) {
                d.word[i] = t.word();
                d.norm[i] = Lexicon.normalize(t.word());
                d.pos[i] = t.tag();
                d.lemma[i] = t.lemma();
                d.ner[i] = t.ner() == null ? "O" : t.ner();
                d.begin[i] = t.beginPosition();
                d.end[i] = t.endPosition();
                d.sentence[i] = s;
                i++;
            }
        }
        d.sentenceStart[sentences.size()] = n;

        List<Span> spans = rules.apply(d);
        InArticleResolver.Result resolved = new InArticleResolver().resolve(d, spans);

        List<AnalyzedText.Sentence> out = new ArrayList<>(sentences.size());
        for (int s = 0; s < sentences.size(); s++) {
            int from = d.sentenceStart[s];
            int to = d.sentenceStart[s + 1];
            List<AnalyzedText.Token> tokens = new ArrayList<>(to - from);
            for (int k = from; k < to; k++) {
                tokens.add(new AnalyzedText.Token(k, s, d.begin[k], d.end[k], d.word[k], d.pos[k], d.lemma[k], d.ner[k]));
            }
            int start = tokens.isEmpty() ? 0 : tokens.get(0).start();
            int end = tokens.isEmpty() ? 0 : tokens.get(tokens.size() - 1).end();
            out.add(new AnalyzedText.Sentence(s, start, end, List.copyOf(tokens)));
        }
        return new AnalyzedText(text, publishedAt, List.copyOf(out), List.copyOf(resolved.mentions()),
                List.copyOf(resolved.entities()));
    }

    /**
     * SUTime, only where it can find something: windows of a few tokens around each digit or temporal word (month,
     * weekday, "week", "ago", ...), merged where they touch; a sentence without any is skipped. SUTime's cost grows
     * with the tokens it sees, and most of a news sentence is far from any time expression. Its DATE/TIME/DURATION/SET
     * spans replace O and numeric tags, never a name's tag.
     */
    private void tagTimeExpressions(CoreMap sentence, String docDate) {
        List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
        int windowStart = -1;
        int windowEnd = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (!isTemporalCue(tokens.get(i).word())) {
                continue;
            }
            int from = Math.max(0, i - WINDOW_BEFORE);
            int to = Math.min(tokens.size(), i + WINDOW_AFTER + 1);
            if (windowStart >= 0 && from <= windowEnd) {
                windowEnd = Math.max(windowEnd, to);
                continue;
            }
            if (windowStart >= 0) {
                tagWindow(tokens, windowStart, windowEnd, docDate);
            }
            windowStart = from;
            windowEnd = to;
        }
        if (windowStart >= 0) {
            tagWindow(tokens, windowStart, windowEnd, docDate);
        }
    }

    private static final int WINDOW_BEFORE = 3;
    private static final int WINDOW_AFTER = 4;

    private boolean isTemporalCue(String w) {
        for (int k = 0; k < w.length(); k++) {
            if (Character.isDigit(w.charAt(k))) {
                return true;
            }
        }
        return lexicon.temporalCues.contains(Lexicon.normalize(w));
    }

    private void tagWindow(List<CoreLabel> sentenceTokens, int from, int to, String docDate) {
        List<CoreLabel> tokens = sentenceTokens.subList(from, to);
        CoreMap window = new ArrayCoreMap();
        window.set(CoreAnnotations.TokensAnnotation.class, tokens);
        window.set(CoreAnnotations.CharacterOffsetBeginAnnotation.class, tokens.get(0).beginPosition());
        window.set(CoreAnnotations.CharacterOffsetEndAnnotation.class, tokens.get(tokens.size() - 1).endPosition());
        List<CoreMap> expressions = sutime.extractTimeExpressionCoreMaps(window, docDate);
        for (CoreMap expression : expressions) {
            Timex timex = expression.get(TimeAnnotations.TimexAnnotation.class);
            if (timex == null || !TIME_TAGS.contains(timex.timexType())) {
                continue;
            }
            int begin = expression.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
            int end = expression.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
            for (CoreLabel t : tokens) {
                if (t.beginPosition() >= begin && t.endPosition() <= end
                        && (t.ner() == null || "O".equals(t.ner()) || MentionRules.NUMERIC_TAGS.contains(t.ner()))) {
                    t.setNER(timex.timexType());
                    t.set(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class, timex.value());
                }
            }
        }
    }
}
