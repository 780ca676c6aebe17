package dev.apigwmcp.runtime.auth;

import dev.apigwmcp.runtime.tools.Caller;
import dev.apigwmcp.runtime.upstream.UpstreamRequest;
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
    public UpstreamRequest authenticate(UpstreamRequest request, ToolAuth tool, Caller caller) {
        return placement.in().place(request, placement.name(), placement.prefix() + key);
    }

    @Override
    public String toString() {
        return "ApiKeyAuthenticator[" + placement + "]";
    }
}
