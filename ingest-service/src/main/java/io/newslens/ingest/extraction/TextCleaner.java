package io.newslens.ingest.extraction;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Removes web boilerplate from article text copied off a page: advertising labels, share-button words,
 * data-provider and legal notices, stray counters, video players' timestamps and titles, "read more" teasers,
 * promotion blocks and repeated template lines. Photo credits and captions carrying them move to
 * {@link CleanedText#photoCredits()}. Each decision rests on the shape of a line and on interface vocabulary
 * ({@link LineRules}), so it holds for sites it has never seen; real short paragraphs (a one-line quote, a dateline,
 * a subheading) stay. Every removed line is reported in {@link CleanedText#removedLines()}.
 */
@ApplicationScoped
public class TextCleaner {

    public record CleanedText(String text, List<String> photoCredits, List<String> removedLines) {
    }

    /** A unit of text: a line of a plain text, or a block (paragraph, heading, list item) of an HTML page. */
    record Block(String text, boolean heading) {
    }

    /** What {@link #cleanBlocks} kept and took out. */
    record CleanedBlocks(List<Block> kept, List<String> photoCredits, List<String> removed) {
    }

    /** A standalone headline-shaped line this long, inside the body, is a link to another story. */
    private static final int TEASER_MIN_WORDS = 9;
    private static final int SHORT_LABEL = 80;
    // compiled once: cleaning runs for every plain-text article of a batch
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("[ \\t\\u2009\\u202f]+");
    private static final java.util.regex.Pattern BLANK_RUNS = java.util.regex.Pattern.compile("\n{3,}");

    public CleanedText clean(String raw) {
        if (raw == null) {
            return new CleanedText("", List.of(), List.of());
        }
        String normalized = raw.replace("\r\n", "\n").replace('\r', '\n').replace('\u00a0', ' ')
                .replace("\u200b", "").replace("\ufeff", "");
        List<String> lines = new ArrayList<>();
        for (String line : normalized.split("\n", -1)) {
            lines.add(SPACES.matcher(line.strip()).replaceAll(" "));
        }
        boolean[] drop = new boolean[lines.size()];
        List<String> credits = new ArrayList<>();
        List<String> removed = new ArrayList<>();

        // 1. each line on its own
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            switch (LineRules.classify(line)) {
                case CREDIT -> {
                    credits.add(line);
                    drop[i] = true;
                }
                case BOILERPLATE -> drop[i] = true;
                default -> {
                }
            }
        }
        // 2. a video's length is followed by the video's title (and often its description repeating it)
        for (int i = 0; i < lines.size(); i++) {
            if (LineRules.isMediaDuration(lines.get(i))) {
                int taken = 0;
                for (int j = i + 1; j < lines.size() && taken < 2; j++) {
                    String next = lines.get(j);
                    if (next.isEmpty() || drop[j]) {
                        continue;
                    }
                    if (LineRules.endsLikeSentence(next) || next.length() > 160) {
                        break;
                    }
                    drop[j] = true;
                    taken++;
                }
            }
        }
        // 3. template lines repeated on the page (a widget title printed twice, a repeated label)
        dropRepeats(lines, drop, false);
        // 4. promotion blocks: a run of short label lines holding a call to action
        dropPromotionRuns(lines, drop);
        // 5. a long headline-shaped line standing alone inside the body links to another story
        int firstProse = firstProseLine(lines, drop);
        for (int i = firstProse + 1; i < lines.size(); i++) {
            if (!drop[i] && standsAlone(lines, drop, i) && isTeaserShaped(lines.get(i))) {
                drop[i] = true;
            }
        }
        // 6. once data-provider small print starts at the end, the short lines after it belong to it
        dropNoticeTail(lines, drop);

        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!drop[i]) {
                kept.add(line);
            } else if (!line.isEmpty() && !credits.contains(line)) {
                removed.add(line);
            }
        }
        String text = BLANK_RUNS.matcher(String.join("\n", kept)).replaceAll("\n\n").strip();
        return new CleanedText(text, List.copyOf(credits), List.copyOf(removed));
    }

    /** The same rules for blocks already separated by HTML structure; headings are never teasers. */
    CleanedBlocks cleanBlocks(List<Block> blocks) {
        List<String> texts = new ArrayList<>();
        for (Block b : blocks) {
            texts.add(b.text());
        }
        boolean[] drop = new boolean[blocks.size()];
        List<String> credits = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            switch (LineRules.classify(texts.get(i))) {
                case CREDIT -> {
                    credits.add(texts.get(i));
                    drop[i] = true;
                }
                case BOILERPLATE -> drop[i] = true;
                default -> {
                }
            }
        }
        for (int i = 0; i < blocks.size(); i++) {
            if (LineRules.isMediaDuration(texts.get(i)) && i + 1 < blocks.size()
                    && !LineRules.endsLikeSentence(texts.get(i + 1)) && texts.get(i + 1).length() <= 160) {
                drop[i + 1] = true;
            }
        }
        dropRepeats(texts, drop, true);
        List<Block> kept = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            if (!drop[i]) {
                kept.add(blocks.get(i));
            } else if (!credits.contains(texts.get(i))) {
                removed.add(texts.get(i));
            }
        }
        return new CleanedBlocks(kept, credits, removed);
    }

    /**
     * A line printed more than once is page furniture. A headline-shaped one goes everywhere; a sentence keeps its
     * first occurrence (a pull quote repeats a sentence of the body, which must stay once).
     */
    private static void dropRepeats(List<String> lines, boolean[] drop, boolean blocks) {
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Integer> count = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String key = lines.get(i).toLowerCase(Locale.ROOT);
            if (!key.isEmpty() && !drop[i]) {
                count.merge(key, 1, Integer::sum);
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String key = line.toLowerCase(Locale.ROOT);
            if (line.isEmpty() || drop[i] || count.getOrDefault(key, 0) < 2) {
                continue;
            }
            boolean label = !LineRules.endsLikeSentence(line) && line.length() <= 200;
            if (label || seen.containsKey(key)) {
                drop[i] = true;
            }
            seen.putIfAbsent(key, i);
        }
    }

    private static void dropPromotionRuns(List<String> lines, boolean[] drop) {
        int i = 0;
        while (i < lines.size()) {
            if (lines.get(i).isEmpty()) {
                i++;
                continue;
            }
            int start = i;
            boolean cta = false;
            boolean allLabels = true;
            int live = 0;
            while (i < lines.size() && !lines.get(i).isEmpty()) {
                String line = lines.get(i);
                cta |= LineRules.isCallToAction(line); // already dropped as chrome, it still marks the block
                if (!drop[i]) {
                    live++;
                    if (line.length() > SHORT_LABEL || LineRules.endsLikeSentence(line)) {
                        allLabels = false;
                    }
                }
                i++;
            }
            if (cta && allLabels && live >= 1 && live <= 6) {
                for (int j = start; j < i; j++) {
                    drop[j] = true;
                }
            }
        }
    }

    private static void dropNoticeTail(List<String> lines, boolean[] drop) {
        int from = -1;
        for (int i = lines.size() - 1; i >= Math.max(0, lines.size() - 15); i--) {
            if (!lines.get(i).isEmpty() && LineRules.isNotice(lines.get(i))) {
                from = i;
            }
        }
        if (from < 0) {
            return;
        }
        for (int i = from; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.isEmpty() && line.length() <= SHORT_LABEL) {
                drop[i] = true;
            } else if (!line.isEmpty()) {
                return;
            }
        }
    }

    private static int firstProseLine(List<String> lines, boolean[] drop) {
        for (int i = 0; i < lines.size(); i++) {
            if (!drop[i] && lines.get(i).length() > 150) {
                return i;
            }
        }
        return lines.size();
    }

    private static boolean standsAlone(List<String> lines, boolean[] drop, int i) {
        return neighbourIsBreak(lines, drop, i, -1) && neighbourIsBreak(lines, drop, i, 1);
    }

    private static boolean neighbourIsBreak(List<String> lines, boolean[] drop, int i, int step) {
        int j = i + step;
        while (j >= 0 && j < lines.size() && drop[j] && !lines.get(j).isEmpty()) {
            j += step;
        }
        return j < 0 || j >= lines.size() || lines.get(j).isEmpty();
    }

    private static boolean isTeaserShaped(String line) {
        return !line.isEmpty() && line.length() <= 200 && !LineRules.endsLikeSentence(line)
                && LineRules.wordCount(line) >= TEASER_MIN_WORDS && !line.startsWith("•") && !line.startsWith("-")
                && !line.startsWith("*");
    }
}
