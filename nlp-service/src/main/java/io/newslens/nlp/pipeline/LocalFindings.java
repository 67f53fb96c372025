package io.newslens.nlp.pipeline;

import java.util.List;

/** What the higher layers find in one document, with entities still named by their document-local keys. */
public final class LocalFindings {

    private LocalFindings() {
    }

    /**
     * A direct quote. Speaker fields are null when no speaker can be given with confidence.
     *
     * @param speakerKey the {@link AnalyzedText.LocalEntity#key()} of the speaker
     */
    public record LocalQuote(int start, int end, String text, String speakerKey, String speakerName, double confidence,
            Integer speakerMentionStart, Integer speakerMentionEnd) {
    }

    /**
     * An event read from one sentence.
     *
     * @param type MEETING, VISIT, TALKS, STATEMENT, SANCTIONS, ARMS_TRANSFER, MILITARY_EXERCISE, ...
     * @param participantKeys local entity keys
     * @param placeKey local entity key of the place, or null
     * @param time ISO-8601 date or range, or null
     */
    public record LocalEvent(String type, List<String> participantKeys, String placeKey, String time, String evidence,
            int evidenceStart, int evidenceEnd, double confidence) {
    }
}
