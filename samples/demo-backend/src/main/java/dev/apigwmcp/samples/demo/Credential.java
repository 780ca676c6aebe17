package dev.apigwmcp.samples.demo;

/** What a route of the demo API demands, as the export's {@code security} says for the method. */
enum Credential {
    /** {@code awsSigv4}: an IAM (SigV4) signature. */
    SIGV4,
    /** {@code api_key}: the {@code x-api-key} header. */
    API_KEY
}
