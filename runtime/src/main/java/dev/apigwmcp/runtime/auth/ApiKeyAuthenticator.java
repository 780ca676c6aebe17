package dev.apigwmcp.runtime.auth;

import dev.apigwmcp.runtime.upstream.PercentEncoding;
import dev.apigwmcp.runtime.upstream.UpstreamRequest;
import java.net.URI;
import java.util.Objects;

/** Sends a fixed API key, read once at start, in the header or query parameter the export names. */
final class ApiKeyAuthenticator implements RequestAuthenticator {

    private final ApiKeyPlacement placement;
    private final String key;

    ApiKeyAuthenticator(ApiKeyPlacement placement, String key) {
        this.placement = Objects.requireNonNull(placement, "placement");
        this.key = Objects.requireNonNull(key, "key");
    }

    @Override
    public UpstreamRequest authenticate(UpstreamRequest request) {
        String value = placement.prefix() + key;
        if (placement.in() == ApiKeyPlacement.Location.HEADER) {
            return request.withHeader(placement.name(), value);
        }
        String uri = request.uri().toString();
        String parameter = PercentEncoding.encode(placement.name()) + "=" + PercentEncoding.encode(value);
        return request.withUri(URI.create(uri + (request.uri().getRawQuery() == null ? "?" : "&") + parameter));
    }

    @Override
    public String toString() {
        return "ApiKeyAuthenticator[" + placement + "]";
    }
}
