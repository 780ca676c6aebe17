package dev.apigwmcp.runtime.protocol;

/**
 * Told of each {@code tools/call} the protocol layer refuses before it starts: over the session's, the client's
 * or the batch's limit (-32000, {@code data.limit} naming the setting), or because its id is already in flight in
 * the session (-32600). One batch can produce thousands of refusals, so an implementation counts them (telemetry's
 * {@code Throttles}) and never writes a line each; it is called on the request's thread, must be quick and must not
 * throw.
 */
@FunctionalInterface
public interface RefusedCalls {

    /** Tells nobody. */
    RefusedCalls NONE = tool -> {};

    /** @param tool the tool the call names when it is one of this server's, else {@code null} */
    void refused(String tool);
}
