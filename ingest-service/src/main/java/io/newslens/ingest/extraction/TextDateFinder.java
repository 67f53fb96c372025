package io.newslens.ingest.extraction;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the publication date written in a plain text: a "Published 14 April 2023" or "By X, April 16, 2023" line, a
 * dateline, a date line under the headline. Looks only where bylines and datelines stand (the first lines, and
 * labelled lines at the end), takes a "published" date over an "updated" one, and answers nothing rather than
 * guess: a date inside a running sentence is what the story is about, not when it was written.
 */
@ApplicationScoped
public class TextDateFinder {

    /** Whether a date on a line is said to be the publication, an update, or just stands there. */
    enum Label { PUBLISHED, UPDATED, PLAIN }

    /** A date with its label and the line it came from. */
    record Hit(Instant instant, Label label, boolean hasTime, String line) {
    }

    private static final int HEAD_LINES = 12;
    private static final int HEAD_CHARS = 1500;
    private static final int TAIL_LINES = 5;
    /** A date this far into a line still reads as a dateline or byline ("MOSCOW, April 16 (Reuters) -"). */
    private static final int DATELINE_REACH = 70;
    private static final int SHORT_LINE = 140;
    private static final int LABEL_REACH = 40;

    private static final Pattern PUBLISHED = Pattern.compile("(?iu)(?<![\\p{L}])(published|posted|first published|publication date"
            + "|veröffentlicht|erschienen|publié|publiée|publicado|publicada|pubblicato|pubblicata|gepubliceerd"
            + "|опубликовано|опубликован|publikacja|opublikowano)(?![\\p{L}])");
    private static final Pattern UPDATED = Pattern.compile("(?iu)(?<![\\p{L}])(updated|last updated|modified|last modified|edited|"
            + "aktualisiert|zuletzt aktualisiert|geändert|mis à jour|mise à jour|actualizado|actualizada|actualización"
            + "|aggiornato|aggiornata|atualizado|atualizada|bijgewerkt|обновлено|обновлен|обновлена|изменено"
            + "|zaktualizowano)(?![\\p{L}])");

    public Optional<Instant> find(String text) {
        return find(text, null);
    }

    /**
     * The publication date of a plain text; relative phrases ("3 hours ago") count only against a known
     * {@code reference} time, such as when the page was fetched.
     */
    public Optional<Instant> find(String text, Instant reference) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        List<String> head = new ArrayList<>();
        int chars = 0;
        for (String line : lines) {
            if (head.size() >= HEAD_LINES || chars > HEAD_CHARS) {
                break;
            }
            head.add(line);
            chars += line.length();
        }
        Optional<Hit> hit = best(head, reference, true, true);
        if (hit.isEmpty() && lines.size() > head.size()) {
            List<String> tail = lines.subList(Math.max(head.size(), lines.size() - TAIL_LINES), lines.size());
            hit = best(tail, reference, true, false).filter(h -> h.label() == Label.PUBLISHED);
        }
        return hit.map(Hit::instant);
    }

    /**
     * The best publication date among lines that sit where a byline or dateline would: a date labelled
     * "published" first, then an unlabelled one; a date labelled "updated" never counts as the publication.
     */
    static Optional<Hit> best(List<String> lines, Instant reference, boolean monthFirst, boolean acceptPlain) {
        Hit plain = null;
        for (String line : lines) {
            for (Hit hit : hits(line, reference, monthFirst)) {
                if (hit.label() == Label.PUBLISHED) {
                    return Optional.of(hit);
                }
                if (hit.label() == Label.PLAIN && plain == null && acceptPlain) {
                    plain = hit;
                }
            }
        }
        return Optional.ofNullable(plain);
    }

    /** All dates on one line, each labelled by the nearest "published"/"updated" word before it. */
    static List<Hit> hits(String line, Instant reference, boolean monthFirst) {
        List<Hit> out = new ArrayList<>();
        List<DateTexts.Found> found = new ArrayList<>(DateTexts.findAll(line, monthFirst));
        DateTexts.findRelative(line, reference).ifPresent(found::add);
        for (DateTexts.Found f : found) {
            Label label = labelBefore(line, f.start());
            boolean bylineLike = line.length() <= SHORT_LINE || f.start() <= DATELINE_REACH;
            if (label == Label.PLAIN && !bylineLike) {
                continue;
            }
            out.add(new Hit(f.instant(), label, f.hasTime(), line));
        }
        return out;
    }

    private static Label labelBefore(String line, int position) {
        // only a label just before the date speaks about it ("Published 14 April", not "a report it published ... on")
        String before = line.substring(Math.max(0, position - LABEL_REACH), position);
        int published = lastMatch(PUBLISHED, before);
        int updated = lastMatch(UPDATED, before);
        if (published < 0 && updated < 0) {
            return Label.PLAIN;
        }
        return updated > published ? Label.UPDATED : Label.PUBLISHED;
    }

    private static int lastMatch(Pattern p, String s) {
        Matcher m = p.matcher(s);
        int last = -1;
        while (m.find()) {
            last = m.start();
        }
        return last;
    }

    /** Whether a line mentions an update or modification ("Updated", "Aktualisiert", ...). */
    static boolean mentionsUpdate(String text) {
        return text != null && UPDATED.matcher(text.toLowerCase(Locale.ROOT)).find();
    }

    /** Whether a line mentions publication ("Published", "Veröffentlicht", ...). */
    static boolean mentionsPublication(String text) {
        return text != null && PUBLISHED.matcher(text).find();
    }
}
