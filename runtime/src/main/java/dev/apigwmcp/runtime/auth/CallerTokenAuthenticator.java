package dev.apigwmcp.runtime.auth;

import dev.apigwmcp.runtime.tools.Caller;
import dev.apigwmcp.runtime.upstream.UpstreamRequest;

/**
 * Sends the MCP request's own verified access token ({@code target.<t>.bearer.source caller}) where the tool's
 * authorizer reads it, so that an API behind the same user pool sees the real user. It serves only the bearer
 * methods of its target: the token never reaches a SigV4 or API-key method, nor another host (requests keep their
 * target's base URL).
 */
final class CallerTokenAuthenticator implements RequestAuthenticator {

    @Override
    public UpstreamRequest authenticate(UpstreamRequest request, ToolAuth tool, Caller caller) {
        if (caller == null || caller.token() == null) {
            throw new AuthException("this tool passes on the caller's own token (bearer.source caller), and this"
                    + " request carried none.");
        }
        TokenPlacement placement = tool.token();
        return placement.in().place(request, placement.name(), placement.prefix() + caller.token());
    }

    @Override
    public String toString() {
        return "CallerTokenAuthenticator";
    }
}
