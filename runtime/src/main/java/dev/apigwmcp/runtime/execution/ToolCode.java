package dev.apigwmcp.runtime.execution;

import dev.apigwmcp.runtime.spi.GeneratedTool;
import dev.apigwmcp.runtime.spi.ToolRegistry;

/**
 * A tool's generated code, created by its registry on the tool's first call, so that starting a gateway loads
 * no tool classes. Generated tools are stateless: one instance serves every call.
 */
final class ToolCode {

    private final ToolRegistry registry;
    private final String name;
    private volatile GeneratedTool<?> tool;

    ToolCode(ToolRegistry registry, String name) {
        this.registry = registry;
        this.name = name;
    }

    String name() {
        return name;
    }

    /**
     * The tool, created on first use.
     *
     * @throws IllegalStateException when the registry cannot create it (generated code that does not match its
     *     catalog: a build problem, reported without internals to the client by the caller)
     */
    GeneratedTool<?> get() {
        GeneratedTool<?> created = tool;
        if (created == null) {
            synchronized (this) {
                created = tool;
                if (created == null) {
                    created = create();
                    tool = created;
                }
            }
        }
        return created;
    }

    private GeneratedTool<?> create() {
        GeneratedTool<?> created;
        try {
            created = registry.newTool(name);
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException(
                    registry.getClass().getName() + " cannot create tool '" + name + "': " + e, e);
        }
        if (created == null || !name.equals(created.name())) {
            throw new IllegalStateException(registry.getClass().getName() + ".newTool(\"" + name + "\") returned "
                    + (created == null ? "null" : "tool '" + created.name() + "'"));
        }
        return created;
    }
}
