package dev.apigwmcp.runtime.tools;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Who sent a request, as the HTTP transport verified it, and the request headers a target may forward: the one
 * carrier of the caller from the transport to the tool side. Stdio and unauthenticated HTTP requests have no
 * subject and no token.
 *
 * @param subject       the verified token's {@code sub}, or {@code null}
 * @param scopes        the verified token's scopes (empty without a token)
 * @param token         the verified access token, or {@code null}; it goes upstream only to the bearer methods of a
 *                      target whose bearer token source is the caller ({@code target.<t>.bearer.source caller})
 * @param readOnlyTools whether the caller may see and call only tools annotated read-only
 * @param headers       the request's headers that may ever be forwarded, by lower-case name (never a credential:
 *                      see {@link #notForwardable}); a target forwards only those it names
 */
public record Caller(
        String subject, Set<String> scopes, String token, boolean readOnlyTools, Map<String, List<String>> headers) {

    /** A caller nothing is known about, allowed every tool: stdio, and in-process calls. */
    public static final Caller LOCAL = new Caller(null, Set.of(), null, false, Map.of());

    /** Credential headers of the MCP request, never sent upstream whatever the settings say. */
    private static final Set<String> CREDENTIALS =
            Set.of("authorization", "proxy-authorization", "cookie", "x-api-key");
    /** Headers the gateway or its HTTP client sets for each upstream request, or that only mean something here. */
    private static final Set<String> GATEWAY_OWNED = Set.of(
            "host",
            "content-length",
            "content-type",
            "content-encoding",
            "transfer-encoding",
            "connection",
            "keep-alive",
            "upgrade",
            "te",
            "trailer",
            "expect",
            "accept-encoding",
            "origin",
            "forwarded",
            "via");

    public Caller {
        scopes = Set.copyOf(scopes);
        Map<String, List<String>> kept = new TreeMap<>();
        headers.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (notForwardable(lower) == null) {
                kept.computeIfAbsent(lower, n -> new java.util.ArrayList<>()).addAll(values);
            }
        });
        kept.replaceAll((name, values) -> List.copyOf(values));
        headers = Map.copyOf(kept);
    }

    /** The values of a forwardable request header (empty when the request had none). */
    public List<String> header(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /**
     * Why a header of the MCP request can never be forwarded upstream, or {@code null} when it may be: credentials
     * ({@code Authorization}, {@code Cookie}, {@code X-Api-Key}, {@code X-Amz-*}, {@code Proxy-*}), headers the
     * gateway sets itself, and the MCP transport's own ({@code Mcp-*}).
     */
    public static String notForwardable(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (CREDENTIALS.contains(lower) || lower.startsWith("x-amz-") || lower.startsWith("proxy-")) {
            return "carries a credential of the MCP request";
        }
        if (lower.startsWith("mcp-") || lower.startsWith("sec-")) {
            return "belongs to the MCP client's own connection";
        }
        if (GATEWAY_OWNED.contains(lower)) {
            return "is set by the gateway for each upstream request";
        }
        return null;
    }

    /** Never the token itself: a caller may end up in a log line or an exception. */
    @Override
    public String toString() {
        return "Caller[subject=" + subject + ", scopes=" + scopes + ", token=" + (token == null ? "none" : "present")
                + ", readOnlyTools=" + readOnlyTools + ", headers=" + headers.keySet() + "]";
    }
}
