package dev.apigwmcp.runtime.inbound;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides from a request's {@code Authorization} header(s) whether it may go on, and as whom: one bearer token,
 * verified, with the scopes the policy needs. A request without a bearer token, or with an unusable one, gets 401
 * and {@code invalid_token} (one challenge for every refusal a client can fix by getting a token: the project's
 * rule, though RFC 6750 would leave the error code out when no token was sent), missing scopes
 * {@code insufficient_scope} with 403, two {@code Authorization} headers {@code invalid_request} with 400.
 */
final class Authorizer implements AutoCloseable {

    private static final String BEARER = "bearer ";
    /** RFC 6750's b64token, which every JWT is; checked first, as the token may be sent upstream as it came. */
    private static final java.util.regex.Pattern B64TOKEN = java.util.regex.Pattern.compile("[A-Za-z0-9._~+/-]+=*");

    private final JwtVerifier verifier;
    private final ScopePolicy scopes;

    Authorizer(JwtVerifier verifier, ScopePolicy scopes) {
        this.verifier = verifier;
        this.scopes = scopes;
    }

    /** The outcome for one request. */
    sealed interface Decision permits Admitted, Refused {}

    /** @param token the verified token, to be sent upstream where a target is set to the caller's token */
    record Admitted(String subject, Set<String> scopes, String token, boolean readOnlyTools) implements Decision {
        @Override
        public String toString() {
            return "Admitted[subject=" + subject + ", scopes=" + scopes + ", readOnlyTools=" + readOnlyTools + "]";
        }
    }

    /**
     * @param status      401, 403 or 400
     * @param error       the RFC 6750 error code
     * @param description why, in a few words (never anything of the token), or {@code null}
     * @param scope       the scopes the challenge asks for (empty: none named)
     */
    record Refused(int status, String error, String description, List<String> scope) implements Decision {
        Refused {
            scope = List.copyOf(scope);
        }
    }

    /** @param authorization every {@code Authorization} header of the request (usually none or one) */
    Decision authorize(List<String> authorization) {
        if (authorization.size() > 1) {
            return new Refused(400, "invalid_request", "more than one Authorization header", List.of());
        }
        String header = authorization.isEmpty() ? null : authorization.get(0).trim();
        if (header == null
                || !header.toLowerCase(Locale.ROOT).startsWith(BEARER.trim())
                || (header.length() > BEARER.trim().length()
                        && header.charAt(BEARER.trim().length()) != ' ')) {
            // No bearer token (none at all, or another scheme such as Basic): the challenge says what to send.
            return new Refused(401, "invalid_token", TokenProblem.MISSING.description(), scopes.minimum());
        }
        String token = header.substring(BEARER.trim().length()).trim();
        if (!B64TOKEN.matcher(token).matches()) {
            return new Refused(401, "invalid_token", TokenProblem.MALFORMED.description(), scopes.minimum());
        }
        JwtVerifier.Result result = verifier.verify(token);
        if (result instanceof JwtVerifier.Rejected rejected) {
            return new Refused(401, "invalid_token", rejected.problem().description(), scopes.minimum());
        }
        JwtVerifier.Verified verified = (JwtVerifier.Verified) result;
        ScopePolicy.Access access = scopes.decide(verified.scopes());
        if (access instanceof ScopePolicy.Insufficient insufficient) {
            return new Refused(
                    403, "insufficient_scope", "the token lacks a scope this gateway requires", insufficient.needed());
        }
        return new Admitted(
                verified.subject(), verified.scopes(), token, ((ScopePolicy.Allowed) access).readOnlyTools());
    }

    @Override
    public void close() {
        verifier.close();
    }
}
