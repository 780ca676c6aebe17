package dev.apigwmcp.runtime.tools;

import tools.jackson.databind.JsonNode;

/**
 * A W3C Trace Context received with an MCP request: from {@code params._meta} (the MCP convention, SEP-414) or
 * the HTTP request's headers. Only well-formed values get here, so they are safe to send on as headers.
 *
 * @param traceparent the {@code traceparent}, rewritten in version {@code 00} (the version this gateway speaks)
 * @param tracestate  the {@code tracestate}, or {@code null} when absent or malformed
 */
public record TraceContext(String traceparent, String tracestate) {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    /** W3C's limit for a {@code tracestate} value. */
    private static final int MAX_TRACESTATE = 512;

    private static final String INVALID_TRACE_ID = "00000000000000000000000000000000";
    private static final String INVALID_SPAN_ID = "0000000000000000";

    public TraceContext {
        if (traceparent == null || !traceparent.equals(parseTraceparent(traceparent))) {
            throw new IllegalArgumentException("not a traceparent in its version-00 form");
        }
        tracestate = validTracestate(tracestate);
    }

    /** The context these header values carry, or {@code null} when {@code traceparent} is absent or malformed. */
    public static TraceContext of(String traceparent, String tracestate) {
        String normalised = parseTraceparent(traceparent);
        return normalised == null ? null : new TraceContext(normalised, tracestate);
    }

    /** The context in a request's {@code params._meta}, or {@code null}. */
    public static TraceContext fromMeta(JsonNode meta) {
        if (meta == null || !meta.isObject()) {
            return null;
        }
        JsonNode parent = meta.get(TRACEPARENT);
        if (parent == null || !parent.isString()) {
            return null;
        }
        JsonNode state = meta.get(TRACESTATE);
        return of(parent.asString(), state != null && state.isString() ? state.asString() : null);
    }

    /** The 32 lower-case hex digits of the trace id. */
    public String traceId() {
        return traceparent.substring(3, 35);
    }

    /** The 16 hex digits of the caller's span id (the parent of what this gateway does). */
    public String spanId() {
        return traceparent.substring(36, 52);
    }

    /** Whether the caller sampled the trace (the {@code sampled} flag). */
    public boolean sampled() {
        return (Character.digit(traceparent.charAt(54), 16) & 1) == 1;
    }

    /**
     * A {@code traceparent} rewritten as version 00, or {@code null} when it is malformed. W3C: a later version is
     * read by its first four fields (and must not end with more digits of the flags), version {@code ff} and
     * all-zero ids are invalid, and hex digits are lower case.
     */
    private static String parseTraceparent(String value) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        if (text.length() < 55 || text.charAt(2) != '-' || text.charAt(35) != '-' || text.charAt(52) != '-') {
            return null;
        }
        String version = text.substring(0, 2);
        if (!isHex(version) || version.equals("ff")) {
            return null;
        }
        if (version.equals("00") ? text.length() != 55 : text.length() > 55 && text.charAt(55) != '-') {
            return null;
        }
        String traceId = text.substring(3, 35);
        String spanId = text.substring(36, 52);
        String flags = text.substring(53, 55);
        if (!isHex(traceId)
                || !isHex(spanId)
                || !isHex(flags)
                || traceId.equals(INVALID_TRACE_ID)
                || spanId.equals(INVALID_SPAN_ID)) {
            return null;
        }
        // Only the sampled flag is defined for version 00; other bits are not passed on.
        String versionZeroFlags = (Character.digit(flags.charAt(1), 16) & 1) == 1 ? "01" : "00";
        return "00-" + traceId + "-" + spanId + "-" + versionZeroFlags;
    }

    private static boolean isHex(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** The value when it fits W3C's length and character rules (visible ASCII, spaces, no controls), else null. */
    private static String validTracestate(String value) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        if (text.isEmpty() || text.length() > MAX_TRACESTATE) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return null;
            }
        }
        return text;
    }
}
