package dev.apigwmcp.runtime.upstream;

/** How far one upstream exchange got: what was late when a deadline passed, or where the connection broke. */
enum ExchangePhase {
    /** No connection yet (resolving, connecting, TLS handshake, or waiting for a pooled connection). */
    CONNECT("no connection to the upstream was established"),
    /** The request went out; no response status line and headers came back. */
    HEADERS("the request was sent, but the response headers did not arrive"),
    /** The headers came; the body did not finish. */
    BODY("the response headers arrived, but the body did not finish");

    private final String late;

    ExchangePhase(String late) {
        this.late = late;
    }

    /** What had not happened yet, for an error text. */
    public String late() {
        return late;
    }
}
