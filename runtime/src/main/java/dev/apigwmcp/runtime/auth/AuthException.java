package dev.apigwmcp.runtime.auth;

/**
 * A credential could not be obtained or applied for a call. The message is shown to the client, so it never holds
 * a secret.
 */
public final class AuthException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AuthException(String message) {
        super(message, null, false, false);
    }
}
