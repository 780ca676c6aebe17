package dev.apigwmcp.maven;

import dev.apigwmcp.maven.dependencies.RuntimeDependencyCheck;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Generates MCP tools (Java, JSON Schemas, {@code tools.json}, bindings, catalog) from the configured API Gateway
 * exports, and adds the output as compile source and resource roots. Does nothing when no input changed. Fails
 * first, in one line, when the runtime the generated code compiles against is not a dependency of the project.
 */
// Collection, not resolution: the dependency graph is enough to find the runtime, and it needs no jar of a module
// that the reactor has not built yet.
@Mojo(
        name = "generate",
        defaultPhase = LifecyclePhase.GENERATE_SOURCES,
        requiresDependencyCollection = ResolutionScope.COMPILE,
        threadSafe = true)
public class GenerateMojo extends AbstractApigwMcpMojo {

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("apigw-mcp: skipped (apigw-mcp.skip)");
            return;
        }
        List<RuntimeDependencyCheck.Dependency> dependencies = new ArrayList<>();
        for (Artifact artifact : project.getArtifacts()) {
            dependencies.add(new RuntimeDependencyCheck.Dependency(
                    artifact.getGroupId(), artifact.getArtifactId(), artifact.getBaseVersion(), artifact.getScope()));
        }
        RuntimeDependencyCheck.Finding finding = new RuntimeDependencyCheck(plugin.getVersion()).check(dependencies);
        if (finding.failure().isPresent()) {
            throw new MojoFailureException(finding.failure().get());
        }
        if (finding.warning().isPresent()) {
            getLog().warn(finding.warning().get());
        }
        generate(true);
    }
}
