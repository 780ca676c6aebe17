package dev.apigwmcp.generator.compile;

import dev.apigwmcp.generator.TargetConfig;
import dev.apigwmcp.generator.model.ApiOperation;
import dev.apigwmcp.generator.problem.ProblemCollector;
import dev.apigwmcp.generator.select.SelectedOperation;
import dev.apigwmcp.generator.select.ToolNamer;

/** Compile step: a tool's name, from its override, operationId or method and path (rules in {@link ToolNamer}). */
final class ToolNaming {

    private final TargetConfig config;
    private final ToolNamer namer;

    ToolNaming(TargetConfig config) {
        this.config = config;
        this.namer = new ToolNamer(config.namePrefix() ? config.name() : null);
    }

    /** The name (an override's name was checked with the rest of the configuration). */
    ToolName name(SelectedOperation selected, ProblemCollector problems) {
        ApiOperation operation = selected.operation();
        String overrideName =
                selected.override() == null ? null : selected.override().name();
        String baseName = namer.baseName(operation, overrideName);
        ToolName name = named(baseName);
        if (!name.name().equals(config.namePrefix() ? config.name() + "___" + baseName : baseName)) {
            problems.warning(
                    operation.pointer(),
                    "tool name for " + operation.label() + " is longer than " + ToolNamer.MAX_LENGTH
                            + " characters and was shortened to '" + name.name() + "'");
        }
        return name;
    }

    /** The final name for {@code baseName} (prefixed, shortened when needed). */
    ToolName named(String baseName) {
        return new ToolName(namer.finalName(baseName), baseName);
    }
}
