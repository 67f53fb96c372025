package io.newslens.nlp.pipeline.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules that find date and time expressions in raw text and normalise them. Each rule is a regular expression
 * (no match crosses a line break) and a builder that checks the context and computes the ISO value; overlapping
 * matches are settled by the caller (longest first, then rule order).
 *
 * <p>Month and weekday names must be capitalised; "May" alone needs a preposition or modifier ("in May", "early
 * May"); a bare year needs a preposition or determiner before it ("in 2018", "a 2022 visit") or a DATE tag from the
 * language layer; a clock time needs am/pm, a time zone or a preposition ("at 14:30"), so that video timestamps
 * ("02:46") and page counters never become times.
 */
public final class TemporalGrammar {

    /** What a builder may ask about the surroundings of a match. */
    public interface Context {
        /** The publication date, or null. */
        LocalDate reference();

        Tense tense(int start, int end);

        /** The word before {@code offset} on the same line, lower case, or "". */
        String wordBefore(int offset);

        /** The word after {@code offset} on the same line, lower case, or "". */
        String wordAfter(int offset);

        /** Penn POS tag of the token at the offset, or null. */
        String posAt(int offset);

        /** NER tag of the token at the offset, or null. */
        String nerAt(int offset);

        /** Penn POS tag of the first token starting at or after the offset, or null. */
        String posAfter(int offset);
    }

    private interface Builder {
        TimexCandidate build(Matcher m, Context c, int rule);
    }

    private record Rule(String name, List<Anchor> anchors, Pattern pattern, Builder builder) {
    }

    // ---- regex fragments ------------------------------------------------------------------------------------
    private static final String SP = "[ \\t\\u00A0]+";
    private static final String OSP = "[ \\t\\u00A0]*";
    private static final String DASH = OSP + "[-–—]" + OSP;
    private static final String ORD = "(?:st|nd|rd|th)?";
    private static final String MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";
    private static final String MONTHS_ABBR = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";
    private static final String WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
    private static final String WEEKDAYS_ABBR = "Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun";
    private static final String NUM = "(?i:" + NumberWords.WORDS + ")|\\d+(?:\\.\\d+)?";

    private static String month(String g) {
        return "(?<" + g + ">(?:" + MONTHS + ")|(?:" + MONTHS_ABBR + ")\\.?)(?!\\w)";
    }

    private static String day(String g) {
        return "(?<" + g + ">[0-3]?\\d)" + ORD + "(?!\\w)";
    }

    private static String year(String g) {
        return "(?<" + g + ">(?:1[6-9]|20)\\d\\d)(?![\\w])";
    }

    private static String weekdayAny(String g) {
        return "(?<" + g + ">(?:" + WEEKDAYS + ")|(?:" + WEEKDAYS_ABBR + ")\\.?)(?!\\w)";
    }

    private static String weekday(String g) {
        return "(?<" + g + ">" + WEEKDAYS + ")(?!\\w)";
    }

    private static final Set<String> YEAR_PREPOSITIONS = Set.of("in", "since", "by", "until", "till", "from", "of",
            "during", "before", "after", "through", "throughout", "around", "circa", "early", "late", "mid", "to",
            "and", "year", "spring", "summer", "autumn", "fall", "winter", "between", "for", "as");
    private static final Set<String> DETERMINERS = Set.of("a", "an", "the", "its", "his", "her", "their", "s", "this",
            "that");
    private static final Set<String> MONTH_PREPOSITIONS = Set.of("in", "since", "by", "until", "till", "from", "during",
            "through", "before", "after", "early", "late", "mid", "last", "next", "this", "of", "throughout", "to",
            "and", "around");
    private static final Set<String> TIME_PREPOSITIONS = Set.of("at", "by", "until", "till", "before", "after",
            "around", "about", "from", "since", "to", "and", "between");
    private static final Set<String> NAME_TAGS = Set.of("PERSON", "ORGANIZATION");

    private final List<Rule> rules = new ArrayList<>();

    public TemporalGrammar() {
        add("iso", "(?<![\\w-])(?<y>\\d{4})-(?<m>\\d{2})-(?<d>\\d{2})(?:[T ](?<h>\\d{2}):(?<mi>\\d{2})(?::\\d{2}(?:\\.\\d+)?)?"
                + "(?:Z|[+-]\\d{2}:?\\d{2})?)?(?![\\w-])", this::iso);
        add("numeric", "(?<![\\w/.])(?<a>\\d{1,2})(?<sep>[/.])(?<b>\\d{1,2})\\k<sep>(?<y>(?:19|20)\\d\\d)(?![\\w/])",
                this::numeric);
        add("month-day-range", "(?:(?<pre>(?i:from|between))" + SP + ")?(?:" + weekdayAny("w1") + ",?" + SP + ")?"
                + month("m1") + OSP + day("d1") + "(?:,?" + SP + year("y1") + ")?"
                + "(?<conn>" + DASH + "|" + SP + "(?i:to|until|till|through|thru|and)" + SP + "(?:(?i:the)" + SP + ")?)"
                + "(?:" + weekdayAny("w2") + ",?" + SP + ")?(?:" + month("m2") + OSP + ")?" + day("d2")
                + "(?:,?" + SP + year("y2") + ")?", this::monthDayRange);
        add("day-month-range", "(?:(?<pre>(?i:from|between))" + SP + ")?(?:(?i:the)" + SP + ")?" + day("d1")
                + "(?:" + SP + "(?:(?i:of)" + SP + ")?" + month("m1") + ")?"
                + "(?<conn>" + DASH + "|" + SP + "(?i:to|until|till|through|and)" + SP + "(?:(?i:the)" + SP + ")?)"
                + day("d2") + "(?:" + SP + "(?i:of))?" + SP + month("m2") + "(?:,?" + SP + year("y") + ")?",
                this::dayMonthRange);
        add("weekday-range", "(?:(?<pre>(?i:from|between))" + SP + ")?" + weekday("w1")
                + "(?<conn>" + DASH + "|" + SP + "(?i:to|until|till|through|and)" + SP + ")" + weekday("w2"),
                this::weekdayRange);
        add("month-range", "(?:(?<pre>(?i:from|between))" + SP + ")?" + month("m1") + "(?:,?" + SP + year("y1") + ")?"
                + "(?<conn>" + DASH + "|" + SP + "(?i:to|until|till|through|and)" + SP + ")" + month("m2")
                + "(?:,?" + SP + year("y2") + ")?", this::monthRange);
        add("year-range", "(?:(?<pre>(?i:from|between))" + SP + ")?(?<![\\w$£€.,])" + year("y1")
                + "(?<conn>" + DASH + "|" + SP + "(?i:to|until|till|through|and)" + SP + ")"
                + "(?<y2>(?:1[6-9]|20)\\d\\d|\\d\\d)(?![\\w-])", this::yearRange);
        add("month-day", "(?:" + weekdayAny("w") + ",?" + SP + ")?" + month("m") + OSP + day("d")
                + "(?:,?" + SP + year("y") + ")?", this::monthDay);
        add("day-month", "(?:" + weekdayAny("w") + ",?" + SP + ")?(?:(?i:the)" + SP + ")?" + day("d")
                + "(?:" + SP + "(?i:of))?" + SP + month("m") + "(?:,?" + SP + year("y") + ")?", this::dayMonth);
        add("month-year", "(?:(?<mod>(?i:early|mid|late|the end of|the beginning of|the start of|the middle of))[-\\s]+)?"
                + month("m") + "(?:,?" + SP + "(?:(?i:of)" + SP + ")?" + year("y") + "|" + SP
                + "(?:(?i:of)" + SP + ")?(?<rel>(?i:last|this|next))" + SP + "(?i:year))", this::monthYear);
        add("month", "(?:(?<mod>(?i:early|mid|late|last|next|this|the end of|the beginning of|the start of|the middle of))"
                + "[-\\s]+)?(?<m>" + MONTHS + ")(?!\\w)", this::bareMonth);
        add("decade", "(?:(?i:the)" + SP + ")?(?:(?<mod>(?i:early|mid|late))[-\\s]+)?(?<dec>(?:1[6-9]|20)\\d0)['’]?s(?!\\w)",
                this::decade);
        add("year", "(?:(?<mod>(?i:early|mid|late|the end of|the beginning of|the start of|the middle of))[-\\s]+)?"
                + "(?<![\\w$£€.,])" + year("y") + "(?![-–]\\d)", this::bareYear);
        add("weekday", "(?:(?<mod>(?i:last|next|this|coming|past))" + SP + ")?" + weekday("w")
                + "(?:" + SP + "(?<part>(?i:morning|afternoon|evening|night)))?", this::weekdayRule);
        add("relative", "(?<mod>(?i:this|last|next|past|coming|current|earlier this|later this|early this|late this"
                + "|earlier last|later last|early last|late last|early next|late next|later next|earlier next"
                + "|the end of this|the end of last|the end of next|the start of this|the beginning of this"
                + "|the start of next|the beginning of next|the middle of this|the start of last|the beginning of last))"
                + SP + "(?<unit>(?i:week|month|year|weekend|decade|quarter|spring|summer|autumn|winter|fall))(?!\\w)",
                this::relative);
        add("deictic", "(?<![\\w-])(?<w>(?i:the day before yesterday|the day after tomorrow|today|tonight|yesterday|tomorrow"
                + "|this morning|this afternoon|this evening|last night|last evening))(?:" + SP
                + "(?<part>(?i:morning|afternoon|evening|night)))?(?!\\w)", this::deictic);
        add("anaphoric", "(?i:the)" + SP + "(?:(?<mod>(?i:next|following|previous|preceding))" + SP
                + "(?<unit>(?i:day|morning|week|month|year))|(?<unit2>(?i:day|week|month|year))" + SP
                + "(?<mod2>(?i:before|after)))(?!\\w)", this::anaphoric);
        add("ago", "(?<![\\w-])(?<n>" + NUM + ")" + SP + "(?<unit>(?i:days?|weeks?|months?|years?|decades?|centuries|century|hours?))"
                + SP + "(?<dir>(?i:ago|from now|hence))(?!\\w)", this::ago);
        add("past-n", "(?:(?i:the)" + SP + ")?(?<mod>(?i:past|last|next|coming|previous|following))" + SP + "(?<n>" + NUM + ")"
                + SP + "(?<unit>(?i:days|weeks|months|years|decades|hours|day|week|month|year|decade))(?!\\w)",
                this::pastN);
        add("duration-adjective", "(?<![\\w-])(?<n>" + NUM + ")-(?<half>(?i:and-a-half-))?(?<unit>(?i:day|week|month|year|hour|minute"
                + "|second|decade|century))(?:-(?i:long))?(?![\\w-])(?![ ](?i:old))", this::durationAdjective);
        add("duration", "(?<![\\w-])(?:(?<q>(?i:at least|more than|less than|about|around|nearly|almost|some|up to|only|just"
                + "|roughly|approximately|over))" + SP + ")?(?<n>" + NUM + ")" + SP + "(?:(?<extra>(?i:more|and a half|full|straight"
                + "|consecutive|long))" + SP + ")?(?<unit>(?i:days?|weeks?|months?|years?|decades?|centuries|century|hours?"
                + "|minutes?|seconds?))(?!\\w)", this::duration);
        add("vague-duration", "(?<lead>(?i:for|over|in))" + SP + "(?:(?i:recent)" + SP + ")?(?<unit>(?i:years|months|decades"
                + "|weeks|days|hours))(?!\\w)", this::vagueDuration);
        add("clock-ampm", "(?<![\\w:.])(?<h>[01]?\\d)(?:[:.](?<mi>[0-5]\\d))?" + OSP
                + "(?<ap>(?i:a\\.m\\.|p\\.m\\.|a\\.m|p\\.m|am|pm))(?!\\w)", this::clock);
        add("clock-zone", "(?<![\\w:.])(?<h>[01]?\\d|2[0-3])[:.]?(?<mi>[0-5]\\d)" + OSP
                + "(?<z>GMT|UTC|BST|CET|CEST|EST|EDT|ET|PST|PDT|PT|MSK|JST|local time|hrs|h)(?!\\w)", this::clock);
        add("clock", "(?<![\\w:.])(?<h>[01]?\\d|2[0-3]):(?<mi>[0-5]\\d)(?![\\w:])", this::clock);
        add("noon", "(?<![\\w-])(?<w>(?i:noon|midday|midnight))(?!\\w)", this::noon);
        add("set-every", "(?<![\\w-])(?i:every|each)" + SP + "(?:(?<other>(?i:other))" + SP + ")?(?<unit>(?i:day|week|month|year"
                + "|morning|evening|night|weekend)|" + WEEKDAYS + ")(?!\\w)", this::setEvery);
        add("set-times", "(?<![\\w-])(?<f>(?i:once|twice|\\w+ times))" + SP + "(?i:a|per|every)" + SP
                + "(?<unit>(?i:day|week|month|year))(?!\\w)", this::setTimes);
        add("set-adverb", "(?<![\\w-])(?<w>(?i:daily|weekly|monthly|yearly|annually|annual|biannual|biennial|quarterly))(?![\\w-])",
                this::setAdverb);
        add("set-weekdays", "(?<![\\w-])(?i:on)" + SP + "(?<w>Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays)(?!\\w)",
                this::setWeekdays);
        add("quarter", "(?:(?i:the)" + SP + ")?(?<q>(?i:first|second|third|fourth|final|last))" + SP + "(?i:quarter)"
                + "(?:" + SP + "(?i:of)" + SP + year("y") + "|,?" + SP + year("y2") + ")?(?!\\w)", this::quarter);
        add("quarter-code", "(?<![\\w-])Q(?<qn>[1-4])" + OSP + "(?:of" + SP + ")?" + year("y"), this::quarterCode);
        add("season-year", "(?:(?<mod>(?i:early|late|mid))[-\\s]+)?(?<s>(?i:spring|summer|autumn|winter))" + SP
                + "(?:(?i:of)" + SP + ")?" + year("y"), this::seasonYear);
        add("season", "(?<lead>(?i:in|during|by|until|since|over|through))" + SP + "(?:(?i:the)" + SP + ")?"
                + "(?<s>(?i:spring|summer|autumn|winter))(?!\\w)", this::season);
    }

    private void add(String name, String regex, Builder builder) {
        rules.add(new Rule(name, anchorOf(name), Pattern.compile(regex), builder));
    }

    /** The anchors a rule's match always contains. */
    private static List<Anchor> anchorOf(String rule) {
        return switch (rule) {
            case "month-day-range", "day-month-range", "month-range", "month-day", "day-month", "month-year", "month" ->
                    List.of(Anchor.MONTH);
            case "weekday-range", "weekday", "set-weekdays" -> List.of(Anchor.WEEKDAY);
            case "iso", "numeric", "year-range", "year", "decade", "clock-ampm", "clock-zone", "clock", "quarter-code",
                    "season-year" -> List.of(Anchor.DIGIT);
            case "relative", "anaphoric", "ago", "past-n", "duration-adjective", "duration", "vague-duration", "quarter",
                    "season" -> List.of(Anchor.UNIT);
            case "set-every" -> List.of(Anchor.WORD, Anchor.WEEKDAY, Anchor.UNIT);
            case "set-times" -> List.of(Anchor.UNIT);
            default -> List.of(Anchor.WORD);
        };
    }

    /**
     * What a rule needs somewhere in its match: a month name, a weekday name, a digit, or a time word. Rules only
     * run in windows around their anchors, which keeps the tagger at a few milliseconds per article: most of a
     * text holds none, and month names, for instance, are rare.
     */
    private enum Anchor {
        MONTH("\\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)", 45, 45),
        WEEKDAY("\\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)", 45, 45),
        DIGIT("\\d+", 30, 30),
        /** Calendar units: what every duration, "ago", "last week" and "the next day" ends with. */
        UNIT("(?i:\\b(?:day|week|month|year|hour|minute|second|decade|centur|quarter|spring|summer|autumn|fall|winter))", 36, 16),
        WORD("(?i:\\b(?:today|tonight|yesterday|tomorrow|morning|afternoon|evening|night|noon|midday|midnight|every|each"
                + "|daily|weekly|monthly|yearly|annual|annually|biannual|biennial|quarterly|once|twice|spring|summer"
                + "|autumn|winter))", 30, 30);

        final Pattern pattern;
        final int before;
        final int after;

        Anchor(String regex, int before, int after) {
            this.pattern = Pattern.compile(regex);
            this.before = before;
            this.after = after;
        }
    }

    /** Every candidate of every rule; overlaps are left to the caller. */
    public List<TimexCandidate> candidates(String text, Context context) {
        java.util.EnumMap<Anchor, List<int[]>> windows = new java.util.EnumMap<>(Anchor.class);
        for (Anchor anchor : Anchor.values()) {
            List<int[]> list = new ArrayList<>();
            Matcher a = anchor.pattern.matcher(text);
            while (a.find()) {
                int from = Math.max(0, a.start() - anchor.before);
                int to = Math.min(text.length(), a.end() + anchor.after);
                if (!list.isEmpty() && list.get(list.size() - 1)[1] >= from) {
                    list.get(list.size() - 1)[1] = to;
                } else {
                    list.add(new int[] {from, to});
                }
            }
            windows.put(anchor, list);
        }
        List<TimexCandidate> out = new ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int r = 0; r < rules.size(); r++) {
            Rule rule = rules.get(r);
            Matcher m = rule.pattern().matcher(text);
            m.useTransparentBounds(true).useAnchoringBounds(false);
            for (Anchor anchor : rule.anchors()) {
                for (int[] w : windows.get(anchor)) {
                    m.region(w[0], w[1]);
                    while (m.find()) {
                        if (!seen.add(((long) m.start() << 32) | ((long) m.end() << 8) | r)) {
                            continue;
                        }
                        TimexCandidate c = rule.builder().build(m, context, r);
                        if (c != null) {
                            out.add(c);
                        }
                    }
                }
            }
        }
        return out;
    }

    public String ruleName(int rule) {
        return rules.get(rule).name();
    }

    // ---- builders -------------------------------------------------------------------------------------------

    private TimexCandidate iso(Matcher m, Context c, int rule) {
        LocalDate d = safeDate(num(m, "y"), num(m, "m"), num(m, "d"));
        if (d == null) {
            return null;
        }
        if (m.group("h") != null) {
            return new TimexCandidate(m.start(), m.end(), "TIME", d + "T" + m.group("h") + ":" + m.group("mi"), null,
                    null, rule, null, null);
        }
        return TimexCandidate.date(m.start(), m.end(), Calendar.day(d), rule);
    }

    private TimexCandidate numeric(Matcher m, Context c, int rule) {
        int a = num(m, "a");
        int b = num(m, "b");
        int y = num(m, "y");
        LocalDate dayFirst = safeDate(y, b, a);
        LocalDate monthFirst = ".".equals(m.group("sep")) ? null : safeDate(y, a, b);
        LocalDate chosen;
        if (dayFirst == null) {
            chosen = monthFirst;
        } else if (monthFirst == null || monthFirst.equals(dayFirst)) {
            chosen = dayFirst;
        } else if (c.reference() != null) {
            // 04/05/2023: the reading nearer the publication date
            long dd = Math.abs(dayFirst.toEpochDay() - c.reference().toEpochDay());
            long dm = Math.abs(monthFirst.toEpochDay() - c.reference().toEpochDay());
            chosen = dm < dd ? monthFirst : dayFirst;
        } else {
            chosen = null; // ambiguous and nothing to decide by
        }
        return TimexCandidate.date(m.start(), m.end(), chosen == null ? null : Calendar.day(chosen), rule);
    }

    private TimexCandidate monthDayRange(Matcher m, Context c, int rule) {
        String conn = m.group("conn").trim().toLowerCase(Locale.ROOT);
        if (conn.startsWith("and") && !"between".equalsIgnoreCase(m.group("pre"))) {
            return null;
        }
        int m1 = monthNumber(m.group("m1"));
        int m2 = m.group("m2") == null ? m1 : monthNumber(m.group("m2"));
        int d1 = num(m, "d1");
        int d2 = num(m, "d2");
        if (!validDay(d1) || !validDay(d2) || (m2 == m1 && d2 <= d1)) {
            return null;
        }
        Integer y1 = m.group("y1") == null ? null : num(m, "y1");
        Integer y2 = m.group("y2") == null ? null : num(m, "y2");
        return dayRange(m, c, rule, m1, d1, y1, m2, d2, y2);
    }

    private TimexCandidate dayMonthRange(Matcher m, Context c, int rule) {
        String conn = m.group("conn").trim().toLowerCase(Locale.ROOT);
        if (conn.startsWith("and") && !"between".equalsIgnoreCase(m.group("pre"))) {
            return null;
        }
        int m2 = monthNumber(m.group("m2"));
        int m1 = m.group("m1") == null ? m2 : monthNumber(m.group("m1"));
        int d1 = num(m, "d1");
        int d2 = num(m, "d2");
        if (!validDay(d1) || !validDay(d2) || (m2 == m1 && d2 <= d1)) {
            return null;
        }
        Integer y = m.group("y") == null ? null : num(m, "y");
        return dayRange(m, c, rule, m1, d1, null, m2, d2, y);
    }

    private TimexCandidate dayRange(Matcher m, Context c, int rule, int m1, int d1, Integer y1, int m2, int d2,
            Integer y2) {
        Integer startYear = y1;
        Integer endYear = y2;
        if (startYear == null && endYear != null) {
            startYear = m2 < m1 ? endYear - 1 : endYear;
        }
        if (startYear == null) {
            if (c.reference() == null) {
                return TimexCandidate.range(m.start(), m.end(), null, null, rule);
            }
            startYear = Calendar.inferYear(m1, d1, m2, d2, c.reference(), c.tense(m.start(), m.end()));
        }
        if (endYear == null) {
            endYear = m2 < m1 ? startYear + 1 : startYear;
        }
        LocalDate from = safeDate(startYear, m1, d1);
        LocalDate to = safeDate(endYear, m2, d2);
        if (from == null || to == null || !to.isAfter(from)) {
            return null;
        }
        return TimexCandidate.range(m.start(), m.end(), Calendar.day(from), Calendar.day(to), rule);
    }

    private TimexCandidate weekdayRange(Matcher m, Context c, int rule) {
        String conn = m.group("conn").trim().toLowerCase(Locale.ROOT);
        if (conn.startsWith("and") && !"between".equalsIgnoreCase(m.group("pre"))) {
            return null;
        }
        if (c.reference() == null) {
            return TimexCandidate.range(m.start(), m.end(), null, null, rule);
        }
        DayOfWeek w1 = weekdayOf(m.group("w1"));
        DayOfWeek w2 = weekdayOf(m.group("w2"));
        Tense tense = c.tense(m.start(), m.end());
        LocalDate from;
        if (tense == Tense.PAST) {
            // the whole range lies in the past: its end is the latest such weekday on or before the reference
            LocalDate to = Calendar.weekday(w2, c.reference(), Tense.PAST, null);
            from = to.minusDays(Math.floorMod(w2.getValue() - w1.getValue(), 7));
        } else {
            from = Calendar.weekday(w1, c.reference(), tense, null);
        }
        LocalDate to = from.plusDays(Math.floorMod(w2.getValue() - w1.getValue(), 7));
        return TimexCandidate.range(m.start(), m.end(), Calendar.day(from), Calendar.day(to), rule);
    }

    private TimexCandidate monthRange(Matcher m, Context c, int rule) {
        String conn = m.group("conn").trim().toLowerCase(Locale.ROOT);
        if (conn.startsWith("and") && !"between".equalsIgnoreCase(m.group("pre"))) {
            return null;
        }
        if (m.group("pre") == null && m.group("y1") == null && m.group("y2") == null && !conn.isEmpty()
                && !conn.matches("[-–—]")) {
            // "March to May" needs "from" or a year to be read as a range rather than two dates
            if (!"from".equals(c.wordBefore(m.start())) && !"between".equals(c.wordBefore(m.start()))) {
                return null;
            }
        }
        int m1 = monthNumber(m.group("m1"));
        int m2 = monthNumber(m.group("m2"));
        if (m1 == m2) {
            return null;
        }
        Integer y1 = m.group("y1") == null ? null : num(m, "y1");
        Integer y2 = m.group("y2") == null ? null : num(m, "y2");
        if (y1 == null && y2 != null) {
            y1 = m2 < m1 ? y2 - 1 : y2;
        }
        if (y1 == null) {
            if (c.reference() == null) {
                return TimexCandidate.range(m.start(), m.end(), null, null, rule);
            }
            y1 = Calendar.inferYear(m1, null, m2, null, c.reference(), c.tense(m.start(), m.end()));
        }
        if (y2 == null) {
            y2 = m2 < m1 ? y1 + 1 : y1;
        }
        return TimexCandidate.range(m.start(), m.end(), Calendar.month(YearMonth.of(y1, m1)),
                Calendar.month(YearMonth.of(y2, m2)), rule);
    }

    private TimexCandidate yearRange(Matcher m, Context c, int rule) {
        String conn = m.group("conn").trim().toLowerCase(Locale.ROOT);
        if (conn.startsWith("and") && !"between".equalsIgnoreCase(m.group("pre"))) {
            return null;
        }
        int y1 = num(m, "y1");
        String y2s = m.group("y2");
        int y2 = y2s.length() == 2 ? (y1 / 100) * 100 + Integer.parseInt(y2s) : Integer.parseInt(y2s);
        if (y2 <= y1 || y2 - y1 > 100) {
            return null;
        }
        if (m.group("pre") == null && !conn.matches("[-–—]") && !YEAR_PREPOSITIONS.contains(c.wordBefore(m.start()))) {
            return null;
        }
        return TimexCandidate.range(m.start(), m.end(), String.valueOf(y1), String.valueOf(y2), rule);
    }

    private TimexCandidate monthDay(Matcher m, Context c, int rule) {
        int month = monthNumber(m.group("m"));
        int d = num(m, "d");
        if (!validDay(d) || isName(c, m.start("m"))) {
            return null;
        }
        return dayDate(m, c, rule, month, d);
    }

    private TimexCandidate dayMonth(Matcher m, Context c, int rule) {
        int month = monthNumber(m.group("m"));
        int d = num(m, "d");
        if (!validDay(d) || isName(c, m.start("m"))) {
            return null;
        }
        return dayDate(m, c, rule, month, d);
    }

    private TimexCandidate dayDate(Matcher m, Context c, int rule, int month, int d) {
        Integer y = m.group("y") == null ? null : num(m, "y");
        if (y == null) {
            if (c.reference() == null) {
                return TimexCandidate.date(m.start(), m.end(), null, rule);
            }
            y = Calendar.inferYear(month, d, null, null, c.reference(), c.tense(m.start(), m.end()));
        }
        LocalDate date = safeDate(y, month, d);
        if (date == null) {
            return null;
        }
        return TimexCandidate.date(m.start(), m.end(), Calendar.day(date), rule);
    }

    private TimexCandidate monthYear(Matcher m, Context c, int rule) {
        int month = monthNumber(m.group("m"));
        Integer y;
        if (m.group("y") != null) {
            y = num(m, "y");
        } else {
            if (c.reference() == null) {
                return TimexCandidate.date(m.start(), m.end(), null, rule);
            }
            y = c.reference().getYear() + switch (m.group("rel").toLowerCase(Locale.ROOT)) {
                case "last" -> -1;
                case "next" -> 1;
                default -> 0;
            };
        }
        return TimexCandidate.date(m.start(), m.end(), Calendar.month(YearMonth.of(y, month)), rule);
    }

    private TimexCandidate bareMonth(Matcher m, Context c, int rule) {
        String name = m.group("m");
        String mod = m.group("mod") == null ? null : m.group("mod").toLowerCase(Locale.ROOT);
        if (isName(c, m.start("m"))) {
            return null;
        }
        if ("May".equals(name) && mod == null && !MONTH_PREPOSITIONS.contains(c.wordBefore(m.start()))) {
            return null; // the modal verb or a surname
        }
        if (c.reference() == null) {
            return TimexCandidate.date(m.start(), m.end(), null, rule);
        }
        int month = monthNumber(name);
        LocalDate ref = c.reference();
        int y;
        if ("last".equals(mod)) {
            y = month < ref.getMonthValue() ? ref.getYear() : ref.getYear() - 1;
        } else if ("next".equals(mod)) {
            y = month > ref.getMonthValue() ? ref.getYear() : ref.getYear() + 1;
        } else if ("this".equals(mod)) {
            y = ref.getYear();
        } else {
            y = Calendar.inferYear(month, null, null, null, ref, c.tense(m.start(), m.end()));
        }
        return TimexCandidate.date(m.start(), m.end(), Calendar.month(YearMonth.of(y, month)), rule);
    }

    private TimexCandidate decade(Matcher m, Context c, int rule) {
        int start = num(m, "dec");
        if (start % 10 != 0) {
            return null;
        }
        return TimexCandidate.range(m.start(), m.end(), String.valueOf(start), String.valueOf(start + 9), rule);
    }

    private TimexCandidate bareYear(Matcher m, Context c, int rule) {
        int y = num(m, "y");
        int yearStart = m.start("y");
        String before = c.wordBefore(m.group("mod") == null ? yearStart : m.start());
        String after = c.wordAfter(m.end());
        String nextPos = c.posAfter(m.end());
        String ner = c.nerAt(yearStart);
        boolean tagged = "DATE".equals(ner);
        boolean byPreposition = m.group("mod") != null || YEAR_PREPOSITIONS.contains(before);
        boolean byDeterminer = DETERMINERS.contains(before);
        if ("NUMBER".equals(ner) || "MONEY".equals(ner) || "PERCENT".equals(ner)) {
            return null;
        }
        if (!tagged && !byPreposition && !byDeterminer) {
            return null;
        }
        boolean nounFollows = nextPos != null && (nextPos.equals("NNS") || nextPos.equals("NN"));
        if (!tagged && byPreposition && nounFollows && !byDeterminer) {
            return null; // "in 2000 cases"
        }
        if (after.equals("percent") || after.equals("per") || after.equals("people") || after.equals("troops")) {
            return null;
        }
        return TimexCandidate.date(m.start(), m.end(), String.valueOf(y), rule);
    }

    private TimexCandidate weekdayRule(Matcher m, Context c, int rule) {
        if (isName(c, m.start("w"))) {
            return null;
        }
        if (c.reference() == null) {
            return TimexCandidate.date(m.start(), m.end(), null, rule);
        }
        String mod = m.group("mod") == null ? null : m.group("mod").toLowerCase(Locale.ROOT);
        Tense tense = c.tense(m.start("w"), m.end("w"));
        LocalDate d = Calendar.weekday(weekdayOf(m.group("w")), c.reference(), tense, mod);
        if (m.group("part") != null) {
            return new TimexCandidate(m.start(), m.end(), "TIME", Calendar.day(d) + partOfDay(m.group("part")), null,
                    null, rule, null, null);
        }
        return TimexCandidate.date(m.start(), m.end(), Calendar.day(d), rule);
    }

    private TimexCandidate relative(Matcher m, Context c, int rule) {
        String mod = m.group("mod").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        String unit = m.group("unit").toLowerCase(Locale.ROOT);
        LocalDate ref = c.reference();
        String base = mod.replaceFirst("^(the end of|the start of|the beginning of|the middle of|earlier|later|early|late) ", "");
        if (base.equals("current")) {
            base = "this";
        }
        if (ref == null) {
            return TimexCandidate.date(m.start(), m.end(), null, rule);
        }
        if (base.equals("past")) {
            // "the past week", "past year": the span up to the reference
            LocalDate from = switch (unit) {
                case "week" -> ref.minusWeeks(1);
                case "month" -> ref.minusMonths(1);
                case "decade" -> ref.minusYears(10);
                case "quarter" -> ref.minusMonths(3);
                case "weekend" -> null;
                default -> ref.minusYears(1);
            };
            if (from == null) {
                return null;
            }
            return TimexCandidate.range(m.start(), m.end(), Calendar.day(from), Calendar.day(ref), rule);
        }
        int shift = switch (base) {
            case "last" -> -1;
            case "next", "coming" -> 1;
            default -> 0;
        };
        switch (unit) {
            case "week" -> {
                return TimexCandidate.date(m.start(), m.end(), Calendar.week(ref.plusWeeks(shift)), rule);
            }
            case "weekend" -> {
                LocalDate saturday = switch (shift) {
                    case -1 -> ref.minusDays(Math.floorMod(ref.getDayOfWeek().getValue() - 6, 7) == 0 ? 7
                            : Math.floorMod(ref.getDayOfWeek().getValue() - 6, 7));
                    case 1 -> ref.plusDays(Math.floorMod(6 - ref.getDayOfWeek().getValue(), 7) == 0 ? 7
                            : Math.floorMod(6 - ref.getDayOfWeek().getValue(), 7));
                    default -> ref.with(DayOfWeek.SATURDAY);
                };
                return TimexCandidate.date(m.start(), m.end(), Calendar.week(saturday) + "-WE", rule);
            }
            case "month" -> {
                return TimexCandidate.date(m.start(), m.end(), Calendar.month(YearMonth.from(ref).plusMonths(shift)), rule);
            }
            case "year" -> {
                return TimexCandidate.date(m.start(), m.end(), String.valueOf(ref.getYear() + shift), rule);
            }
            case "quarter" -> {
                LocalDate d = ref.plusMonths(3L * shift);
                return TimexCandidate.date(m.start(), m.end(), Calendar.quarter(d.getYear(), (d.getMonthValue() - 1) / 3 + 1),
                        rule);
            }
            case "decade" -> {
                int start = (ref.getYear() / 10 + shift) * 10;
                return TimexCandidate.range(m.start(), m.end(), String.valueOf(start), String.valueOf(start + 9), rule);
            }
            default -> {
                // seasons
                String code = Calendar.season(unit);
                int startMonth = seasonStartMonth(code);
                int y;
                if (shift == 0) {
                    y = code.equals("WI") && ref.getMonthValue() <= 2 ? ref.getYear() - 1 : ref.getYear();
                } else if (shift < 0) {
                    y = Calendar.inferYear(startMonth, null, (startMonth + 1) % 12 + 1, null, ref.minusMonths(3), Tense.PAST);
                } else {
                    y = Calendar.inferYear(startMonth, null, (startMonth + 1) % 12 + 1, null, ref.plusMonths(3), Tense.FUTURE);
                }
                return TimexCandidate.date(m.start(), m.end(), y + "-" + code, rule);
            }
        }
    }

    private TimexCandidate deictic(Matcher m, Context c, int rule) {
        String w = m.group("w").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        String part = m.group("part") == null ? null : partOfDay(m.group("part"));
        LocalDate ref = c.reference();
        int shift = switch (w) {
            case "yesterday", "last night", "last evening" -> -1;
            case "tomorrow" -> 1;
            case "the day before yesterday" -> -2;
            case "the day after tomorrow" -> 2;
            default -> 0;
        };
        if (part == null) {
            part = switch (w) {
                case "tonight", "last night" -> "TNI";
                case "this morning" -> "TMO";
                case "this afternoon" -> "TAF";
                case "this evening", "last evening" -> "TEV";
                default -> null;
            };
        }
        String kind = part == null ? "DATE" : "TIME";
        String value = ref == null ? null : Calendar.day(ref.plusDays(shift)) + (part == null ? "" : part);
        return new TimexCandidate(m.start(), m.end(), kind, value, null, null, rule, null, null);
    }

    private TimexCandidate anaphoric(Matcher m, Context c, int rule) {
        String mod = (m.group("mod") != null ? m.group("mod") : m.group("mod2")).toLowerCase(Locale.ROOT);
        String unit = (m.group("unit") != null ? m.group("unit") : m.group("unit2")).toLowerCase(Locale.ROOT);
        String sign = switch (mod) {
            case "previous", "preceding", "before" -> "-";
            default -> "+";
        };
        String u = switch (unit) {
            case "week" -> "W";
            case "month" -> "M";
            case "year" -> "Y";
            default -> "D";
        };
        String kind = unit.equals("morning") ? "TIME" : "DATE";
        return new TimexCandidate(m.start(), m.end(), kind, null, null, null, rule, sign + "1" + u,
                unit.equals("morning") ? "TMO" : null);
    }

    private TimexCandidate ago(Matcher m, Context c, int rule) {
        Double n = NumberWords.parse(m.group("n"));
        if (n == null) {
            return null;
        }
        String unit = singular(m.group("unit"));
        boolean future = !m.group("dir").toLowerCase(Locale.ROOT).equals("ago");
        LocalDate ref = c.reference();
        if (ref == null || n < 0 || n != Math.floor(n)) {
            return TimexCandidate.date(m.start(), m.end(), null, rule);
        }
        long k = (long) (future ? n : -n);
        String value = switch (unit) {
            case "day" -> Calendar.day(ref.plusDays(k));
            case "hour" -> Calendar.day(ref.plusDays(Math.round(k / 24.0)));
            case "week" -> Calendar.week(ref.plusWeeks(k));
            case "month" -> Calendar.month(YearMonth.from(ref).plusMonths(k));
            case "decade" -> String.valueOf(ref.getYear() + 10 * k);
            case "century", "centurie" -> String.valueOf(ref.getYear() + 100 * k);
            default -> String.valueOf(ref.getYear() + k);
        };
        return TimexCandidate.date(m.start(), m.end(), value, rule);
    }

    private TimexCandidate pastN(Matcher m, Context c, int rule) {
        Double n = NumberWords.parse(m.group("n"));
        if (n == null) {
            return null;
        }
        String mod = m.group("mod").toLowerCase(Locale.ROOT);
        String unit = singular(m.group("unit"));
        if (mod.equals("previous") || mod.equals("following") || n < 0 || c.reference() == null
                || n != Math.floor(n)) {
            return TimexCandidate.duration(m.start(), m.end(), isoDuration(n, unit), rule);
        }
        LocalDate ref = c.reference();
        long k = n.longValue();
        LocalDate other = switch (unit) {
            case "day" -> ref.plusDays(mod.equals("past") || mod.equals("last") ? -k : k);
            case "week" -> ref.plusWeeks(mod.equals("past") || mod.equals("last") ? -k : k);
            case "month" -> ref.plusMonths(mod.equals("past") || mod.equals("last") ? -k : k);
            case "decade" -> ref.plusYears(10 * (mod.equals("past") || mod.equals("last") ? -k : k));
            case "hour" -> ref;
            default -> ref.plusYears(mod.equals("past") || mod.equals("last") ? -k : k);
        };
        if (other.equals(ref)) {
            return TimexCandidate.duration(m.start(), m.end(), isoDuration(n, unit), rule);
        }
        LocalDate from = other.isBefore(ref) ? other : ref;
        LocalDate to = other.isBefore(ref) ? ref : other;
        return TimexCandidate.range(m.start(), m.end(), Calendar.day(from), Calendar.day(to), rule);
    }

    private TimexCandidate durationAdjective(Matcher m, Context c, int rule) {
        Double n = NumberWords.parse(m.group("n").replace('-', ' '));
        if (n == null) {
            return null;
        }
        if (m.group("half") != null && n >= 0) {
            n += 0.5;
        }
        String after = m.end() < 1 ? "" : c.wordAfter(m.end());
        if (after.equals("old")) {
            return null; // an age: "65-year-old"
        }
        return TimexCandidate.duration(m.start(), m.end(), isoDuration(n, singular(m.group("unit"))), rule);
    }

    private TimexCandidate duration(Matcher m, Context c, int rule) {
        String nText = m.group("n").toLowerCase(Locale.ROOT);
        Double n = NumberWords.parse(nText);
        if (n == null) {
            return null;
        }
        String unit = singular(m.group("unit"));
        String before = c.wordBefore(m.start());
        boolean plural = m.group("unit").toLowerCase(Locale.ROOT).endsWith("s") && !unit.equals("century");
        if ((nText.equals("a") || nText.equals("an")) && m.group("q") == null
                && !Set.of("for", "over", "within", "in", "after", "lasting", "spanning", "than", "nearly", "almost",
                        "about", "around").contains(before)) {
            return null; // "a year of war", "once a week"
        }
        if (n == 1 && plural) {
            return null; // "one days": agreement broken, not a duration
        }
        if ("old".equals(c.wordAfter(m.end()))) {
            return null;
        }
        String value = isoDuration(n, unit);
        if (before.equals("in") && c.reference() != null && n > 0 && n == Math.floor(n)
                && c.tense(m.start(), m.end()) == Tense.FUTURE) {
            // "will decide in two weeks": a point in the future, not a stretch of time
            LocalDate ref = c.reference();
            long k = n.longValue();
            String date = switch (unit) {
                case "day" -> Calendar.day(ref.plusDays(k));
                case "week" -> Calendar.week(ref.plusWeeks(k));
                case "month" -> Calendar.month(YearMonth.from(ref).plusMonths(k));
                case "year" -> String.valueOf(ref.getYear() + k);
                default -> null;
            };
            if (date != null) {
                return TimexCandidate.date(m.start(), m.end(), date, rule);
            }
        }
        return TimexCandidate.duration(m.start(), m.end(), value, rule);
    }

    private TimexCandidate vagueDuration(Matcher m, Context c, int rule) {
        String unit = singular(m.group("unit"));
        int start = m.start("unit");
        String text = m.group().toLowerCase(Locale.ROOT);
        if (text.contains("recent")) {
            start = m.end("lead") + 1;
        }
        return TimexCandidate.duration(start, m.end(), isoDuration(-1.0, unit), rule);
    }

    private TimexCandidate clock(Matcher m, Context c, int rule) {
        int h = num(m, "h");
        int mi = m.group("mi") == null ? 0 : num(m, "mi");
        String ap = groupOrNull(m, "ap");
        String zone = groupOrNull(m, "z");
        if (ap == null && zone == null) {
            // a bare "14:30" counts only after "at", "by", "until"...: never a video timestamp or a score
            if (!TIME_PREPOSITIONS.contains(c.wordBefore(m.start()))) {
                return null;
            }
        }
        if (ap != null) {
            if (h < 1 || h > 12) {
                return null;
            }
            boolean pm = ap.toLowerCase(Locale.ROOT).startsWith("p");
            h = h % 12 + (pm ? 12 : 0);
        }
        if (zone != null && !zone.equals("hrs") && !zone.equals("h") && m.group().indexOf(':') < 0
                && m.group().indexOf('.') < 0 && m.group("h").length() + m.group("mi").length() != 4) {
            return null; // "14 GMT"
        }
        if (h > 23) {
            return null;
        }
        String time = String.format("T%02d:%02d", h, mi);
        return new TimexCandidate(m.start(), m.end(), "TIME", time, null, null, rule, null, time);
    }

    private TimexCandidate noon(Matcher m, Context c, int rule) {
        if (!TIME_PREPOSITIONS.contains(c.wordBefore(m.start())) && !"on".equals(c.wordBefore(m.start()))) {
            return null;
        }
        String time = m.group("w").equalsIgnoreCase("midnight") ? "T00:00" : "T12:00";
        return new TimexCandidate(m.start(), m.end(), "TIME", time, null, null, rule, null, time);
    }

    private TimexCandidate setEvery(Matcher m, Context c, int rule) {
        String unit = m.group("unit");
        int every = m.group("other") == null ? 1 : 2;
        DayOfWeek dow = weekdayOrNull(unit);
        String value;
        if (dow != null) {
            value = "XXXX-WXX-" + dow.getValue();
        } else {
            value = switch (unit.toLowerCase(Locale.ROOT)) {
                case "day" -> "P" + every + "D";
                case "week" -> "P" + every + "W";
                case "month" -> "P" + every + "M";
                case "year" -> "P" + every + "Y";
                case "morning" -> "TMO";
                case "evening" -> "TEV";
                case "night" -> "TNI";
                default -> "XXXX-WXX-WE";
            };
        }
        return TimexCandidate.set(m.start(), m.end(), value, rule);
    }

    private TimexCandidate setTimes(Matcher m, Context c, int rule) {
        String unit = m.group("unit").toLowerCase(Locale.ROOT);
        return TimexCandidate.set(m.start(), m.end(), "P1" + unitLetter(unit), rule);
    }

    private TimexCandidate setAdverb(Matcher m, Context c, int rule) {
        String ner = c.nerAt(m.start());
        if (ner != null && NAME_TAGS.contains(ner)) {
            return null; // "People's Daily"
        }
        String pos = c.posAt(m.start());
        if (pos != null && pos.startsWith("NN")) {
            return null; // "a news weekly"
        }
        String value = switch (m.group("w").toLowerCase(Locale.ROOT)) {
            case "daily" -> "P1D";
            case "weekly" -> "P1W";
            case "monthly" -> "P1M";
            case "quarterly" -> "P3M";
            case "biannual" -> "P6M";
            case "biennial" -> "P2Y";
            default -> "P1Y";
        };
        return TimexCandidate.set(m.start(), m.end(), value, rule);
    }

    private TimexCandidate setWeekdays(Matcher m, Context c, int rule) {
        DayOfWeek dow = weekdayOf(m.group("w").substring(0, m.group("w").length() - 1));
        return TimexCandidate.set(m.start("w"), m.end(), "XXXX-WXX-" + dow.getValue(), rule);
    }

    private TimexCandidate quarter(Matcher m, Context c, int rule) {
        String q = m.group("q").toLowerCase(Locale.ROOT);
        int n = switch (q) {
            case "first" -> 1;
            case "second" -> 2;
            case "third" -> 3;
            default -> 4;
        };
        String y = m.group("y") != null ? m.group("y") : m.group("y2");
        if (y == null) {
            if (c.reference() == null) {
                return TimexCandidate.date(m.start(), m.end(), null, rule);
            }
            Tense t = c.tense(m.start(), m.end());
            int year = Calendar.inferYear(3 * n - 2, null, 3 * n, null, c.reference(), t);
            return TimexCandidate.date(m.start(), m.end(), Calendar.quarter(year, n), rule);
        }
        return TimexCandidate.date(m.start(), m.end(), Calendar.quarter(Integer.parseInt(y), n), rule);
    }

    private TimexCandidate quarterCode(Matcher m, Context c, int rule) {
        return TimexCandidate.date(m.start(), m.end(), Calendar.quarter(num(m, "y"), num(m, "qn")), rule);
    }

    private TimexCandidate seasonYear(Matcher m, Context c, int rule) {
        return TimexCandidate.date(m.start(), m.end(), m.group("y") + "-" + Calendar.season(m.group("s").toLowerCase(Locale.ROOT)),
                rule);
    }

    private TimexCandidate season(Matcher m, Context c, int rule) {
        String code = Calendar.season(m.group("s").toLowerCase(Locale.ROOT));
        int start = m.start("s");
        if (c.reference() == null) {
            return TimexCandidate.date(start, m.end(), null, rule);
        }
        int startMonth = seasonStartMonth(code);
        int endMonth = (startMonth + 1) % 12 + 1;
        int y = Calendar.inferYear(startMonth, null, endMonth, null, c.reference(), c.tense(m.start(), m.end()));
        return TimexCandidate.date(start, m.end(), y + "-" + code, rule);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static int seasonStartMonth(String code) {
        return switch (code) {
            case "SP" -> 3;
            case "SU" -> 6;
            case "FA" -> 9;
            default -> 12;
        };
    }

    static String isoDuration(Double n, String unit) {
        String amount;
        if (n == null || n < 0) {
            amount = "X";
        } else if (n == Math.floor(n)) {
            amount = String.valueOf(n.longValue());
        } else {
            amount = String.valueOf(n);
        }
        return switch (unit) {
            case "hour" -> "PT" + amount + "H";
            case "minute" -> "PT" + amount + "M";
            case "second" -> "PT" + amount + "S";
            case "decade" -> "X".equals(amount) ? "PXDE" : "P" + scaled(n, 10) + "Y";
            case "century", "centurie" -> "X".equals(amount) ? "PXCE" : "P" + scaled(n, 100) + "Y";
            default -> "P" + amount + unitLetter(unit);
        };
    }

    private static String scaled(Double n, int factor) {
        double v = n * factor;
        return v == Math.floor(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static String unitLetter(String unit) {
        return switch (unit) {
            case "day" -> "D";
            case "week" -> "W";
            case "month" -> "M";
            default -> "Y";
        };
    }

    static String singular(String unit) {
        String u = unit.toLowerCase(Locale.ROOT);
        if (u.equals("centuries")) {
            return "century";
        }
        return u.endsWith("s") ? u.substring(0, u.length() - 1) : u;
    }

    private static String partOfDay(String part) {
        return switch (part.toLowerCase(Locale.ROOT)) {
            case "morning" -> "TMO";
            case "afternoon" -> "TAF";
            case "evening" -> "TEV";
            default -> "TNI";
        };
    }

    private static boolean isName(Context c, int offset) {
        String ner = c.nerAt(offset);
        return ner != null && NAME_TAGS.contains(ner);
    }

    private static String groupOrNull(Matcher m, String group) {
        try {
            return m.group(group);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int num(Matcher m, String group) {
        return Integer.parseInt(m.group(group));
    }

    private static boolean validDay(int d) {
        return d >= 1 && d <= 31;
    }

    private static LocalDate safeDate(int y, int m, int d) {
        try {
            return LocalDate.of(y, m, d);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    static int monthNumber(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return switch (n.substring(0, 3)) {
            case "jan" -> 1;
            case "feb" -> 2;
            case "mar" -> 3;
            case "apr" -> 4;
            case "may" -> 5;
            case "jun" -> 6;
            case "jul" -> 7;
            case "aug" -> 8;
            case "sep" -> 9;
            case "oct" -> 10;
            case "nov" -> 11;
            default -> 12;
        };
    }

    static DayOfWeek weekdayOf(String name) {
        DayOfWeek d = weekdayOrNull(name);
        if (d == null) {
            throw new IllegalArgumentException(name);
        }
        return d;
    }

    private static DayOfWeek weekdayOrNull(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.length() < 3) {
            return null;
        }
        return switch (n.substring(0, 3)) {
            case "mon" -> DayOfWeek.MONDAY;
            case "tue" -> DayOfWeek.TUESDAY;
            case "wed" -> DayOfWeek.WEDNESDAY;
            case "thu" -> DayOfWeek.THURSDAY;
            case "fri" -> DayOfWeek.FRIDAY;
            case "sat" -> DayOfWeek.SATURDAY;
            case "sun" -> DayOfWeek.SUNDAY;
            default -> null;
        };
    }
}
