package dev.apigwmcp.runtime.auth;

import dev.apigwmcp.runtime.upstream.UpstreamRequest;

/** Sends an OAuth2 client-credentials access token as {@code Authorization: Bearer}. */
final class BearerAuthenticator implements RequestAuthenticator {

    private final ClientCredentialsTokenSource tokens;

    BearerAuthenticator(ClientCredentialsTokenSource tokens) {
        this.tokens = tokens;
    }

    @Override
    public UpstreamRequest authenticate(UpstreamRequest request) {
        return request.withHeader("Authorization", "Bearer " + tokens.token());
    }

    @Override
    public String toString() {
        return "BearerAuthenticator[" + tokens + "]";
    }
}
