package dev.apigwmcp.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.generator.TestSpecs;
import dev.apigwmcp.generator.compile.CompiledTarget;
import dev.apigwmcp.generator.compile.CompiledTool;
import dev.apigwmcp.generator.compile.ToolCompiler;
import dev.apigwmcp.generator.model.ApiModel;
import dev.apigwmcp.generator.read.ExportReader;
import dev.apigwmcp.generator.read.ProblemCollector;
import dev.apigwmcp.generator.select.ToolSelector;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolDefinitionsTest {

    @Test
    void assembledListEqualsTheDirectlySerialisedDocument() {
        ProblemCollector problems = new ProblemCollector("petstore", "petstore.json");
        ApiModel model = new ExportReader().read(TestSpecs.petstore(), problems).orElseThrow();
        CompiledTarget target = new ToolCompiler().compile(TestSpecs.petstoreAll(), model,
                new ToolSelector().select(TestSpecs.petstoreAll(), model, problems), problems);
        List<CompiledTool> tools = target.tools();
        assertThat(ToolDefinitions.prettyListResult(tools.stream().map(ToolDefinitions::prettyEntry).toList()))
                .isEqualTo(JsonOutput.pretty(ToolDefinitions.listResult(tools)));
        assertThat(ToolDefinitions.prettyListResult(List.of()))
                .isEqualTo(JsonOutput.pretty(ToolDefinitions.listResult(List.of())));
    }
}
