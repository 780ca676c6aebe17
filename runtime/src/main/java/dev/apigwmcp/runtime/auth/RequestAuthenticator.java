package dev.apigwmcp.runtime.auth;

import dev.apigwmcp.runtime.tools.Caller;
import dev.apigwmcp.runtime.upstream.UpstreamRequest;

/** Adds one kind of credential to a built request. May block (token or credential refresh). */
interface RequestAuthenticator {

    /**
     * The request with the credential applied, placed as {@code tool} says where that matters (the bearer token);
     * throws {@link AuthException} when none can be had. Only the caller's-token authenticator reads {@code caller}.
     */
    UpstreamRequest authenticate(UpstreamRequest request, ToolAuth tool, Caller caller);
}
