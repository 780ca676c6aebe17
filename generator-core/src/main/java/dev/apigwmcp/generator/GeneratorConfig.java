package dev.apigwmcp.generator;

import java.util.List;

/**
 * Everything one generator run needs: the targets that end up in one gateway.
 *
 * @param targets the targets, each with its export and tool configuration
 */
public record GeneratorConfig(List<TargetConfig> targets) {
    public GeneratorConfig {
        targets = List.copyOf(targets);
    }
}
