package dev.apigwmcp.maven.dependencies;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * The generated tools import the runtime's SPI, so the runtime must be on the project's compile classpath.
 * Without it javac reports dozens of missing packages; this check says in one line which dependency to add.
 */
public final class RuntimeDependencyCheck {

    public static final String GROUP_ID = "dev.apigwmcp";
    public static final String ARTIFACT_ID = "apigw-mcp-runtime";
    private static final Set<String> COMPILE_CLASSPATH_SCOPES = Set.of("compile", "provided", "system");

    /** One of the project's dependencies, direct or transitive, as Maven collected it. */
    public record Dependency(String groupId, String artifactId, String version, String scope) {}

    /** The outcome: a failure for the build, or a warning to log; both empty when all is well. */
    public record Finding(Optional<String> failure, Optional<String> warning) {}

    private final String pluginVersion;

    /** @param pluginVersion the plugin's version, which is the runtime's it generates for */
    public RuntimeDependencyCheck(String pluginVersion) {
        this.pluginVersion = pluginVersion;
    }

    public Finding check(Collection<Dependency> dependencies) {
        String coordinates = GROUP_ID + ":" + ARTIFACT_ID + ":" + pluginVersion;
        for (Dependency dependency : dependencies) {
            if (!GROUP_ID.equals(dependency.groupId()) || !ARTIFACT_ID.equals(dependency.artifactId())) {
                continue;
            }
            String scope = dependency.scope() == null ? "compile" : dependency.scope();
            if (!COMPILE_CLASSPATH_SCOPES.contains(scope)) {
                return new Finding(
                        Optional.of("apigw-mcp: the generated tools compile against " + coordinates
                                + ", but the project has it in scope " + scope
                                + ": make it a compile-scope dependency"),
                        Optional.empty());
            }
            if (!pluginVersion.equals(dependency.version())) {
                return new Finding(
                        Optional.empty(),
                        Optional.of("apigw-mcp: the runtime dependency is "
                                + GROUP_ID + ":" + ARTIFACT_ID + ":" + dependency.version() + " but the plugin is "
                                + pluginVersion
                                + "; the generated code is made for the runtime of the plugin's version"));
            }
            return new Finding(Optional.empty(), Optional.empty());
        }
        return new Finding(
                Optional.of("apigw-mcp: the generated tools compile against the runtime, which is not a"
                        + " dependency of this project: add the dependency " + coordinates
                        + " (or use " + GROUP_ID + ":apigw-mcp-gateway-parent:" + pluginVersion
                        + " as the parent POM)"),
                Optional.empty());
    }
}
