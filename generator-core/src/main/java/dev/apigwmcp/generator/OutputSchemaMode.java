package dev.apigwmcp.generator;

/**
 * How a target's tools describe their results. Clients that follow MCP check {@code structuredContent} against
 * {@code outputSchema} and fail the call when it does not conform, while real APIs often answer a little off their
 * documented schema; so by default output schemas keep the documented shape and types but none of the
 * constraints that real answers commonly break.
 */
public enum OutputSchemaMode {
    /**
     * The documented shape and types; no {@code required}, no closed objects, no enums, patterns, formats or
     * bounds, {@code null} accepted everywhere, {@code oneOf} read as {@code anyOf}.
     */
    TOLERANT,
    /** The documented schema as it is. */
    STRICT,
    /** No output schemas: results are text (and {@code structuredContent} without a schema). */
    NONE
}
