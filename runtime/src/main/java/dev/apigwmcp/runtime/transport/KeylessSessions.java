package dev.apigwmcp.runtime.transport;

import dev.apigwmcp.runtime.protocol.ClientSession;
import dev.apigwmcp.runtime.protocol.JsonRpc;
import dev.apigwmcp.runtime.protocol.RpcError;

/**
 * No legacy sessions: on a platform that spreads requests over many copies of the gateway, a session held by one
 * copy fails on the next request that reaches another, so {@code initialize} is refused up front with what to do.
 */
final class KeylessSessions implements Sessions {
    private static final RpcError REFUSAL = RpcError.of(
            JsonRpc.INVALID_REQUEST,
            "Invalid request: this gateway runs"
                    + " as many copies (AWS Lambda) without a session key, so it cannot keep a legacy (initialize) session;"
                    + " its operator sets --session.key-file or --session.key-env (APIGW_MCP_SESSION_KEY_ENV names the"
                    + " variable holding the key), or the client names protocol version 2026-07-28 in _meta, which needs no session");

    @Override
    public Found create(String client) {
        return new Found(null, REFUSAL);
    }

    @Override
    public String established(ClientSession session) {
        throw new IllegalStateException("no session was created");
    }

    @Override
    public void abandon(ClientSession session) {}

    @Override
    public Found find(String id, String client) {
        return Found.NONE;
    }

    @Override
    public boolean end(String id) {
        return false;
    }

    @Override
    public void reap() {}

    @Override
    public int size() {
        return 0;
    }

    @Override
    public void closeAll() {}
}
