package io.newslens.ingest.extraction;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Parses the ways news pages write dates: machine values (ISO 8601, RFC 1123, epoch seconds) and human text in
 * several languages ("April 16, 2023 9:30 AM ET", "16. April 2023, 14:30 Uhr", "16 de abril de 2023",
 * "16 апреля 2023", "16.04.2023", "04/16/2023"), plus relative phrases when a reference time is known.
 * Dates without a time are taken at 00:00 UTC; times without a zone are taken as UTC.
 */
final class DateTexts {

    /** The earliest year a news page date is believed; older values are defaults and junk. */
    static final int EARLIEST_YEAR = 1995;

    /** A date found in text, where it stands, and how precise it is. */
    record Found(Instant instant, int start, int end, boolean hasTime) {
    }

    private DateTexts() {
    }

    private static final Map<String, Integer> MONTHS = new HashMap<>();

    private static void months(int month, String... names) {
        for (String n : names) {
            MONTHS.put(n, month);
        }
    }

    static {
        // English, German, French, Spanish, Portuguese, Italian, Dutch, Swedish, Polish, Russian, Ukrainian, Turkish
        months(1, "january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "janeiro", "gennaio", "gen",
                "januari", "stycznia", "styczeń", "января", "январь", "янв", "січня", "ocak");
        months(2, "february", "feb", "febr", "februar", "février", "fevrier", "févr", "fevr", "febrero", "fevereiro",
                "fev", "fév", "febbraio", "februari", "lutego", "luty", "февраля", "февраль", "фев", "лютого", "şubat");
        months(3, "march", "mar", "märz", "maerz", "mär", "mars", "marzo", "março", "marco", "maart", "mrt", "marca",
                "marzec", "марта", "март", "березня", "mart");
        months(4, "april", "apr", "avril", "avr", "abril", "abr", "aprile", "kwietnia", "kwiecień", "апреля", "апрель",
                "апр", "квітня", "nisan");
        months(5, "may", "mai", "mayo", "maio", "maggio", "mag", "mei", "maj", "maja", "мая", "май", "травня", "mayıs");
        months(6, "june", "jun", "juni", "juin", "junio", "junho", "giugno", "giu", "czerwca", "июня", "июнь", "червня",
                "haziran");
        months(7, "july", "jul", "juli", "juillet", "juil", "julio", "julho", "luglio", "lug", "lipca", "июля", "июль",
                "липня", "temmuz");
        months(8, "august", "aug", "août", "aout", "agosto", "ago", "augustus", "sierpnia", "августа", "август", "авг",
                "серпня", "ağustos");
        months(9, "september", "sep", "sept", "septembre", "septiembre", "setiembre", "set", "setembro", "settembre",
                "września", "сентября", "сентябрь", "сен", "вересня", "eylül");
        months(10, "october", "oct", "oktober", "okt", "octobre", "octubre", "outubro", "out", "ottobre", "ott",
                "października", "октября", "октябрь", "окт", "жовтня", "ekim");
        months(11, "november", "nov", "novembre", "noviembre", "novembro", "listopada", "ноября", "ноябрь", "ноя",
                "листопада", "kasım");
        months(12, "december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic", "dezembro",
                "dicembre", "grudnia", "декабря", "декабрь", "дек", "грудня", "aralık");
    }

