package dev.apigwmcp.generator.config;

import dev.apigwmcp.generator.Problem;
import dev.apigwmcp.generator.TargetConfig;
import java.util.List;

/**
 * The outcome of checking a configuration.
 *
 * @param targets the targets, in the order given; empty when there are errors
 * @param errors  every problem, in the order of the configuration
 */
public record ValidatedConfig(List<TargetConfig> targets, List<Problem> errors) {
    public ValidatedConfig {
        errors = List.copyOf(errors);
        targets = errors.isEmpty() ? List.copyOf(targets) : List.of();
    }

    public boolean valid() {
        return errors.isEmpty();
    }
}
