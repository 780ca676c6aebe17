package dev.apigwmcp.runtime.upstream;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** A {@code Retry-After} header (RFC 9110 10.2.3): delay-seconds or an HTTP date, read as a wait from now. */
public final class RetryAfter {

    private RetryAfter() {}

    /** The wait the header asks for (never negative), or empty when it is missing or unreadable. */
    public static Optional<Duration> parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.trim();
        if (text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            // Longer than a year is nonsense; cap it rather than overflow.
            return Optional.of(Duration.ofSeconds(text.length() > 9 ? 999_999_999L : Long.parseLong(text)));
        }
        try {
            Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            Duration wait = Duration.between(now, at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Whole seconds, rounded up, for an error text. */
    public static long seconds(Duration wait) {
        return (wait.toMillis() + 999) / 1000;
    }
}
