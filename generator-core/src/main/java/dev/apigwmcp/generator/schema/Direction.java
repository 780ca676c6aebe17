package dev.apigwmcp.generator.schema;

/** Which side of an operation a schema describes; decides which of {@code readOnly}/{@code writeOnly} is dropped. */
public enum Direction {
    /** Tool arguments (request): {@code readOnly} properties are removed, the client must not send them. */
    INPUT,
    /** Tool results (response): {@code writeOnly} properties are removed, the server never returns them. */
    OUTPUT
}
