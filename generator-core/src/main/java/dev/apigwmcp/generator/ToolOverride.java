package dev.apigwmcp.generator;

import java.util.Objects;

/**
 * Renames (and optionally re-describes) one operation, like AgentCore's {@code ApiGatewayToolOverride}.
 *
 * @param path        explicit resource path, no wildcards
 * @param method      HTTP method
 * @param name        tool name (before the target prefix)
 * @param description optional description; {@code null} keeps the export's
 * @param location    where the override is written in the user's configuration, for messages; {@code null} if
 *                    unknown
 */
public record ToolOverride(String path, String method, String name, String description, String location) {
    public ToolOverride {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(name, "name");
    }

    public ToolOverride(String path, String method, String name, String description) {
        this(path, method, name, description, null);
    }
}
