package dev.apigwmcp.maven.fetch;

/** Fetches a REST API stage's OpenAPI 3 export (with the {@code apigateway} extensions) as JSON bytes. */
public interface ExportFetcher {

    /** The export's bytes; failures are one clear message naming the source, never a secret. */
    byte[] fetch(ExportSource source) throws FetchException;
}
