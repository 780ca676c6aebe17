package dev.apigwmcp.generator.compile;

import java.util.Objects;

/**
 * A tool's name, decided by {@link ToolNaming}.
 *
 * @param name     the final MCP name (target prefix included, shortened to 64 characters when needed)
 * @param baseName the name before prefixing (Java class names derive from it)
 */
public record ToolName(String name, String baseName) {
    public ToolName {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseName, "baseName");
    }
}
