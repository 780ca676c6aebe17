package dev.apigwmcp.runtime.inbound;

/**
 * Why a bearer token was refused. The description is all that is said of a token, in the challenge's
 * {@code error_description} and in the log: never a claim, a key id or the token itself. The texts use only the
 * characters RFC 6750 allows there (no quote, no backslash).
 */
enum TokenProblem {
    MISSING("no bearer token"),
    MALFORMED("the token is not a well-formed JWT"),
    UNSIGNED("the token is not signed (alg none)"),
    ENCRYPTED("encrypted tokens are not accepted"),
    TYPE("the token's typ is not that of an access token"),
    ALGORITHM("the token's signing algorithm is not accepted (RS, PS or ES 256, 384 or 512 only)"),
    KEY_ALGORITHM("the issuer's key does not allow the token's algorithm"),
    UNKNOWN_KEY("no key of the issuer matches the token"),
    SIGNATURE("the token's signature does not verify"),
    CLAIMS("a claim of the token has the wrong type"),
    NO_EXPIRY("the token has no expiry (exp)"),
    EXPIRED("the token has expired"),
    NOT_YET_VALID("the token is not valid yet (nbf)"),
    ISSUER("the token is from another issuer"),
    AUDIENCE("the token is not meant for this gateway (aud)"),
    CLIENT("the token's client is not allowed (client_id or azp)");

    private final String description;

    TokenProblem(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
