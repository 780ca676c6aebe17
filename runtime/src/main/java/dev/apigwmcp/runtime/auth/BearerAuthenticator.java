package dev.apigwmcp.runtime.auth;

import dev.apigwmcp.runtime.tools.Caller;
import dev.apigwmcp.runtime.upstream.UpstreamRequest;

/**
 * Sends an OAuth2 client-credentials access token where the tool's authorizer reads it: by default
 * {@code Authorization: Bearer <token>}, else the header or query parameter and prefix of its
 * {@link TokenPlacement}. One token serves every tool of the target.
 */
final class BearerAuthenticator implements RequestAuthenticator {

    private final ClientCredentialsTokenSource tokens;

    BearerAuthenticator(ClientCredentialsTokenSource tokens) {
        this.tokens = tokens;
    }

    @Override
    public UpstreamRequest authenticate(UpstreamRequest request, ToolAuth tool, Caller caller) {
        TokenPlacement placement = tool.token();
        return placement.in().place(request, placement.name(), placement.prefix() + tokens.token());
    }

    @Override
    public String toString() {
        return "BearerAuthenticator[" + tokens + "]";
    }
}
