package dev.apigwmcp.runtime.upstream;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A fully built upstream HTTP request: the exact method, URI, headers and body bytes that go on the wire (and that
 * SigV4 signs). Authenticators derive new instances from it; it is never mutated.
 *
 * @param method  upper-case HTTP method
 * @param uri     absolute URI, already percent-encoded
 * @param headers header lines in the order they are sent
 * @param body    body bytes, or {@code null} for none (not copied: treat as read-only)
 * @param timeout timeout for the whole exchange
 */
public record UpstreamRequest(String method, URI uri, List<HttpHeader> headers, byte[] body, Duration timeout) {

    public UpstreamRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(timeout, "timeout");
        headers = List.copyOf(headers);
    }

    /** A copy with one more header. */
    public UpstreamRequest withHeader(String name, String value) {
        List<HttpHeader> more = new ArrayList<>(headers);
        more.add(new HttpHeader(name, value));
        return new UpstreamRequest(method, uri, more, body, timeout);
    }

    /** A copy whose headers are replaced. */
    public UpstreamRequest withHeaders(List<HttpHeader> replaced) {
        return new UpstreamRequest(method, uri, replaced, body, timeout);
    }

    /** A copy with another URI (same host: callers only add query parameters). */
    public UpstreamRequest withUri(URI replaced) {
        return new UpstreamRequest(method, replaced, headers, body, timeout);
    }

    /** The first value of a header, case-insensitively, or {@code null}. */
    public String header(String name) {
        for (HttpHeader header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                return header.value();
            }
        }
        return null;
    }

    /** The URI without query, safe to show (a query may carry an API key). */
    public String displayUri() {
        String text = uri.toString();
        int query = text.indexOf('?');
        return query < 0 ? text : text.substring(0, query);
    }

    boolean hasBody() {
        return body != null;
    }

    String lowerMethod() {
        return method.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return method + " " + displayUri() + " " + headers + (body == null ? "" : " body " + body.length + " bytes");
    }
}
