package dev.apigwmcp.samples.petstore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Interim public face of the petstore sample's {@link NodeTools} (Node 22 and the MCP TypeScript SDK, pinned,
 * installed once into {@code .cache/mcp-conformance/}), which this module compiles from the petstore's test sources
 * (see its POM) so the install logic exists once. Remove it when NodeTools moves to a shared test-support module.
 */
public final class SharedNodeTools {

    private final NodeTools tools;

    private SharedNodeTools(NodeTools tools) {
        this.tools = tools;
    }

    /** The tools in the cache named by the {@code npm.cache} system property, installed if missing. */
    public static SharedNodeTools ensureInstalled(Path logDir) throws IOException, InterruptedException {
        return new SharedNodeTools(NodeTools.ensureInstalled(logDir));
    }

    /** The {@code node_modules} folder holding {@code @modelcontextprotocol/sdk}. */
    public Path modules() {
        return tools.modules();
    }

    /** Runs {@code node} with arguments, output to {@code log}; returns the exit code (-1 on timeout). */
    public int run(List<String> arguments, Path workDir, Path log, long timeoutSeconds)
            throws IOException, InterruptedException {
        return tools.run(arguments, workDir, log, timeoutSeconds);
    }
}
