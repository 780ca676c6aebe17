package dev.apigwmcp.generator.model;

/** A credential the runtime attaches to an upstream call. */
public enum AuthKind {
    /** AWS Signature Version 4 for {@code execute-api}. */
    SIGV4,
    /** An API key (API Gateway: the {@code x-api-key} header). */
    API_KEY,
    /** An OAuth2 bearer token from the client-credentials flow (Cognito, Lambda authorizer, oauth2). */
    BEARER,
    /** HTTP Basic (RFC 7617): a user name and password from the gateway's settings. */
    BASIC,
    /** A scheme the runtime cannot satisfy (HTTP digest, mutual TLS, ...). */
    UNSUPPORTED
}
