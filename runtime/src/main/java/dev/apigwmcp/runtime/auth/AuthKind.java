package dev.apigwmcp.runtime.auth;

/** A credential an upstream call needs, as listed in {@code bindings.json} {@code tools[].auth}. */
public enum AuthKind {
    /** AWS Signature Version 4 for {@code execute-api}. */
    SIGV4,
    /** An API Gateway API key. */
    API_KEY,
    /** An OAuth2 bearer token from the client-credentials flow. */
    BEARER,
    /** HTTP Basic (RFC 7617): a user name and password from the target's settings. */
    BASIC
}
