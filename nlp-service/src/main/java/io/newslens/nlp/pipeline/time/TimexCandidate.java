package io.newslens.nlp.pipeline.time;

/**
 * One temporal expression found by the grammar, already normalised where it can be.
 *
 * @param kind DATE, TIME, RANGE, DURATION or SET
 * @param value ISO-8601 value, or null when it cannot be resolved (no publication date, no anchor)
 * @param rule the grammar rule that matched (for debugging and tie-breaking)
 * @param anaphora for "the next day", "the previous week": the offset from the last day-level date before it,
 *        as a signed ISO-like amount ("+1D", "-1W", "+1M", "+1Y"); null for any other expression
 * @param timeOfDay for a bare time ("10 a.m.", "morning"): the time part ("T10:00", "TMO") to merge with a date
 */
public record TimexCandidate(int start, int end, String kind, String value, String rangeStart, String rangeEnd,
        int rule, String anaphora, String timeOfDay) {

    public int length() {
        return end - start;
    }

    static TimexCandidate date(int start, int end, String value, int rule) {
        return new TimexCandidate(start, end, "DATE", value, null, null, rule, null, null);
    }

    static TimexCandidate range(int start, int end, String from, String to, int rule) {
        String value = from == null || to == null ? null : from + "/" + to;
        return new TimexCandidate(start, end, "RANGE", value, from, to, rule, null, null);
    }

    static TimexCandidate duration(int start, int end, String value, int rule) {
        return new TimexCandidate(start, end, "DURATION", value, null, null, rule, null, null);
    }

    static TimexCandidate set(int start, int end, String value, int rule) {
        return new TimexCandidate(start, end, "SET", value, null, null, rule, null, null);
    }

    TimexCandidate withSpan(int newStart, int newEnd) {
        return new TimexCandidate(newStart, newEnd, kind, value, rangeStart, rangeEnd, rule, anaphora, timeOfDay);
    }
}
