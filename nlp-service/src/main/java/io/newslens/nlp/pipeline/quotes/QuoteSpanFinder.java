package io.newslens.nlp.pipeline.quotes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds spans in quote marks: double (straight and curly, „ and « » too) and single (‘ ’ and straight), nested
 * spans inside others, and quotes running over several paragraphs.
 *
 * <p>A paragraph is a line. An opening double mark with no closing mark in its paragraph continues into the
 * next paragraph when that one opens with a quote mark again (the usual convention). When it stood at the start of
 * its paragraph and the next one does not reopen, it may be a quoted block copied from elsewhere: it then runs up
 * to a closing mark without an opening one within the next paragraphs, provided no other double mark stands
 * between (inner quotes of such a block use single marks). Otherwise it ends with its paragraph. An apostrophe ("China’s", "nations’") never closes a single quote unless a word does not
 * follow it and a single quote is open.
 */
public final class QuoteSpanFinder {

    /** How far a quoted block may run to find its closing mark, in paragraphs. */
    static final int MAX_BLOCK_PARAGRAPHS = 12;

    /**
     * @param open offset of the opening mark
     * @param close offset of the closing mark, or -1 when the quote is not closed (it ends with its paragraph)
     * @param contentStart first character inside the marks
     * @param contentEnd end (exclusive) of the quoted text
     * @param single whether the marks are single quotes
     * @param parent index of the smallest span containing this one, or -1
     */
    public record Span(int open, int close, int contentStart, int contentEnd, boolean single, int parent) {

        /** Offset just after the closing mark (or the end of the text when unclosed). */
        public int afterClose() {
            return close >= 0 ? close + 1 : contentEnd;
        }
    }

    private record Line(int start, int end) {
    }

    private record Raw(int open, int close, boolean single) {
    }

    private static boolean isDoubleOpen(char c) {
        return c == '“' || c == '„' || c == '«';
    }

    private static boolean isDoubleClose(char c) {
        return c == '”' || c == '»';
    }

    public List<Span> find(String text) {
        List<Line> lines = lines(text);
        List<Raw> doubles = new ArrayList<>();
        // per line: the unclosed opening mark (or -1), the orphan closing marks, whether any double mark occurs
        int[] unclosed = new int[lines.size()];
        List<List<Integer>> orphans = new ArrayList<>();
        boolean[] hasDouble = new boolean[lines.size()];
        List<List<Raw>> perLine = new ArrayList<>();
        for (int li = 0; li < lines.size(); li++) {
            Line line = lines.get(li);
            List<Integer> lineOrphans = new ArrayList<>();
            List<Raw> lineSpans = new ArrayList<>();
            int open = -1;
            for (int i = line.start(); i < line.end(); i++) {
                char c = text.charAt(i);
                if (isDoubleOpen(c)) {
                    hasDouble[li] = true;
                    if (open < 0) {
                        open = i;
                    }
                } else if (isDoubleClose(c)) {
                    hasDouble[li] = true;
                    if (open >= 0) {
                        lineSpans.add(new Raw(open, i, false));
                        open = -1;
                    } else {
                        lineOrphans.add(i);
                    }
                } else if (c == '"') {
                    hasDouble[li] = true;
                    if (open < 0) {
                        if (opensHere(text, i, line)) {
                            open = i;
                        } else {
                            lineOrphans.add(i);
                        }
                    } else {
                        lineSpans.add(new Raw(open, i, false));
                        open = -1;
                    }
                }
            }
            unclosed[li] = open;
            orphans.add(lineOrphans);
            perLine.add(lineSpans);
        }
        // join quotes running over paragraphs
        for (int li = 0; li < lines.size(); li++) {
            int open = unclosed[li];
            if (open < 0) {
                continue;
            }
            boolean paragraphStart = atParagraphStart(text, open, lines.get(li));
            int end = -1;
            int next = nextNonEmpty(text, lines, li + 1);
            int cur = li;
            // the usual convention: every continued paragraph opens with a quote mark again
            while (next >= 0 && startsWithDoubleOpen(text, lines.get(next))) {
                List<Raw> spans = perLine.get(next);
                int firstOpen = firstNonSpace(text, lines.get(next));
                if (!spans.isEmpty() && spans.get(0).open() == firstOpen) {
                    end = spans.get(0).close();
                    spans.remove(0);
                    break;
                }
                if (unclosed[next] == firstOpen) {
                    unclosed[next] = -1; // absorbed
                    cur = next;
                    next = nextNonEmpty(text, lines, next + 1);
                    continue;
                }
                break;
            }
            if (end < 0 && cur == li && paragraphStart) {
                // a quoted block: a closing mark with no opening one, further down, and no double mark between
                for (int k = li + 1; k < lines.size() && k <= li + MAX_BLOCK_PARAGRAPHS; k++) {
                    if (!orphans.get(k).isEmpty()) {
                        int orphan = orphans.get(k).get(0);
                        if (noDoubleBefore(text, lines.get(k), orphan)) {
                            end = orphan;
                            orphans.get(k).remove(0);
                        }
                        break;
                    }
                    if (hasDouble[k]) {
                        break;
                    }
                }
            }
            if (end >= 0) {
                doubles.add(new Raw(open, end, false));
            } else {
                doubles.add(new Raw(open, -1 - lines.get(cur).end(), false)); // unclosed, ends with paragraph cur
            }
        }
        for (List<Raw> spans : perLine) {
            doubles.addAll(spans);
        }
        List<Raw> all = new ArrayList<>(doubles);
        all.addAll(singles(text, lines));
        return build(text, all);
    }

