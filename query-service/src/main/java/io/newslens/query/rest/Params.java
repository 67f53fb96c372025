package io.newslens.query.rest;

import io.newslens.commons.problem.ProblemException;
import io.newslens.contracts.Annotations;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** Validation of query parameters, each failure a 400 problem naming the parameter. */
final class Params {

    private Params() {
    }

    /** A date (start of that day, UTC) or a date-time; with {@code endOfDay} a date means the end of that day. */
    static Instant instant(String name, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException ignored) {
            // next form
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException ignored) {
            // next form
        }
        try {
            LocalDate d = LocalDate.parse(v);
            return (endOfDay ? d.plusDays(1) : d).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name + " '" + clip(v) + "' is not an ISO-8601 date (2023-04-16) or date-time", name);
        }
    }

    static int page(Integer page) {
        if (page == null) {
            return 1;
        }
        if (page < 1 || page > 10_000) {
            throw ProblemException.badRequest("page must be between 1 and 10000 (use the cursor for deep paging)", "page");
        }
        return page;
    }

    static int size(Integer size, int defaultSize, int max) {
        if (size == null) {
            return defaultSize;
        }
        if (size < 1 || size > max) {
            throw ProblemException.badRequest("size must be between 1 and " + max, "size");
        }
        return size;
    }

    static String entityType(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        String t = type.strip().toUpperCase(Locale.ROOT);
        if (!Annotations.ENTITY_TYPES.contains(t)) {
            throw ProblemException.badRequest("type must be one of " + Annotations.ENTITY_TYPES, "type");
        }
        return t;
    }

    static String language(String language) {
        if (language == null || language.isBlank()) {
            return null;
        }
        String l = language.strip().toLowerCase(Locale.ROOT);
        if (!l.matches("[a-z]{2,3}")) {
            throw ProblemException.badRequest("language must be an ISO 639 code such as en", "language");
        }
        return l;
    }

    static String oneOf(String name, String value, List<String> allowed, String fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw ProblemException.badRequest(name + " must be one of " + allowed, name);
        }
        return v;
    }

    static String id(String name, String value) {
        if (value == null || value.isBlank() || value.length() > 64 || !value.matches("[A-Za-z0-9_:.\\-]+")) {
            throw ProblemException.badRequest(name + " is not a valid id", name);
        }
        return value;
    }

    static void range(Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw ProblemException.badRequest("from must be before to", "from");
        }
    }

    static String clip(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }
}
