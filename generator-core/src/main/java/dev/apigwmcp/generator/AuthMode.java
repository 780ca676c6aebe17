package dev.apigwmcp.generator;

/** The outbound authentication a target's tools use by default. */
public enum AuthMode {
    /** SigV4 signing for every operation (service {@code execute-api}). */
    IAM,
    /** The API key header for every operation. */
    API_KEY,
    /**
     * HTTP basic for every operation: for an API whose Lambda authorizer or backend checks a Basic
     * {@code Authorization} header the export does not declare.
     */
    BASIC,
    /** No credentials. */
    NONE,
    /** Per operation, from the export's {@code security} and {@code x-amazon-apigateway-authtype}. */
    FROM_EXPORT
}
