package io.newslens.nlp.pipeline.time;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import io.newslens.nlp.pipeline.AnalyzedText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds an {@link AnalyzedText} for a test article: tokens, sentences, POS and lemmas from CoreNLP (the same
 * tokenizer options as the language layer, no NER), and named mentions written inline, so that the time, quote
 * and event rules are tested against the AnalyzedText contract rather than against what a NER model happens to
 * find. Markup: {@code [[Li Shangfu|PERSON]]}, {@code [[Moscow|LOCATION|CITY]]}, and for a short form resolved to a
 * fuller name {@code [[Putin|PERSON|=Vladimir Putin]]}.
 */
public final class TestTexts {

    private static final Pattern MARKUP = Pattern.compile("\\[\\[([^|\\]]+)\\|([A-Z]+)(?:\\|([^\\]]+))?]]");
    private static StanfordCoreNLP pipeline;

    private TestTexts() {
    }

    private static synchronized StanfordCoreNLP pipeline() {
        if (pipeline == null) {
            Properties p = new Properties();
            p.setProperty("annotators", "tokenize,ssplit,pos,lemma");
            p.setProperty("tokenize.options", "invertible=true,untokenizable=noneKeep");
            p.setProperty("ssplit.newlineIsSentenceBreak", "always");
            pipeline = new StanfordCoreNLP(p);
        }
        return pipeline;
    }

    /** @param published an ISO date ("2024-05-15") or null */
    public static AnalyzedText of(String marked, String published) {
        StringBuilder plain = new StringBuilder();
        record Raw(int start, int end, String text, String type, String subtype, String canonical) {
        }
        List<Raw> raws = new ArrayList<>();
        Matcher m = MARKUP.matcher(marked);
        int last = 0;
        while (m.find()) {
            plain.append(marked, last, m.start());
            int start = plain.length();
            plain.append(m.group(1));
            String extra = m.group(3);
            String subtype = extra != null && !extra.startsWith("=") ? extra : null;
            String canonical = extra != null && extra.startsWith("=") ? extra.substring(1) : m.group(1);
            raws.add(new Raw(start, plain.length(), m.group(1), m.group(2), subtype, canonical));
            last = m.end();
        }
        plain.append(marked.substring(last));
        String text = plain.toString();
        CoreDocument doc = new CoreDocument(text);
        pipeline().annotate(doc);
        List<AnalyzedText.Sentence> sentences = new ArrayList<>();
        int index = 0;
        for (int s = 0; s < doc.sentences().size(); s++) {
            CoreSentence cs = doc.sentences().get(s);
            List<AnalyzedText.Token> tokens = new ArrayList<>();
            for (CoreLabel t : cs.tokens()) {
                tokens.add(new AnalyzedText.Token(index++, s, t.beginPosition(), t.endPosition(), t.word(), t.tag(),
                        t.lemma(), "O"));
            }
            sentences.add(new AnalyzedText.Sentence(s, tokens.get(0).start(), tokens.get(tokens.size() - 1).end(), tokens));
        }
        List<AnalyzedText.NamedMention> mentions = new ArrayList<>();
        Map<String, List<Raw>> byKey = new LinkedHashMap<>();
        for (Raw r : raws) {
            String key = r.type() + ":" + r.canonical().toLowerCase(Locale.ROOT);
            int sentence = 0;
            for (AnalyzedText.Sentence s : sentences) {
                if (s.start() <= r.start() && r.start() < s.end() + 1) {
                    sentence = s.index();
                }
            }
            mentions.add(new AnalyzedText.NamedMention(r.start(), r.end(), r.text(), r.type(), r.subtype(), key, sentence));
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<AnalyzedText.LocalEntity> entities = new ArrayList<>();
        byKey.forEach((key, rs) -> entities.add(new AnalyzedText.LocalEntity(key, rs.get(0).canonical(), rs.get(0).type(),
                rs.get(0).subtype(), rs.stream().map(Raw::text).distinct().toList(), rs.size())));
        Instant at = published == null ? null : Instant.parse(published + "T00:00:00Z");
        return new AnalyzedText(text, at, sentences, mentions, entities);
    }
}
