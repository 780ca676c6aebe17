package dev.apigwmcp.runtime.upstream;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed attempt is sent again, and after how long. Only idempotent methods are retried (sending them twice
 * does what sending them once does); POST and PATCH never are, since the export has no way to mark one idempotent.
 *
 * @param maxAttempts attempts per call, the first included (1: no retries)
 * @param baseDelay   the backoff before the first retry; it doubles for each further one
 * @param maxDelay    the longest wait before a retry, a {@code Retry-After} included; an upstream that asks for
 *                    longer gets its answer passed on instead
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    /** RFC 9110's idempotent methods that the gateway sends. */
    public static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    public boolean retries(String method) {
        return maxAttempts > 1 && IDEMPOTENT.contains(method);
    }

    /** Statuses worth another try of an idempotent request: throttled, bad gateway, unavailable, gateway timeout. */
    public static boolean retryableStatus(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    /**
     * The backoff before attempt {@code next} (2 for the first retry): exponential with "equal jitter" (half fixed,
     * half random), so that calls failing together do not come back together, capped at {@link #maxDelay()}.
     */
    public Duration backoff(int next) {
        long ceiling = baseDelay.toNanos() << Math.min(20, Math.max(0, next - 2));
        ceiling = Math.min(ceiling, maxDelay.toNanos());
        if (ceiling <= 1) {
            return Duration.ofNanos(Math.max(0, ceiling));
        }
        long half = ceiling / 2;
        return Duration.ofNanos(half + ThreadLocalRandom.current().nextLong(ceiling - half + 1));
    }
}
