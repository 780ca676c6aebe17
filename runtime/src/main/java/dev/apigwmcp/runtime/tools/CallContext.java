package dev.apigwmcp.runtime.tools;

/**
 * What the protocol layer knows about a {@code tools/call} that the tool side reports with it (spans, the call log):
 * never arguments, credentials or session ids.
 *
 * @param requestId       the JSON-RPC id as text, or {@code null} (a notification or an internal call)
 * @param protocolVersion the MCP revision the client speaks, or {@code null} when not known
 * @param trace           the caller's W3C trace context, or {@code null} when it sent none
 */
public record CallContext(String requestId, String protocolVersion, TraceContext trace) {

    /** A call with nothing known about its caller. */
    public static final CallContext NONE = new CallContext(null, null, null);
}