    private static List<Raw> singles(String text, List<Line> lines) {
        List<Raw> out = new ArrayList<>();
        for (Line line : lines) {
            int i = line.start();
            while (i < line.end()) {
                char c = text.charAt(i);
                if ((c == '‘' || c == '\'' || c == '‚' || c == '‹') && singleOpensHere(text, i, line)) {
                    int close = findSingleClose(text, i + 1, line);
                    if (close > i + 1) {
                        out.add(new Raw(i, close, true));
                        i = close + 1;
                        continue;
                    }
                }
                i++;
            }
        }
        return out;
    }

    private static boolean singleOpensHere(String text, int i, Line line) {
        if (i + 1 >= line.end()) {
            return false;
        }
        char next = text.charAt(i + 1);
        if (!(Character.isLetterOrDigit(next) || next == '…' || next == '.' || isDoubleOpen(next) || next == '"')) {
            return false;
        }
        if (i == line.start()) {
            return true;
        }
        char prev = text.charAt(i - 1);
        if (text.charAt(i) == '\'' && Character.isDigit(next)) {
            return false; // '90s
        }
        return Character.isWhitespace(prev) || "([{“\"—–-/:".indexOf(prev) >= 0;
    }

    private static int findSingleClose(String text, int from, Line line) {
        for (int j = from; j < line.end(); j++) {
            char c = text.charAt(j);
            if (c == '’' || c == '\'' || c == '›') {
                char prev = text.charAt(j - 1);
                boolean wordFollows = j + 1 < line.end() && Character.isLetterOrDigit(text.charAt(j + 1));
                if (!Character.isWhitespace(prev) && !wordFollows) {
                    return j;
                }
            }
            if (c == '‘' && j > from && Character.isWhitespace(text.charAt(j - 1))) {
                return -1; // another opening before any closing: not a quote
            }
        }
        return -1;
    }

    private static List<Span> build(String text, List<Raw> raws) {
        List<int[]> bounds = new ArrayList<>();
        List<Raw> kept = new ArrayList<>();
        for (Raw r : raws) {
            int contentStart = r.open() + 1;
            int contentEnd;
            int close = r.close();
            if (close < -1) {
                contentEnd = -1 - close;
                close = -1;
            } else if (close == -1) {
                int nl = text.indexOf('\n', r.open());
                contentEnd = nl < 0 ? text.length() : nl;
            } else {
                contentEnd = close;
            }
            while (contentStart < contentEnd && Character.isWhitespace(text.charAt(contentStart))) {
                contentStart++;
            }
            while (contentEnd > contentStart && Character.isWhitespace(text.charAt(contentEnd - 1))) {
                contentEnd--;
            }
            if (contentEnd <= contentStart) {
                continue;
            }
            kept.add(new Raw(r.open(), close, r.single()));
            bounds.add(new int[] {contentStart, contentEnd});
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt(i -> kept.get(i).open()));
        List<Span> spans = new ArrayList<>();
        for (int i : order) {
            Raw r = kept.get(i);
            spans.add(new Span(r.open(), r.close(), bounds.get(i)[0], bounds.get(i)[1], r.single(), -1));
        }
        // parent: the smallest span containing this one
        List<Span> out = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            Span s = spans.get(i);
            int parent = -1;
            int parentSize = Integer.MAX_VALUE;
            for (int j = 0; j < spans.size(); j++) {
                Span p = spans.get(j);
                if (j != i && p.open() < s.open() && s.contentEnd() <= p.contentEnd()
                        && p.contentEnd() - p.open() < parentSize) {
                    parent = j;
                    parentSize = p.contentEnd() - p.open();
                }
            }
            out.add(new Span(s.open(), s.close(), s.contentStart(), s.contentEnd(), s.single(), parent));
        }
        // a single-quoted span overlapping a double one without nesting in it is an apostrophe pair: drop it
        List<Span> clean = new ArrayList<>();
        for (Span s : out) {
            boolean crossing = false;
            for (Span o : out) {
                if (o != s && !o.single() && s.single() && s.open() < o.open() && o.open() < s.contentEnd()
                        && s.contentEnd() < o.contentEnd()) {
                    crossing = true;
                }
            }
            if (!crossing) {
                clean.add(s);
            }
        }
        if (clean.size() != out.size()) {
            return build(text, clean.stream().map(s -> new Raw(s.open(), s.close() < 0 ? -1 - s.contentEnd() : s.close(),
                    s.single())).toList());
        }
        return out;
    }

    private static boolean opensHere(String text, int i, Line line) {
        if (i + 1 >= line.end() || Character.isWhitespace(text.charAt(i + 1))) {
            return false;
        }
        if (i == line.start()) {
            return true;
        }
        char prev = text.charAt(i - 1);
        return Character.isWhitespace(prev) || "([{—–-/:‘'".indexOf(prev) >= 0;
    }

    private static boolean atParagraphStart(String text, int offset, Line line) {
        for (int i = line.start(); i < offset; i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '•' && c != '-' && c != '*') {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithDoubleOpen(String text, Line line) {
        int i = firstNonSpace(text, line);
        return i >= 0 && (isDoubleOpen(text.charAt(i)) || text.charAt(i) == '"');
    }

    private static int firstNonSpace(String text, Line line) {
        for (int i = line.start(); i < line.end(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean noDoubleBefore(String text, Line line, int offset) {
        for (int i = line.start(); i < offset; i++) {
            char c = text.charAt(i);
            if (isDoubleOpen(c) || isDoubleClose(c) || c == '"') {
                return false;
            }
        }
        return true;
    }

    private static int nextNonEmpty(String text, List<Line> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (firstNonSpace(text, lines.get(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static List<Line> lines(String text) {
        List<Line> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                out.add(new Line(start, i));
                start = i + 1;
            }
        }
        return out;
    }
}
