package dev.apigwmcp.runtime.spi;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Who called, as the gateway's inbound authorization verified it: never the token itself. Without inbound
 * authorization (stdio, or HTTP without {@code --inbound.jwt.discovery-url}) the caller is {@link #anonymous()}.
 *
 * @param subject       the verified token's {@code sub}, or {@code null}
 * @param scopes        the verified token's scopes (empty without a token)
 * @param authenticated whether a verified token came with the call
 * @param headers        the MCP request's headers that may be forwarded, by lower-case name (credentials, {@code Mcp-*}
 *                      and the gateway's own headers are never here)
 */
public record CallerIdentity(
        String subject, Set<String> scopes, boolean authenticated, Map<String, List<String>> headers) {

    private static final CallerIdentity ANONYMOUS = new CallerIdentity(null, Set.of(), false, Map.of());

    public CallerIdentity {
        scopes = Set.copyOf(scopes);
        headers = Map.copyOf(headers);
    }

    /** A caller with no verified identity. */
    public static CallerIdentity anonymous() {
        return ANONYMOUS;
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    /** The values of a forwardable request header (empty when there were none). */
    public List<String> header(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }
}
