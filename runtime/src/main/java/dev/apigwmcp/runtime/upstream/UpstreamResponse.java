package dev.apigwmcp.runtime.upstream;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * An upstream answer with its body read (and decoded) up to the configured cap.
 *
 * @param status          HTTP status code
 * @param headers         response headers
 * @param body            the body bytes read, decoded from gzip or deflate when the upstream compressed them (at most
 *                        the cap)
 * @param truncated       whether the body was longer than the cap and was cut
 * @param encodingProblem why a compressed body could not be decoded ({@code body} is then as received), or
 *                        {@code null}
 */
public record UpstreamResponse(
        int status, HttpHeaders headers, byte[] body, boolean truncated, String encodingProblem) {

    public UpstreamResponse(int status, HttpHeaders headers, byte[] body, boolean truncated) {
        this(status, headers, body, truncated, null);
    }

    /** The {@code Content-Type} header, or {@code null}. */
    public String contentType() {
        return headers.firstValue("content-type").orElse(null);
    }

    /** The wait a {@code Retry-After} header asks for, if there is a readable one. */
    public Optional<Duration> retryAfter(Instant now) {
        return RetryAfter.parse(headers.firstValue("retry-after").orElse(null), now);
    }
}
