package dev.apigwmcp.samples.demo;

import java.util.Map;

/**
 * One entry of the demo backend's request log: what arrived and how the backend judged its credentials. Header
 * values that are credentials ({@code authorization}, {@code x-api-key}, {@code x-amz-security-token}) are replaced
 * by {@code (redacted)}; the two flags say whether they were right.
 *
 * @param query the raw query string, or {@code null}
 * @param signatureValid a SigV4 signature was sent and {@link SigV4Verifier} accepted it
 * @param apiKeyValid the {@code x-api-key} header held the demo API key
 * @param status the HTTP status the backend answered with
 */
public record RecordedCall(
        String method,
        String path,
        String query,
        Map<String, String> headers,
        String body,
        boolean signatureValid,
        boolean apiKeyValid,
        int status) {

    public RecordedCall {
        headers = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(headers));
    }
}
