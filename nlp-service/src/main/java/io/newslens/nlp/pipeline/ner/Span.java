package io.newslens.nlp.pipeline.ner;

/** A candidate or accepted mention over tokens {@code [start, end)} of one document, while the rules work on it. */
final class Span {

    /** Where a span came from; used to break ties and to document decisions. */
    enum Source {
        CORENLP(1), GAZETTEER_WEAK(1), DESIGNATION(2), GAZETTEER(3), STRUCTURE(4), CONSISTENCY(2);

        final int priority;

        Source(int priority) {
            this.priority = priority;
        }
    }

    int start;
    int end;
    String type;
    String subtype;
    Source source;

    Span(int start, int end, String type, String subtype, Source source) {
        this.start = start;
        this.end = end;
        this.type = type;
        this.subtype = subtype;
        this.source = source;
    }

    int length() {
        return end - start;
    }

    boolean overlaps(Span o) {
        return start < o.end && o.start < end;
    }

    boolean contains(Span o) {
        return start <= o.start && o.end <= end;
    }

    @Override
    public String toString() {
        return "[" + start + "," + end + ")" + type + (subtype == null ? "" : "/" + subtype) + "<" + source + ">";
    }
}
