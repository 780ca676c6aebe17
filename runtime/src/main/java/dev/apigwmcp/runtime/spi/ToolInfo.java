package dev.apigwmcp.runtime.spi;

import java.util.Map;
import java.util.Objects;

/**
 * A tool as interceptors see it: its name, its target and HTTP operation, and its MCP annotations.
 *
 * @param name         the tool's name (target prefix included)
 * @param target       the target it belongs to
 * @param method       the HTTP method ({@code ANY} when an argument chooses it)
 * @param pathTemplate the operation's path template ({@code /pets/{petId}})
 * @param title        the annotations' title, or {@code null}
 * @param hints        the annotations' boolean hints as the catalog lists them ({@code readOnlyHint}, ...)
 */
public record ToolInfo(
        String name, String target, String method, String pathTemplate, String title, Map<String, Boolean> hints) {

    public ToolInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        hints = Map.copyOf(hints);
    }

    /**
     * A hint's value, or MCP's default when the catalog does not list it: {@code readOnlyHint} false,
     * {@code destructiveHint} true, {@code idempotentHint} false, {@code openWorldHint} true; any other name false.
     */
    public boolean hint(String hint) {
        Boolean listed = hints.get(hint);
        if (listed != null) {
            return listed;
        }
        return hint.equals("destructiveHint") || hint.equals("openWorldHint");
    }

    /** Whether the tool only reads ({@code readOnlyHint}). */
    public boolean readOnly() {
        return hint("readOnlyHint");
    }

    /** Whether the tool may destroy data: not read-only, and {@code destructiveHint} (MCP's reading of the two). */
    public boolean destructive() {
        return !readOnly() && hint("destructiveHint");
    }
}
