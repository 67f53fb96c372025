package io.newslens.nlp.pipeline;

import io.newslens.contracts.Annotations;
import io.newslens.nlp.pipeline.time.TemporalGrammar;
import io.newslens.nlp.pipeline.time.Tense;
import io.newslens.nlp.pipeline.time.TenseDetector;
import io.newslens.nlp.pipeline.time.TimexCandidate;
import io.newslens.nlp.pipeline.time.TokenLookup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Date and time expressions, normalised against the publication date.
 *
 * <p>Expressions are found by {@link TemporalGrammar} on the raw text; the tense of the clause around each one
 * (from POS tags, {@link TenseDetector}) decides which way relative expressions point: "said Friday" is the last
 * Friday on or before publication, "will start on Monday" the next Monday, "in March" the March that fits the tense
 * and lies nearest. Without a publication date relative expressions keep a null value.
 */
@ApplicationScoped
public class TemporalTagger {

    /** Between a date and a time that belong together: "Sunday at 10 a.m.", "April 16, 14:00 GMT". */
    private static final Pattern DATE_TIME_GAP = Pattern.compile("[ \\t,]*(?:(?i:at|on|in the|from))?[ \\t,]*");
    private static final Pattern DAY_VALUE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final TemporalGrammar grammar = new TemporalGrammar();

    public List<Annotations.Temporal> tag(AnalyzedText text) {
        return candidates(text).stream()
                .map(c -> new Annotations.Temporal(c.start(), c.end(), text.text().substring(c.start(), c.end()), c.value(),
                        c.kind(), c.rangeStart(), c.rangeEnd()))
                .toList();
    }

    /** The selected expressions, in text order, with the rule that found each. */
    public List<TimexCandidate> candidates(AnalyzedText text) {
        String s = text.text();
        if (s == null || s.isEmpty()) {
            return List.of();
        }
        TokenLookup lookup = new TokenLookup(text);
        LocalDate reference = text.publishedAt() == null ? null
                : text.publishedAt().atZone(ZoneOffset.UTC).toLocalDate();
        List<TimexCandidate> all = grammar.candidates(s, new LookupContext(s, lookup, reference));
        List<TimexCandidate> chosen = selectLongest(all);
        chosen = mergeDateAndTime(s, chosen);
        return resolveAnaphora(chosen, lookup);
    }

    public String ruleName(TimexCandidate c) {
        return grammar.ruleName(c.rule());
    }

