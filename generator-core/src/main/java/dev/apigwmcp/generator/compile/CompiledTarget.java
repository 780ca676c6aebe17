package dev.apigwmcp.generator.compile;

import dev.apigwmcp.generator.TargetConfig;
import java.util.List;

/**
 * One target's tools and the target-wide facts the runtime needs. It keeps nothing of the export as read: once the
 * tools are compiled, the parsed export (for a large API a few hundred MB of trees) is garbage while the emitters
 * run, which keeps their collections short.
 *
 * @param config       the target's configuration
 * @param tools        tools sorted by name
 * @param serverUrl    base URL from the export, or {@code null}
 * @param region       AWS region parsed from an execute-api host, or {@code null}
 * @param apiKeyIn     where the API key travels ({@code header} / {@code query}), or {@code null}
 * @param apiKeyName   the API key header / parameter name, or {@code null}
 * @param javaPackage  package of the generated Java
 */
public record CompiledTarget(
        TargetConfig config,
        List<CompiledTool> tools,
        String serverUrl,
        String region,
        String apiKeyIn,
        String apiKeyName,
        String javaPackage) {

    public CompiledTarget {
        tools = List.copyOf(tools);
    }

    public String name() {
        return config.name();
    }
}
