package io.newslens.nlp.pipeline.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;

/**
 * Calendar arithmetic for resolving expressions against a reference (publication) date, and ISO-8601 formatting.
 * The tense rules live here: a weekday in a past-tense clause is the latest such day on or before the reference,
 * in a future-tense clause the first one after it, otherwise the nearest one.
 */
public final class Calendar {

    /** Slack for day-level dates against the tense ("were scheduled for April 16", written two days before). */
    static final int DAY_TOLERANCE = 7;

    private Calendar() {
    }

    public static String day(LocalDate d) {
        return d.toString();
    }

    public static String month(YearMonth m) {
        return m.toString();
    }

    public static String week(LocalDate d) {
        return String.format("%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public static String quarter(int year, int q) {
        return year + "-Q" + q;
    }

    /**
     * The date of a weekday named without a date.
     *
     * @param modifier "last", "next", "this", "coming", "past" or null
     */
    public static LocalDate weekday(DayOfWeek dow, LocalDate ref, Tense tense, String modifier) {
        int back = Math.floorMod(ref.getDayOfWeek().getValue() - dow.getValue(), 7); // 0..6 days back
        int ahead = Math.floorMod(dow.getValue() - ref.getDayOfWeek().getValue(), 7); // 0..6 days ahead
        LocalDate latestPast = ref.minusDays(back); // on or before ref
        LocalDate nextFuture = ref.plusDays(ahead == 0 ? 7 : ahead); // strictly after ref
        if (modifier != null) {
            switch (modifier) {
                case "last", "past" -> {
                    // "last Tuesday": the Tuesday of the week before (a day earlier this week would be "on Tuesday")
                    return ref.minusWeeks(1).with(dow);
                }
                case "next", "coming" -> {
                    return nextFuture;
                }
                case "this" -> {
                    // the one in the reference's own week (ISO weeks start on Monday)
                    return ref.with(dow);
                }
                default -> {
                }
            }
        }
        return switch (tense) {
            case PAST -> latestPast;
            case FUTURE -> nextFuture;
            default -> back <= ahead ? latestPast : ref.plusDays(ahead);
        };
    }

    /**
     * The year of a month or month-and-day named without one ("in March", "on April 16", "April 16-19"):
     * by tense, then by proximity to the reference date.
     *
     * @param startDay null for a whole month
     * @param endMonth month of the end of a range, or null
     * @param endDay day of the end of a range, or null for a whole month
     */
    public static int inferYear(int startMonth, Integer startDay, Integer endMonth, Integer endDay, LocalDate ref,
            Tense tense) {
        int best = ref.getYear();
        long bestScore = Long.MAX_VALUE;
        boolean dayLevel = startDay != null;
        for (int y = ref.getYear() - 1; y <= ref.getYear() + 1; y++) {
            LocalDate start;
            LocalDate end;
            try {
                start = dayLevel ? LocalDate.of(y, startMonth, startDay) : LocalDate.of(y, startMonth, 1);
                int em = endMonth == null ? startMonth : endMonth;
                int ey = em < startMonth ? y + 1 : y;
                if (endDay != null) {
                    end = LocalDate.of(ey, em, endDay);
                } else if (dayLevel && endMonth == null) {
                    end = start;
                } else {
                    end = YearMonth.of(ey, em).atEndOfMonth();
                }
            } catch (java.time.DateTimeException e) {
                continue; // 29 February in a common year
            }
            long score;
            int tolerance = dayLevel ? DAY_TOLERANCE : 0;
            switch (tense) {
                case PAST -> {
                    if (start.isAfter(ref.plusDays(tolerance))) {
                        continue;
                    }
                    score = ref.toEpochDay() - start.toEpochDay(); // the latest that fits
                }
                case FUTURE -> {
                    if (end.isBefore(ref.minusDays(tolerance))) {
                        continue;
                    }
                    score = start.toEpochDay() - ref.toEpochDay(); // the earliest that fits
                }
                default -> score = distance(start, end, ref);
            }
            score = Math.abs(score);
            if (score < bestScore) {
                bestScore = score;
                best = y;
            }
        }
        return best;
    }

    static long distance(LocalDate start, LocalDate end, LocalDate ref) {
        if (!ref.isBefore(start) && !ref.isAfter(end)) {
            return 0;
        }
        return ref.isBefore(start) ? start.toEpochDay() - ref.toEpochDay() : ref.toEpochDay() - end.toEpochDay();
    }

    /** A season code as in TIMEX3: SP, SU, FA, WI. */
    public static String season(String word) {
        return switch (word) {
            case "spring" -> "SP";
            case "summer" -> "SU";
            case "autumn", "fall" -> "FA";
            default -> "WI";
        };
    }
}
