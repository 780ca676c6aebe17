package dev.apigwmcp.runtime.auth;

import dev.apigwmcp.runtime.upstream.PercentEncoding;
import dev.apigwmcp.runtime.upstream.UpstreamRequest;
import java.net.URI;

/** Where a credential travels: a request header or a query parameter. */
public enum CredentialLocation {
    HEADER,
    QUERY;

    /** The request with {@code value} added under {@code name} here (a query value is percent-encoded). */
    UpstreamRequest place(UpstreamRequest request, String name, String value) {
        if (this == HEADER) {
            return request.withHeader(name, value);
        }
        String parameter = PercentEncoding.encode(name) + "=" + PercentEncoding.encode(value);
        return request.withUri(
                URI.create(request.uri() + (request.uri().getRawQuery() == null ? "?" : "&") + parameter));
    }
}
