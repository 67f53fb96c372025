package io.newslens.nlp.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newslens.contracts.Annotations;
import io.newslens.nlp.linking.EntityRegistry;
import io.newslens.nlp.linking.ResolvedEntity;
import io.newslens.nlp.pipeline.AnalyzedText;
import io.newslens.nlp.pipeline.EventExtractor;
import io.newslens.nlp.pipeline.KeyphraseExtractor;
import io.newslens.nlp.pipeline.LanguageLayer;
import io.newslens.nlp.pipeline.LocalFindings;
import io.newslens.nlp.pipeline.QuoteAttributor;
import io.newslens.nlp.pipeline.SentimentScorer;
import io.newslens.nlp.pipeline.TemporalTagger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The whole annotation of one text: language layer, cross-document entity identity, time, quotes, events,
 * keyphrases, sentiment and the embedding, mapped to the shared {@link Annotations} contract.
 */
@ApplicationScoped
public class NlpPipeline {

    @Inject
    LanguageLayer language;
    @Inject
    EntityRegistry registry;
    @Inject
    TemporalTagger temporalTagger;
    @Inject
    QuoteAttributor quoteAttributor;
    @Inject
    EventExtractor eventExtractor;
    @Inject
    KeyphraseExtractor keyphrases;
    @Inject
    SentimentScorer sentiment;
    @Inject
    Embedder embedder;
    @Inject
    MeterRegistry meters;

    /** Annotates an article of the stream: new entities are registered, so their ids hold from now on. */
    public Annotations annotate(String title, String text, Instant publishedAt) {
        return annotate(title, text, publishedAt, true);
    }

    /**
     * @param register false for ad-hoc text: entities get the ids they have or would get, and nothing is stored
     */
    public Annotations annotate(String title, String text, Instant publishedAt, boolean register) {
        Timer.Sample sample = Timer.start(meters);
        AnalyzedText analyzed = language.analyze(text, publishedAt);
        Map<String, ResolvedEntity> resolved = register ? registry.resolve(analyzed.entities(), analyzed)
                : registry.resolveWithoutStoring(analyzed.entities(), analyzed);

        List<Annotations.Sentence> sentences = analyzed.sentences().stream()
                .map(s -> new Annotations.Sentence(s.start(), s.end())).toList();
        List<Annotations.Mention> mentions = new ArrayList<>();
        for (AnalyzedText.NamedMention m : analyzed.mentions()) {
            ResolvedEntity e = resolved.get(m.localEntityKey());
            mentions.add(new Annotations.Mention(m.start(), m.end(), m.text(), m.type(), m.subtype(), e == null ? null : e.id()));
        }

        double[] sentenceScores = new double[analyzed.sentences().size()];
        for (int i = 0; i < sentenceScores.length; i++) {
            sentenceScores[i] = sentiment.sentence(analyzed.sentences().get(i));
        }
        List<Annotations.Entity> entities = mergeEntities(analyzed, resolved, sentenceScores);

        List<Annotations.Temporal> temporals = temporalTagger.tag(analyzed);
        List<Annotations.Quote> quotes = quoteAttributor.attribute(analyzed).stream()
                .map(q -> toQuote(q, resolved)).toList();
        List<Annotations.Event> events = eventExtractor.extract(analyzed, temporals).stream()
                .map(e -> toEvent(e, resolved)).toList();
        Annotations result = new Annotations(sentences, mentions, entities, temporals, quotes, events,
                keyphrases.extract(analyzed), sentiment.document(analyzed, sentenceScores), embedder.embed(title, text));
        sample.stop(meters.timer("newslens.nlp.annotate.duration"));
        return result;
    }

    private List<Annotations.Entity> mergeEntities(AnalyzedText analyzed, Map<String, ResolvedEntity> resolved,
            double[] sentenceScores) {
        // several document entities can resolve to one global entity ("U.S." and "United States")
        Map<String, ResolvedEntity> byId = new LinkedHashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Set<String>> aliases = new HashMap<>();
        Map<String, Set<Integer>> sentencesOf = new HashMap<>();
        for (AnalyzedText.NamedMention m : analyzed.mentions()) {
            ResolvedEntity e = resolved.get(m.localEntityKey());
            if (e == null) {
                continue;
            }
            byId.putIfAbsent(e.id(), e);
            counts.merge(e.id(), 1, Integer::sum);
            aliases.computeIfAbsent(e.id(), k -> new LinkedHashSet<>(e.aliases() == null ? List.of() : e.aliases()))
                    .add(m.text());
            sentencesOf.computeIfAbsent(e.id(), k -> new LinkedHashSet<>()).add(m.sentence());
        }
        int total = Math.max(1, analyzed.mentions().size());
        List<Annotations.Entity> out = new ArrayList<>();
        for (ResolvedEntity e : byId.values()) {
            Set<String> forms = aliases.get(e.id());
            forms.remove(e.name());
            double sum = 0;
            int n = 0;
            for (int s : sentencesOf.get(e.id())) {
                if (s < sentenceScores.length && sentenceScores[s] != 0) {
                    sum += sentenceScores[s];
                    n++;
                }
            }
            Double entitySentiment = n == 0 ? null : Math.round(sum / n * 1000) / 1000.0;
            out.add(new Annotations.Entity(e.id(), e.name(), e.type(), e.subtype(), List.copyOf(forms), e.wikipedia(),
                    counts.get(e.id()), Math.round(counts.get(e.id()) * 1000.0 / total) / 1000.0, entitySentiment));
        }
        out.sort((a, b) -> Integer.compare(b.mentionCount(), a.mentionCount()));
        return out;
    }

    private static Annotations.Quote toQuote(LocalFindings.LocalQuote q, Map<String, ResolvedEntity> resolved) {
        ResolvedEntity speaker = q.speakerKey() == null ? null : resolved.get(q.speakerKey());
        return new Annotations.Quote(q.start(), q.end(), q.text(), speaker == null ? null : speaker.id(),
                speaker == null ? q.speakerName() : speaker.name(), q.confidence(), q.speakerMentionStart(),
                q.speakerMentionEnd());
    }

    private static Annotations.Event toEvent(LocalFindings.LocalEvent e, Map<String, ResolvedEntity> resolved) {
        List<String> participants = e.participantKeys().stream().map(resolved::get).filter(Objects::nonNull)
                .map(ResolvedEntity::id).distinct().toList();
        ResolvedEntity place = e.placeKey() == null ? null : resolved.get(e.placeKey());
        return new Annotations.Event(e.type(), participants, place == null ? null : place.id(), e.time(), e.evidence(),
                e.evidenceStart(), e.evidenceEnd(), e.confidence());
    }
}
