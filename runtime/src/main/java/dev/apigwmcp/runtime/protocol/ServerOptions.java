package dev.apigwmcp.runtime.protocol;

import java.util.Objects;

/**
 * How the protocol layer presents itself.
 *
 * @param name         {@code serverInfo.name}
 * @param version      {@code serverInfo.version}
 * @param instructions optional instructions for the model, or {@code null}
 * @param pageSize     tools per {@code tools/list} page (at least 1)
 * @param listTtlMs    {@code ttlMs} cache hint on modern {@code tools/list} and {@code server/discover}
 */
public record ServerOptions(String name, String version, String instructions, int pageSize, long listTtlMs) {
    public ServerOptions {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be at least 1, got " + pageSize);
        }
        if (listTtlMs < 0) {
            throw new IllegalArgumentException("list TTL must not be negative, got " + listTtlMs);
        }
    }

    public static ServerOptions defaults() {
        return new ServerOptions("apigw-mcp", "0.1.0", null, 100, 300_000);
    }
}
