package dev.apigwmcp.runtime.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of the HTTP transport against slow and hostile clients. A client is told by its address, as the socket
 * shows it (behind a reverse proxy every client has the proxy's address: raise the per-client caps there).
 *
 * @param readIdle             a request (headers or body) that sends no byte this long is answered 408 and closed
 * @param readTimeout          a request's headers and body must arrive within this, however steadily they trickle
 * @param maxSessionsPerClient legacy sessions one client address may hold; at the cap its least recently used
 *                             idle session makes room
 * @param unusedSessionIdle    a legacy session that got no request after {@code initialize} expires after this
 * @param maxCallsPerClient    tool calls one client address may have in flight over all its sessions and requests
 */
public record ClientLimits(
        Duration readIdle,
        Duration readTimeout,
        int maxSessionsPerClient,
        Duration unusedSessionIdle,
        int maxCallsPerClient) {
    public ClientLimits {
        Objects.requireNonNull(readIdle, "readIdle");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(unusedSessionIdle, "unusedSessionIdle");
        if (readIdle.isNegative() || readIdle.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "read deadlines must be positive, got " + readIdle + " and " + readTimeout);
        }
        if (maxSessionsPerClient < 1 || maxCallsPerClient < 1) {
            throw new IllegalArgumentException("per-client caps must be at least 1, got " + maxSessionsPerClient
                    + " sessions and " + maxCallsPerClient + " calls");
        }
    }

    public static ClientLimits defaults() {
        return new ClientLimits(Duration.ofSeconds(5), Duration.ofSeconds(15), 100, Duration.ofMinutes(2), 64);
    }
}
