package dev.apigwmcp.runtime.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofMillis(1000));

    @Test
    void onlyIdempotentMethodsAreRetried() {
        assertThat(policy.retries("GET")).isTrue();
        assertThat(policy.retries("HEAD")).isTrue();
        assertThat(policy.retries("PUT")).isTrue();
        assertThat(policy.retries("DELETE")).isTrue();
        assertThat(policy.retries("OPTIONS")).isTrue();
        assertThat(policy.retries("POST")).isFalse();
        assertThat(policy.retries("PATCH")).isFalse();
        assertThat(new RetryPolicy(1, Duration.ZERO, Duration.ZERO).retries("GET"))
                .isFalse();
    }

    @Test
    void onlyThrottlingAndGatewayFailuresAreRetryableStatuses() {
        assertThat(RetryPolicy.retryableStatus(429)).isTrue();
        assertThat(RetryPolicy.retryableStatus(502)).isTrue();
        assertThat(RetryPolicy.retryableStatus(503)).isTrue();
        assertThat(RetryPolicy.retryableStatus(504)).isTrue();
        assertThat(RetryPolicy.retryableStatus(500)).isFalse();
        assertThat(RetryPolicy.retryableStatus(404)).isFalse();
    }

    @Test
    void backoffDoublesWithJitterAndStaysUnderTheMaximum() {
        for (int i = 0; i < 200; i++) {
            assertThat(policy.backoff(2).toMillis()).isBetween(50L, 100L);
            assertThat(policy.backoff(3).toMillis()).isBetween(100L, 200L);
            assertThat(policy.backoff(10).toMillis()).isBetween(500L, 1000L);
        }
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(RetryAfter.parse("120", now)).contains(Duration.ofSeconds(120));
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.ofInstant(now.plusSeconds(30), ZoneOffset.UTC));
        assertThat(RetryAfter.parse(date, now)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Thu, 01 Jan 2015 00:00:00 GMT", now)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", now)).isEmpty();
        assertThat(RetryAfter.parse(null, now)).isEmpty();
        assertThat(RetryAfter.seconds(Duration.ofMillis(1001))).isEqualTo(2);
    }
}
