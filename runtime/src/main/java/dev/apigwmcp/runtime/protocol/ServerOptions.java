package dev.apigwmcp.runtime.protocol;

import java.util.Objects;

/**
 * How the protocol layer presents itself, and how much work one client may start through it.
 *
 * @param name               {@code serverInfo.name}
 * @param version            {@code serverInfo.version}
 * @param instructions       optional instructions for the model, or {@code null}
 * @param pageSize           tools per {@code tools/list} page (at least 1)
 * @param listTtlMs          {@code ttlMs} cache hint on modern {@code tools/list} and {@code server/discover}
 * @param maxCallsPerSession tool calls one session (the stdio process, a legacy HTTP session) may have in flight
 * @param maxBatchRequests   requests one 2025-03-26 JSON-RPC batch may carry; later ones are refused one by one
 */
public record ServerOptions(
        String name,
        String version,
        String instructions,
        int pageSize,
        long listTtlMs,
        int maxCallsPerSession,
        int maxBatchRequests) {
    public static final int DEFAULT_MAX_CALLS_PER_SESSION = 32;
    public static final int DEFAULT_MAX_BATCH_REQUESTS = 32;

    public ServerOptions {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be at least 1, got " + pageSize);
        }
        if (listTtlMs < 0) {
            throw new IllegalArgumentException("list TTL must not be negative, got " + listTtlMs);
        }
        if (maxCallsPerSession < 1) {
            throw new IllegalArgumentException("max calls per session must be at least 1, got " + maxCallsPerSession);
        }
        if (maxBatchRequests < 1) {
            throw new IllegalArgumentException("max batch requests must be at least 1, got " + maxBatchRequests);
        }
    }

    /** These presentation settings with the default limits. */
    public ServerOptions(String name, String version, String instructions, int pageSize, long listTtlMs) {
        this(
                name,
                version,
                instructions,
                pageSize,
                listTtlMs,
                DEFAULT_MAX_CALLS_PER_SESSION,
                DEFAULT_MAX_BATCH_REQUESTS);
    }

    public static ServerOptions defaults() {
        return new ServerOptions("apigw-mcp", "0.1.0", null, 100, 300_000);
    }

    public ServerOptions withLimits(int callsPerSession, int batchRequests) {
        return new ServerOptions(name, version, instructions, pageSize, listTtlMs, callsPerSession, batchRequests);
    }
}
