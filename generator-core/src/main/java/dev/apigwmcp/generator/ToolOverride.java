package dev.apigwmcp.generator;

import java.util.Objects;

/**
 * Renames (and optionally re-describes) one operation, like AgentCore's {@code ApiGatewayToolOverride}.
 *
 * @param path        explicit resource path, no wildcards
 * @param method      HTTP method
 * @param name        tool name (before the target prefix)
 * @param description optional description; {@code null} keeps the export's
 */
public record ToolOverride(String path, String method, String name, String description) {
    public ToolOverride {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(name, "name");
    }
}
