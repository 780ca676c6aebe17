package dev.apigwmcp.runtime.spi;

import java.util.List;

/**
 * The generated tools of one target. The generator emits one implementation per target and lists it in
 * {@code META-INF/services/dev.apigwmcp.runtime.spi.ToolRegistry}, so the runtime finds every target on the
 * classpath with {@link java.util.ServiceLoader}.
 *
 * <p>Tools are created by name, on first use: a target with a thousand tools would otherwise load and verify
 * two thousand classes before the server could answer, most of them for tools a session never calls.
 */
public interface ToolRegistry {

    /** The target's name as configured (for example {@code petstore}). */
    String targetName();

    /**
     * Classpath folder (no leading slash, with a trailing slash) holding this target's {@code tools.json} (the
     * MCP {@code tools/list} result for the target) and {@code bindings.json} (how each tool maps to HTTP).
     */
    String resourceFolder();

    /** The names of the target's tools, sorted. */
    List<String> toolNames();

    /**
     * Creates the named tool (each call a new instance; the runtime keeps the first).
     *
     * @throws IllegalArgumentException when the target has no tool of that name
     */
    GeneratedTool<?> newTool(String name);
}
