package dev.apigwmcp.maven.packaging;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads {@code project.build.outputTimestamp} as Maven's own plugins do: an ISO-8601 date-time with an offset
 * ({@code 2026-01-01T00:00:00Z}) or seconds since 1970; empty or a single character means "not set".
 */
public final class OutputTimestamp {

    /** The range a jar entry's DOS date-time can hold without an extra field. */
    private static final Instant EARLIEST = Instant.parse("1980-01-01T00:00:02Z");

    private static final Instant LATEST = Instant.parse("2099-12-31T23:59:59Z");

    private OutputTimestamp() {}

    /** The fixed time of every entry, or empty when the project sets none. */
    public static Optional<Instant> parse(String value) throws PackagingException {
        if (value == null || value.strip().length() < 2) {
            return Optional.empty();
        }
        String text = value.strip();
        Instant instant;
        try {
            instant = text.chars().allMatch(Character::isDigit)
                    ? Instant.ofEpochSecond(Long.parseLong(text))
                    : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new PackagingException("project.build.outputTimestamp \"" + text + "\" is neither an ISO-8601"
                    + " date-time with an offset (such as 2026-01-01T00:00:00Z) nor seconds since 1970");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new PackagingException("project.build.outputTimestamp \"" + text + "\" must lie between " + EARLIEST
                    + " and " + LATEST + ", the dates a jar entry can hold");
        }
        return Optional.of(instant);
    }
}
