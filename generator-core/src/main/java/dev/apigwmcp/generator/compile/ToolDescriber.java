package dev.apigwmcp.generator.compile;

import dev.apigwmcp.generator.TargetConfig;
import dev.apigwmcp.generator.model.ApiOperation;
import dev.apigwmcp.generator.problem.ProblemCollector;
import dev.apigwmcp.generator.select.Descriptions;
import dev.apigwmcp.generator.select.SelectedOperation;

/** Compile step: a tool's title and description (rules in {@link Descriptions}), cut to the target's limit. */
final class ToolDescriber {

    private final int maxLength;

    ToolDescriber(TargetConfig config) {
        this.maxLength = config.descriptionMaxLength();
    }

    ToolText describe(SelectedOperation selected, String toolName, ProblemCollector problems) {
        ApiOperation operation = selected.operation();
        String description = Descriptions.describe(
                operation,
                selected.override() == null ? null : selected.override().description());
        if (description.length() > maxLength) {
            problems.warning(
                    operation.pointer(),
                    "description of " + toolName + " has " + description.length() + " characters and was cut to "
                            + maxLength + " (raise descriptionMaxLength to keep it)");
            description = Descriptions.cut(description, maxLength);
        }
        String title = operation.summary() == null ? null : Descriptions.normalize(operation.summary());
        return new ToolText(title, description);
    }
}
