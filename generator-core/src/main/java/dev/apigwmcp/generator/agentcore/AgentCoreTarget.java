package dev.apigwmcp.generator.agentcore;

import dev.apigwmcp.generator.config.TargetInput.FilterInput;
import dev.apigwmcp.generator.config.TargetInput.OverrideInput;
import java.util.List;

/**
 * The target an AgentCore Gateway API Gateway target becomes: the same REST API stage, filters and overrides.
 *
 * @param name          the AgentCore target's name (the same rule applies here, and tools keep the
 *                      {@code <name>___} prefix)
 * @param restApiId     the REST API the export is fetched from
 * @param stage         its stage
 * @param region        the API's Region (AgentCore requires it to be the gateway's, read from {@code gatewayArn}),
 *                      or {@code null} when the file does not say
 * @param description   the AgentCore target's description (a target here has none: the front end may keep it as a
 *                      comment), or {@code null}
 * @param toolFilters   the filters, in order, methods as written
 * @param toolOverrides the overrides, in order
 */
public record AgentCoreTarget(
        String name,
        String restApiId,
        String stage,
        String region,
        String description,
        List<FilterInput> toolFilters,
        List<OverrideInput> toolOverrides) {

    public AgentCoreTarget {
        toolFilters = List.copyOf(toolFilters);
        toolOverrides = List.copyOf(toolOverrides);
    }
}