    private static final String MONTH = MONTHS.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed())
            .map(Pattern::quote).collect(Collectors.joining("|", "(?<month>", ")\\.?"));
    private static final String WEEKDAY_WORD = "(?:[\\p{L}]{2,12}\\.?,?\\s+)?";
    private static final String YEAR = "(?<year>(?:19|20)\\d{2})";
    private static final String DAY = "(?<day>[0-3]?\\d)";
    private static final String TIME = "(?:(?:\\s*(?:,|at|um|à|a las|alle|om|в|às|kl\\.?|\\||-|–|—|•|·)?\\s*)"
            + "(?<hour>[0-2]?\\d)(?:[:h.](?<minute>[0-5]\\d))?(?::(?<second>[0-5]\\d))?\\s*"
            + "(?<ampm>[ap]\\.?\\s?m\\.?)?(?:\\s*(?:uhr|h|uur|ч\\.?))?"
            + "(?:\\s*\\(?(?<zone>[A-Z]{2,5}(?:[+-]\\d{1,2}(?::?\\d{2})?)?|[+-]\\d{2}:?\\d{2})\\)?)?)?";

    /** "April 16, 2023", "Apr. 16th 2023", "Mon Apr 17 2023". */
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("(?iu)(?<![\\p{L}\\d])" + MONTH + "\\s+" + DAY
            + "(?:st|nd|rd|th)?,?\\s+" + YEAR + "(?!\\d)" + TIME);
    /** "16 April 2023", "16. April 2023", "1er mai 2023", "16 de abril de 2023", "16 апреля 2023 г.". */
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(?iu)(?<![\\p{L}\\d])" + DAY
            + "(?:\\.|er|º|°|st|nd|rd|th)?\\s*(?:de\\s+)?" + MONTH + "(?:\\s+de|,)?\\s+" + YEAR
            + "(?:\\s*(?:г\\.|года|р\\.|року))?(?!\\d)" + TIME);
    /** "16.04.2023", "04/16/2023", "16-04-2023": the order is decided by {@link #numeric}. */
    private static final Pattern NUMERIC_DMY = Pattern.compile("(?<![\\d./-])(?<a>[0-3]?\\d)(?<sep>[./-])(?<b>[01]?\\d)\\k<sep>"
            + YEAR + "(?![\\d])" + TIME);
    /** "2023-04-16", "2023/04/16", "2023.04.16". */
    private static final Pattern NUMERIC_YMD = Pattern.compile("(?<![\\d./-])" + YEAR
            + "(?<sep>[./-])(?<b>[01]?\\d)\\k<sep>(?<a>[0-3]?\\d)(?![\\d])(?:[T ](?<hour>[0-2]\\d):(?<minute>[0-5]\\d)"
            + "(?::(?<second>[0-5]\\d))?(?:\\.\\d+)?(?<zone>Z|[+-]\\d{2}:?\\d{2})?)?");

    private static final Pattern HAS_YEAR = Pattern.compile("(?<!\\d)(?:19|20)\\d{2}(?!\\d)");

    private static final Pattern RELATIVE = Pattern.compile("(?iu)(?:(?<n>\\d+|an?|one)\\s+(?<unit>minute|min|hour|hr|day|week)s?\\s+ago"
            + "|vor\\s+(?<nde>\\d+|einer?|einem)\\s+(?<unitde>Minute|Stunde|Tag|Woche)n?e?"
            + "|il y a\\s+(?<nfr>\\d+|une?)\\s+(?<unitfr>minute|heure|jour|semaine)s?"
            + "|hace\\s+(?<nes>\\d+|una?)\\s+(?<unites>minuto|hora|día|dia|semana)s?"
            + "|(?<nru>\\d+)\\s+(?<unitru>минут[уы]?|час(?:а|ов)?|дн(?:я|ей)|день)\\s+назад"
            + "|(?<yesterday>yesterday|gestern|hier|ayer|ieri|ontem|gisteren|вчера)"
            + "|(?<today>today|heute|aujourd'hui|hoy|oggi|hoje|vandaag|сегодня))");

    private static final Map<String, ZoneId> ZONES = new HashMap<>();

    static {
        ZoneId newYork = ZoneId.of("America/New_York");
        ZoneId chicago = ZoneId.of("America/Chicago");
        ZoneId denver = ZoneId.of("America/Denver");
        ZoneId la = ZoneId.of("America/Los_Angeles");
        ZONES.put("ET", newYork);
        ZONES.put("EST", ZoneOffset.ofHours(-5));
        ZONES.put("EDT", ZoneOffset.ofHours(-4));
        ZONES.put("CT", chicago);
        ZONES.put("CST", ZoneOffset.ofHours(-6));
        ZONES.put("CDT", ZoneOffset.ofHours(-5));
        ZONES.put("MT", denver);
        ZONES.put("MST", ZoneOffset.ofHours(-7));
        ZONES.put("MDT", ZoneOffset.ofHours(-6));
        ZONES.put("PT", la);
        ZONES.put("PST", ZoneOffset.ofHours(-8));
        ZONES.put("PDT", ZoneOffset.ofHours(-7));
        ZONES.put("GMT", ZoneOffset.UTC);
        ZONES.put("UTC", ZoneOffset.UTC);
        ZONES.put("Z", ZoneOffset.UTC);
        ZONES.put("BST", ZoneOffset.ofHours(1));
        ZONES.put("IST", ZoneOffset.ofHoursMinutes(5, 30));
        ZONES.put("CET", ZoneOffset.ofHours(1));
        ZONES.put("MEZ", ZoneOffset.ofHours(1));
        ZONES.put("CEST", ZoneOffset.ofHours(2));
        ZONES.put("MESZ", ZoneOffset.ofHours(2));
        ZONES.put("EET", ZoneOffset.ofHours(2));
        ZONES.put("EEST", ZoneOffset.ofHours(3));
        ZONES.put("MSK", ZoneOffset.ofHours(3));
        ZONES.put("MCK", ZoneOffset.ofHours(3));
        ZONES.put("HKT", ZoneOffset.ofHours(8));
        ZONES.put("SGT", ZoneOffset.ofHours(8));
        ZONES.put("JST", ZoneOffset.ofHours(9));
        ZONES.put("KST", ZoneOffset.ofHours(9));
        ZONES.put("AEST", ZoneOffset.ofHours(10));
        ZONES.put("AEDT", ZoneOffset.ofHours(11));
    }

    // ---------------------------------------------------------------- machine values

    private static final Pattern OFFSET_NO_COLON = Pattern.compile("([+-]\\d{2})(\\d{2})$");
    private static final Pattern EPOCH = Pattern.compile("\\d{10}(\\d{3})?");

    /**
     * A machine-written date (meta content, datetime attribute, JSON-LD value). Falls back to {@link #findFirst}
     * for the human forms some CMSs put there.
     */
    static Optional<Instant> parseMachine(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String v = raw.strip();
        if (v.isEmpty() || v.length() > 80) {
            return Optional.empty();
        }
        if (EPOCH.matcher(v).matches()) {
            long n = Long.parseLong(v);
            return plausible(v.length() == 13 ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n));
        }
        String iso = v.replace(' ', 'T');
        Matcher noColon = OFFSET_NO_COLON.matcher(iso);
        if (iso.contains("T") && noColon.find()) {
            iso = iso.substring(0, noColon.start()) + noColon.group(1) + ":" + noColon.group(2);
        }
        try {
            return plausible(OffsetDateTime.parse(iso).toInstant());
        } catch (DateTimeParseException ignored) {
            // next form
        }
        try {
            return plausible(ZonedDateTime.parse(iso).toInstant());
        } catch (DateTimeParseException ignored) {
            // next form
        }
        try {
            return plausible(LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException ignored) {
            // next form
        }
        try {
            return plausible(ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException ignored) {
            // next form
        }
        return findFirst(v, false).map(Found::instant);
    }

    // ---------------------------------------------------------------- human text

    /** The first date written in a text, or empty. {@code monthFirst} decides "04/05/2023" style ambiguity. */
    static Optional<Found> findFirst(String text, boolean monthFirst) {
        List<Found> all = findAll(text, monthFirst);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Every full date (day, month and year) written in a text, in order of position. */
    static List<Found> findAll(String text, boolean monthFirst) {
        List<Found> found = new ArrayList<>();
        if (text == null || text.isEmpty() || !HAS_YEAR.matcher(text).find()) {
            return found; // every full date has a year: a cheap test spares the month-name patterns most lines
        }
        collect(found, MONTH_DAY_YEAR.matcher(text), Kind.MONTH_NAME, monthFirst);
        collect(found, DAY_MONTH_YEAR.matcher(text), Kind.MONTH_NAME, monthFirst);
        collect(found, NUMERIC_DMY.matcher(text), Kind.NUMERIC, monthFirst);
        collect(found, NUMERIC_YMD.matcher(text), Kind.ISO, monthFirst);
        found.sort(Comparator.comparingInt(Found::start));
        // drop matches that overlap an earlier one ("16.04.2023" is not also "04.2023 ...")
        List<Found> result = new ArrayList<>();
        int end = -1;
        for (Found f : found) {
            if (f.start() >= end) {
                result.add(f);
                end = f.end();
            }
        }
        return result;
    }

    /** "3 hours ago", "vor 2 Tagen", "yesterday": only meaningful against a reference time. */
    static Optional<Found> findRelative(String text, Instant reference) {
        if (text == null || reference == null) {
            return Optional.empty();
        }
        Matcher m = RELATIVE.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        Duration back;
        if (m.group("yesterday") != null) {
            back = Duration.ofDays(1);
        } else if (m.group("today") != null) {
            back = Duration.ZERO;
        } else {
            String n = firstNonNull(m.group("n"), m.group("nde"), m.group("nfr"), m.group("nes"), m.group("nru"));
            String unit = firstNonNull(m.group("unit"), m.group("unitde"), m.group("unitfr"), m.group("unites"),
                    m.group("unitru")).toLowerCase(Locale.ROOT);
            long count = n.chars().allMatch(Character::isDigit) ? Long.parseLong(n) : 1;
            if (unit.startsWith("min")) {
                back = Duration.ofMinutes(count);
            } else if (unit.startsWith("h") || unit.startsWith("st") || unit.startsWith("час")) {
                back = Duration.ofHours(count);
            } else if (unit.startsWith("w") || unit.startsWith("se")) {
                back = Duration.ofDays(7 * count);
            } else {
                back = Duration.ofDays(count);
            }
        }
        return Optional.of(new Found(reference.minus(back), m.start(), m.end(), !back.isZero()));
    }

    private enum Kind { MONTH_NAME, NUMERIC, ISO }

    private static void collect(List<Found> out, Matcher m, Kind kind, boolean monthFirst) {
        while (m.find()) {
            try {
                int year = Integer.parseInt(m.group("year"));
                int month;
                int day;
                if (kind == Kind.MONTH_NAME) {
                    Integer mm = MONTHS.get(m.group("month").toLowerCase(Locale.ROOT));
                    if (mm == null) {
                        continue;
                    }
                    month = mm;
                    day = Integer.parseInt(m.group("day"));
                } else if (kind == Kind.ISO) {
                    month = Integer.parseInt(m.group("b"));
                    day = Integer.parseInt(m.group("a"));
                } else {
                    int a = Integer.parseInt(m.group("a"));
                    int b = Integer.parseInt(m.group("b"));
                    boolean slash = "/".equals(m.group("sep"));
                    if (a > 12) {
                        day = a;
                        month = b;
                    } else if (b > 12) {
                        day = b;
                        month = a;
                    } else if (slash && monthFirst) {
                        // 04/05/2023 on an American page is April 5; dots and dashes are day-first everywhere
                        month = a;
                        day = b;
                    } else {
                        day = a;
                        month = b;
                    }
                }
                LocalDate date = LocalDate.of(year, month, day);
                LocalTime time = null;
                String hour = m.group("hour");
                if (hour != null) {
                    int h = Integer.parseInt(hour);
                    int min = m.group("minute") == null ? 0 : Integer.parseInt(m.group("minute"));
                    int sec = m.group("second") == null ? 0 : Integer.parseInt(m.group("second"));
                    String ampm = kind == Kind.ISO ? null : m.group("ampm");
                    boolean hasMinute = m.group("minute") != null;
                    if (ampm != null) {
                        boolean pm = Character.toLowerCase(ampm.charAt(0)) == 'p';
                        if (h >= 1 && h <= 12) {
                            h = h % 12 + (pm ? 12 : 0);
                            time = LocalTime.of(h, min, sec);
                        }
                    } else if (hasMinute && h < 24) {
                        time = LocalTime.of(h, min, sec);
                    }
                }
                ZoneId zone = ZoneOffset.UTC;
                String zoneText = m.group("zone");
                if (time != null && zoneText != null) {
                    zone = zoneOf(zoneText);
                    if (zone == null) {
                        zone = ZoneOffset.UTC;
                    }
                }
                Instant instant = time == null ? date.atStartOfDay(ZoneOffset.UTC).toInstant()
                        : ZonedDateTime.of(date, time, zone).toInstant();
                int end = time == null && m.group("hour") != null ? m.start("hour") : m.end();
                if (plausible(instant).isPresent()) {
                    out.add(new Found(instant, m.start(), Math.max(m.start() + 1, end), time != null));
                }
            } catch (DateTimeException | IllegalArgumentException ignored) {
                // "31.02.2023" and friends are not dates
            }
        }
    }

    private static ZoneId zoneOf(String z) {
        String zone = z.strip();
        if (zone.startsWith("+") || zone.startsWith("-")) {
            try {
                return ZoneOffset.of(zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone);
            } catch (DateTimeException e) {
                return null;
            }
        }
        Matcher offset = Pattern.compile("(GMT|UTC)([+-]\\d{1,2})(?::?(\\d{2}))?").matcher(zone);
        if (offset.matches()) {
            int h = Integer.parseInt(offset.group(2));
            int mm = offset.group(3) == null ? 0 : Integer.parseInt(offset.group(3));
            return ZoneOffset.ofHoursMinutes(h, h < 0 ? -mm : mm);
        }
        return ZONES.get(zone.toUpperCase(Locale.ROOT));
    }

    /** Dates before {@link #EARLIEST_YEAR} or more than two days ahead are defaults, typos or junk. */
    static Optional<Instant> plausible(Instant instant) {
        if (instant == null) {
            return Optional.empty();
        }
        int year = instant.atZone(ZoneOffset.UTC).getYear();
        if (year < EARLIEST_YEAR || instant.isAfter(Instant.now().plus(Duration.ofDays(2)))) {
            return Optional.empty();
        }
        return Optional.of(instant);
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
