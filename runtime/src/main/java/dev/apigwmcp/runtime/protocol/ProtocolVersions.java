package dev.apigwmcp.runtime.protocol;

import java.util.List;

/** The MCP revisions this server speaks, newest first, and what each era implies. */
public final class ProtocolVersions {
    public static final String MODERN = "2026-07-28";
    public static final String V2025_11_25 = "2025-11-25";
    public static final String V2025_06_18 = "2025-06-18";
    public static final String V2025_03_26 = "2025-03-26";

    /** Versions named per request in {@code _meta} (handshake-free era). */
    public static final List<String> MODERN_VERSIONS = List.of(MODERN);
    /** Versions negotiated by {@code initialize}, newest first. */
    public static final List<String> LEGACY_VERSIONS = List.of(V2025_11_25, V2025_06_18, V2025_03_26);
    /** Every version, newest first (listed in {@code server/discover} and in -32022 errors). */
    public static final List<String> ALL = List.of(MODERN, V2025_11_25, V2025_06_18, V2025_03_26);

    /** The key of the per-request protocol version in {@code _meta}. */
    public static final String META_PROTOCOL_VERSION = "io.modelcontextprotocol/protocolVersion";

    public static final String META_CLIENT_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
    public static final String META_SERVER_INFO = "io.modelcontextprotocol/serverInfo";

    private ProtocolVersions() {}

    public static boolean isModern(String version) {
        return MODERN_VERSIONS.contains(version);
    }

    public static boolean isLegacy(String version) {
        return LEGACY_VERSIONS.contains(version);
    }

    public static boolean isSupported(String version) {
        return ALL.contains(version);
    }

    /** The version an {@code initialize} settles on: the client's when we speak it, else our newest legacy one. */
    public static String negotiate(String requested) {
        return isLegacy(requested) ? requested : LEGACY_VERSIONS.get(0);
    }

    /**
     * 2025-03-26 has neither {@code outputSchema} nor {@code structuredContent}; clients of that revision get tool
     * definitions and results without them (other extra fields such as {@code title} are harmless and kept).
     */
    public static boolean hasStructuredOutput(String version) {
        return !V2025_03_26.equals(version);
    }

    /** JSON-RPC batches exist only in 2025-03-26. */
    public static boolean allowsBatches(String version) {
        return V2025_03_26.equals(version);
    }
}
