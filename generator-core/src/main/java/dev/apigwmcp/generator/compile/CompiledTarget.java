package dev.apigwmcp.generator.compile;

import dev.apigwmcp.generator.TargetConfig;
import dev.apigwmcp.generator.model.ApiModel;
import java.util.List;

/**
 * One target's tools and the target-wide facts the runtime needs.
 *
 * @param config       the target's configuration
 * @param model        the export as read
 * @param tools        tools sorted by name
 * @param serverUrl    base URL from the export, or {@code null}
 * @param region       AWS region parsed from an execute-api host, or {@code null}
 * @param apiKeyIn     where the API key travels ({@code header} / {@code query}), or {@code null}
 * @param apiKeyName   the API key header / parameter name, or {@code null}
 * @param javaPackage  package of the generated Java
 */
public record CompiledTarget(
        TargetConfig config,
        ApiModel model,
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
