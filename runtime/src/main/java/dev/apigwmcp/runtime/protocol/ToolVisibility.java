package dev.apigwmcp.runtime.protocol;

import dev.apigwmcp.runtime.tools.Caller;
import dev.apigwmcp.runtime.tools.ToolListing;
import dev.apigwmcp.runtime.tools.ToolService;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which tools a caller sees and may call: every tool, or, for a caller whose scopes allow only reading
 * ({@link Caller#readOnlyTools()}), those the tool service allows such callers ({@link
 * ToolService#readOnlyCallerTools()}: the tools annotated read-only, and tools that check the caller themselves).
 * The read-only catalog is built on the first such caller (it parses each definition once), so a gateway without
 * scope-based visibility never pays for it.
 */
final class ToolVisibility {

    private final List<ToolListing> all;
    private final Supplier<Set<String>> readOnlyNames;
    private final ServerOptions options;
    private final ObjectNode serverInfo;
    private final String cacheScope;
    private final ToolPages everyTool;
    private volatile ReadOnly readOnly;

    private record ReadOnly(ToolPages pages, Set<String> names) {}

    /** @param variesByCaller whether callers may see different tools (then lists are not cacheable across them) */
    ToolVisibility(ToolService tools, ServerOptions options, ObjectNode serverInfo, boolean variesByCaller) {
        this.all = List.copyOf(tools.listings());
        this.readOnlyNames = tools::readOnlyCallerTools;
        this.options = options;
        this.serverInfo = serverInfo;
        this.cacheScope = variesByCaller ? "private" : "public";
        this.everyTool = new ToolPages(this.all, options, serverInfo, cacheScope);
    }

    /** The {@code tools/list} pages this caller gets. */
    ToolPages pages(Caller caller) {
        return caller.readOnlyTools() ? readOnly().pages() : everyTool;
    }

    /** Whether this caller may call the tool (an existing one). */
    boolean allows(Caller caller, String tool) {
        return !caller.readOnlyTools() || readOnly().names().contains(tool);
    }

    private ReadOnly readOnly() {
        ReadOnly built = readOnly;
        if (built == null) {
            synchronized (this) {
                built = readOnly;
                if (built == null) {
                    Set<String> names = readOnlyNames.get();
                    List<ToolListing> reading = all.stream()
                            .filter(tool -> names.contains(tool.name()))
                            .toList();
                    built = new ReadOnly(new ToolPages(reading, options, serverInfo, cacheScope), names);
                    readOnly = built;
                }
            }
        }
        return built;
    }
}
