package dev.apigwmcp.runtime.auth;

import dev.apigwmcp.runtime.tools.Caller;
import dev.apigwmcp.runtime.upstream.UpstreamRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Sends HTTP Basic credentials (RFC 7617): {@code Authorization: Basic base64(user-id ":" password)}, the two
 * encoded as UTF-8 (what the RFC's {@code charset="UTF-8"} asks for, and what servers without a charset parameter
 * use in practice). The header value is built once at start.
 */
final class BasicAuthenticator implements RequestAuthenticator {

    private final String authorization;

    /** Credentials that {@link #userIdProblem} and {@link #textProblem} accept. */
    BasicAuthenticator(String userId, String password) {
        if (userIdProblem(userId) != null || textProblem(password) != null) {
            // The message names no value: the caller reports the problem itself before getting here.
            throw new IllegalArgumentException("unusable basic credentials");
        }
        this.authorization = "Basic "
                + Base64.getEncoder().encodeToString((userId + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Why a user-id cannot be sent, or {@code null}: the first {@code :} of the decoded pair ends the user-id, so a
     * user-id holding one would reach the server cut in two.
     */
    static String userIdProblem(String userId) {
        int colon = userId.indexOf(':');
        if (colon >= 0) {
            return "holds ':' (at position " + colon + "), which HTTP basic cannot carry in a user name (RFC 7617)";
        }
        return textProblem(userId);
    }

    /** Why a user-id or password cannot be sent, or {@code null}: RFC 7617 forbids control characters. */
    static String textProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.getType(c) == Character.CONTROL) {
                return "holds a control character (at position " + i + "), which HTTP basic does not allow";
            }
        }
        if (!StandardCharsets.UTF_8.newEncoder().canEncode(text)) {
            return "holds a lone UTF-16 surrogate, which has no UTF-8 encoding";
        }
        return null;
    }

    @Override
    public UpstreamRequest authenticate(UpstreamRequest request, ToolAuth tool, Caller caller) {
        return request.withHeader("Authorization", authorization);
    }

    @Override
    public String toString() {
        return "BasicAuthenticator";
    }
}
