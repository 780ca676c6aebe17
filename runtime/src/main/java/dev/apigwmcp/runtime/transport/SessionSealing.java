package dev.apigwmcp.runtime.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * Portable legacy sessions: their ids are sealed with {@code keys}, shared by every replica, and end
 * {@code maxAge} after {@code initialize} wherever they are used.
 */
public record SessionSealing(SessionKeys keys, Duration maxAge) {
    public SessionSealing {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("session max age must be positive, got " + maxAge);
        }
    }
}
