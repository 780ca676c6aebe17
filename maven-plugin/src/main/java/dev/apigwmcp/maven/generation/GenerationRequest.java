package dev.apigwmcp.maven.generation;

import dev.apigwmcp.maven.config.PlannedTarget;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One generation run as the Mojo gathered it from the POM and the session.
 *
 * @param targets         validated targets, in POM order
 * @param javaOutput      root for generated Java ({@code target/generated-sources/apigw-mcp})
 * @param resourceOutput  root for generated resources ({@code target/generated-resources/apigw-mcp})
 * @param stateDirectory  where the fingerprint lives ({@code target/apigw-mcp})
 * @param pluginVersion   part of the fingerprint
 * @param refresh         re-fetch every snapshot from API Gateway
 * @param offline         Maven runs with {@code -o}: fetching is not allowed
 * @param displayName     names a file relative to the project for messages
 */
public record GenerationRequest(
        List<PlannedTarget> targets,
        Path javaOutput,
        Path resourceOutput,
        Path stateDirectory,
        String pluginVersion,
        boolean refresh,
        boolean offline,
        Function<Path, String> displayName) {

    public GenerationRequest {
        targets = List.copyOf(targets);
        Objects.requireNonNull(javaOutput, "javaOutput");
        Objects.requireNonNull(resourceOutput, "resourceOutput");
        Objects.requireNonNull(stateDirectory, "stateDirectory");
        Objects.requireNonNull(pluginVersion, "pluginVersion");
        Objects.requireNonNull(displayName, "displayName");
    }
}
