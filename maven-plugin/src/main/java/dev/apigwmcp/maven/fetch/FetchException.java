package dev.apigwmcp.maven.fetch;

/** A failed export fetch, with a message fit for the build log (no stack trace needed, no secrets). */
public final class FetchException extends Exception {

    private static final long serialVersionUID = 1L;

    public FetchException(String message) {
        super(message);
    }
}
