package dev.apigwmcp.runtime.transport;

import java.util.Locale;

/**
 * What a POST's {@code Accept} header lets the answer be (RFC 9110 media ranges; a range with {@code q=0} is
 * refused). Streamable HTTP clients send {@code application/json, text/event-stream}; one that takes only
 * {@code text/event-stream} must get even a quick reply as an SSE stream, not as a JSON body it cannot read.
 *
 * @param json an {@code application/json} body is acceptable: no {@code Accept} at all (lenient to clients that
 *             leave it out), {@code application/json}, {@code application/*} or {@code *}{@code /*}
 * @param sse  an SSE stream may be started for notifications and heartbeats: {@code text/event-stream} or
 *             {@code text/*} named; a bare {@code *}{@code /*} keeps the answer JSON (curl sends it by default)
 */
record AcceptedTypes(boolean json, boolean sse) {

    /** Reads a request's {@code Accept} header, {@code null} when it has none. */
    static AcceptedTypes of(String accept) {
        if (accept == null || accept.isBlank()) {
            return new AcceptedTypes(true, false);
        }
        boolean json = false;
        boolean sse = false;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            if (refused(parts)) {
                continue;
            }
            json |= type.equals("application/json") || type.equals("application/*") || type.equals("*/*");
            sse |= type.equals("text/event-stream") || type.equals("text/*");
        }
        return new AcceptedTypes(json, sse);
    }

    /** Every reply is an SSE stream: the client takes SSE but not JSON. */
    boolean sseOnly() {
        return sse && !json;
    }

    /** Whether a range's parameters hold {@code q=0} (also {@code 0.0}, {@code 0.000}). */
    private static boolean refused(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("q=")) {
                return parameter.substring(2).trim().matches("0(\\.0{0,3})?");
            }
        }
        return false;
    }
}
