package dev.apigwmcp.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Generates MCP tools (Java, JSON Schemas, {@code tools.json}, bindings, catalog) from the configured API Gateway
 * exports, and adds the output as compile source and resource roots. Does nothing when no input changed.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractApigwMcpMojo {

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("apigw-mcp: skipped (apigw-mcp.skip)");
            return;
        }
        generate(true);
    }
}
