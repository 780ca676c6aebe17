package dev.apigwmcp.runtime.upstream;

import java.net.http.HttpHeaders;

/**
 * An upstream answer with its body read up to the configured cap.
 *
 * @param status    HTTP status code
 * @param headers   response headers
 * @param body      the body bytes read (at most the cap)
 * @param truncated whether the body was longer than the cap and was cut
 */
public record UpstreamResponse(int status, HttpHeaders headers, byte[] body, boolean truncated) {

    /** The {@code Content-Type} header, or {@code null}. */
    public String contentType() {
        return headers.firstValue("content-type").orElse(null);
    }
}
