package dev.apigwmcp.generator.catalog;

/** Whether a catalog change can break a client built against the old catalog. */
public enum Severity {
    /** A client that worked before can fail now. */
    BREAKING,
    /** Existing clients keep working. */
    COMPATIBLE
}
