package io.newslens.query.stories;

import io.newslens.contracts.Annotations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Articles annotated by hand for the disagreement tests: sentences split at full stops, a mention wherever a listed name
 * occurs, temporals and quotes where listed. Enough of what the NLP pipeline gives to exercise {@link DisagreementFinder}
 * on texts written for a point.
 */
final class HandAnnotated {

    record Name(String text, String id, String type, String subtype) {
    }

    private final String id;
    private final String source;
    private final String text;
    private final List<Name> names = new ArrayList<>();
    private final List<Annotations.Temporal> temporals = new ArrayList<>();
    private final List<Annotations.Quote> quotes = new ArrayList<>();

    private HandAnnotated(String id, String source, String text) {
        this.id = id;
        this.source = source;
        this.text = text;
    }

    static HandAnnotated article(String id, String source, String text) {
        return new HandAnnotated(id, source, text);
    }

    HandAnnotated name(String text, String entityId, String type, String subtype) {
        names.add(new Name(text, entityId, type, subtype));
        return this;
    }

    HandAnnotated name(String text, String entityId, String type) {
        return name(text, entityId, type, null);
    }

    HandAnnotated temporal(String phrase, String value, String kind) {
        int at = text.indexOf(phrase);
        if (at < 0) {
            throw new IllegalArgumentException("no '" + phrase + "' in " + id);
        }
        temporals.add(new Annotations.Temporal(at, at + phrase.length(), phrase, value, kind, null, null));
        return this;
    }

    HandAnnotated quote(String quoted, String speakerId, String speakerName) {
        int at = text.indexOf(quoted);
        if (at < 0) {
            throw new IllegalArgumentException("no quote '" + quoted + "' in " + id);
        }
        quotes.add(new Annotations.Quote(at, at + quoted.length(), quoted, speakerId, speakerName, 0.9, null, null));
        return this;
    }

    DisagreementFinder.Doc doc() {
        List<Annotations.Sentence> sentences = new ArrayList<>();
        Matcher m = Pattern.compile("[^.!?\\n]+(?:[.!?]+[\"”]?|$)").matcher(text);
        while (m.find()) {
            if (!m.group().isBlank()) {
                sentences.add(new Annotations.Sentence(m.start(), m.end()));
            }
        }
        List<Annotations.Mention> mentions = new ArrayList<>();
        List<Annotations.Entity> entities = new ArrayList<>();
        for (Name n : names) {
            Matcher nm = Pattern.compile("\\b" + Pattern.quote(n.text()) + "\\b").matcher(text);
            int count = 0;
            while (nm.find()) {
                mentions.add(new Annotations.Mention(nm.start(), nm.end(), n.text(), n.type(), n.subtype(), n.id()));
                count++;
            }
            if (count > 0 && entities.stream().noneMatch(e -> e.id().equals(n.id()))) {
                entities.add(new Annotations.Entity(n.id(), n.text(), n.type(), n.subtype(), List.of(n.text()), null, count,
                        0.1, null));
            }
        }
        mentions.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return new DisagreementFinder.Doc(id, source, Instant.parse("2025-03-05T10:00:00Z"), text,
                new Annotations(sentences, mentions, entities, temporals, quotes, List.of(), List.of(), null, null));
    }
}