    private static List<TimexCandidate> selectLongest(List<TimexCandidate> all) {
        List<TimexCandidate> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingInt(TimexCandidate::length).reversed().thenComparingInt(TimexCandidate::rule));
        List<TimexCandidate> chosen = new ArrayList<>();
        for (TimexCandidate c : sorted) {
            boolean overlaps = false;
            for (TimexCandidate k : chosen) {
                if (c.start() < k.end() && k.start() < c.end()) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) {
                chosen.add(c);
            }
        }
        chosen.sort(Comparator.comparingInt(TimexCandidate::start));
        return chosen;
    }

    private static List<TimexCandidate> mergeDateAndTime(String text, List<TimexCandidate> in) {
        List<TimexCandidate> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            TimexCandidate a = in.get(i);
            if (i + 1 < in.size()) {
                TimexCandidate b = in.get(i + 1);
                TimexCandidate merged = merge(text, a, b);
                if (merged != null) {
                    out.add(merged);
                    i++;
                    continue;
                }
            }
            out.add(a);
        }
        return out;
    }

    private static TimexCandidate merge(String text, TimexCandidate a, TimexCandidate b) {
        if (b.start() < a.end() || !DATE_TIME_GAP.matcher(text.substring(a.end(), b.start())).matches()
                || text.substring(a.end(), b.start()).indexOf('\n') >= 0) {
            return null;
        }
        TimexCandidate date = isDay(a) ? a : isDay(b) ? b : null;
        TimexCandidate time = a.timeOfDay() != null && a.anaphora() == null ? a
                : b.timeOfDay() != null && b.anaphora() == null ? b : null;
        if (date == null || time == null || date == time) {
            return null;
        }
        String value = date.value() == null ? null : date.value() + time.timeOfDay();
        return new TimexCandidate(a.start(), b.end(), "TIME", value, null, null, date.rule(), null, null);
    }

    private static boolean isDay(TimexCandidate c) {
        return "DATE".equals(c.kind()) && c.value() != null && DAY_VALUE.matcher(c.value()).matches();
    }

    /** "the next day": counted from the last day-level date mentioned before, within the last few sentences. */
    private static List<TimexCandidate> resolveAnaphora(List<TimexCandidate> in, TokenLookup lookup) {
        List<TimexCandidate> out = new ArrayList<>(in.size());
        LocalDate lastDay = null;
        int lastDaySentence = -1;
        for (TimexCandidate c : in) {
            int sentence = lookup.sentenceAt(c.start());
            if (c.anaphora() != null) {
                String value = null;
                if (lastDay != null && sentence - lastDaySentence <= 3) {
                    value = shift(lastDay, c.anaphora());
                    if (value != null && c.timeOfDay() != null) {
                        value = value + c.timeOfDay();
                    }
                }
                out.add(new TimexCandidate(c.start(), c.end(), c.kind(), value, null, null, c.rule(), c.anaphora(),
                        c.timeOfDay()));
                if (value != null && DAY_VALUE.matcher(value.substring(0, Math.min(10, value.length()))).matches()
                        && value.length() >= 10) {
                    lastDay = LocalDate.parse(value.substring(0, 10));
                    lastDaySentence = sentence;
                }
                continue;
            }
            if (c.value() != null && c.value().length() >= 10 && DAY_VALUE.matcher(c.value().substring(0, 10)).matches()
                    && !"DURATION".equals(c.kind()) && !"RANGE".equals(c.kind())) {
                lastDay = LocalDate.parse(c.value().substring(0, 10));
                lastDaySentence = sentence;
            }
            out.add(c);
        }
        return out;
    }

    private static String shift(LocalDate anchor, String anaphora) {
        int sign = anaphora.charAt(0) == '-' ? -1 : 1;
        int amount = Integer.parseInt(anaphora.substring(1, anaphora.length() - 1)) * sign;
        return switch (anaphora.charAt(anaphora.length() - 1)) {
            case 'W' -> {
                LocalDate d = anchor.plusWeeks(amount);
                yield String.format("%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            }
            case 'M' -> YearMonth.from(anchor).plusMonths(amount).toString();
            case 'Y' -> String.valueOf(anchor.getYear() + amount);
            default -> anchor.plusDays(amount).toString();
        };
    }

    /** The grammar's view of the text: tenses and tags from the language layer's tokens. */
    private static final class LookupContext implements TemporalGrammar.Context {
        private final String text;
        private final TokenLookup lookup;
        private final LocalDate reference;

        LookupContext(String text, TokenLookup lookup, LocalDate reference) {
            this.text = text;
            this.lookup = lookup;
            this.reference = reference;
        }

        @Override
        public LocalDate reference() {
            return reference;
        }

        @Override
        public Tense tense(int start, int end) {
            int first = lookup.tokenFrom(start);
            if (first < 0) {
                return Tense.UNKNOWN;
            }
            int last = lookup.tokenBefore(end);
            if (last < first) {
                last = first;
            }
            int sentence = lookup.sentenceOf(first);
            if (lookup.sentenceOf(last) != sentence) {
                last = first;
            }
            return TenseDetector.around(lookup.sentences().get(sentence).tokens(), lookup.indexInSentence(first),
                    lookup.indexInSentence(last));
        }

        @Override
        public String wordBefore(int offset) {
            int i = offset - 1;
            while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\u00A0'
                    || text.charAt(i) == '-')) {
                i--;
            }
            // a possessive ("China's 2022 report") counts as a determiner
            if (i >= 1 && (text.charAt(i) == 's' || text.charAt(i) == 'S')
                    && (text.charAt(i - 1) == '\'' || text.charAt(i - 1) == '’')) {
                return "s";
            }
            int end = i + 1;
            while (i >= 0 && Character.isLetter(text.charAt(i))) {
                i--;
            }
            return text.substring(i + 1, end).toLowerCase(Locale.ROOT);
        }

        @Override
        public String wordAfter(int offset) {
            int i = offset;
            while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '-')) {
                i++;
            }
            int start = i;
            while (i < text.length() && Character.isLetter(text.charAt(i))) {
                i++;
            }
            return text.substring(start, i).toLowerCase(Locale.ROOT);
        }

        @Override
        public String posAt(int offset) {
            int t = lookup.tokenAt(offset);
            return t < 0 ? null : lookup.token(t).pos();
        }

        @Override
        public String nerAt(int offset) {
            int t = lookup.tokenAt(offset);
            return t < 0 ? null : lookup.token(t).ner();
        }

        @Override
        public String posAfter(int offset) {
            int t = lookup.tokenFrom(offset);
            return t < 0 ? null : lookup.token(t).pos();
        }
    }
}
