package io.newslens.ingest.service;

import io.newslens.commons.problem.ProblemException;
import io.newslens.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/** Publication dates given by clients, checked for being possible. */
@ApplicationScoped
public class PublicationDates {

    public record Found(Instant instant, String source) {
    }

    private static final Instant EARLIEST = Instant.parse("1800-01-01T00:00:00Z");

    @Inject
    IngestConfig config;

    @Inject
    io.newslens.ingest.extraction.TextDateFinder textDates;

    /** Parses a client's publishedAt; null stays null, anything impossible is a 422 naming the field. */
    public Instant parseSubmitted(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant = parseIso(value.strip()).orElseThrow(() -> ProblemException.unprocessable(
                "publishedAt '" + clip(value) + "' is not a possible ISO-8601 date or date-time", "publishedAt"));
        if (instant.isBefore(EARLIEST)) {
            throw ProblemException.unprocessable("publishedAt is before 1800", "publishedAt");
        }
        if (instant.isAfter(Instant.now().plus(config.maxFuturePublication()))) {
            throw ProblemException.unprocessable("publishedAt lies in the future", "publishedAt");
        }
        return instant;
    }

    /** A dateline or "Published ..." line in a plain text, if it has one. */
    public Optional<Found> fromText(String text) {
        return textDates.find(text).filter(i -> !i.isBefore(EARLIEST)
                && !i.isAfter(Instant.now().plus(config.maxFuturePublication())))
                .map(i -> new Found(i, "text"));
    }

    static Optional<Instant> parseIso(String v) {
        try {
            return Optional.of(OffsetDateTime.parse(v).toInstant());
        } catch (DateTimeParseException ignored) {
            // next form
        }
        try {
            return Optional.of(Instant.parse(v));
        } catch (DateTimeParseException ignored) {
            // next form
        }
        try {
            return Optional.of(LocalDateTime.parse(v).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException ignored) {
            // next form
        }
        try {
            // strict: 2023-02-30 is refused, not rolled over
            return Optional.of(LocalDate.parse(v, java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd")
                    .withResolverStyle(ResolverStyle.STRICT)).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeException ignored) {
            return Optional.empty();
        }
    }

    private static String clip(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }
}
