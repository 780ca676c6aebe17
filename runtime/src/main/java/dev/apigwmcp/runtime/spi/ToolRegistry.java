package dev.apigwmcp.runtime.spi;

import java.util.List;

/**
 * The generated tools of one target. The generator emits one implementation per target and lists it in
 * {@code META-INF/services/dev.apigwmcp.runtime.spi.ToolRegistry}, so the runtime finds every target on the
 * classpath with {@link java.util.ServiceLoader}.
 */
public interface ToolRegistry {

    /** The target's name as configured (for example {@code petstore}). */
    String targetName();

    /**
     * Classpath folder (no leading slash, with a trailing slash) holding this target's {@code tools.json} (the
     * MCP {@code tools/list} result for the target) and {@code bindings.json} (how each tool maps to HTTP).
     */
    String resourceFolder();

    /** The target's tools, sorted by name. */
    List<GeneratedTool<?>> tools();
}
