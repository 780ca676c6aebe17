package dev.apigwmcp.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.generator.TestSpecs;
import dev.apigwmcp.generator.compile.CompiledTarget;
import dev.apigwmcp.generator.compile.CompiledTool;
import dev.apigwmcp.generator.compile.ToolCompiler;
import dev.apigwmcp.generator.model.ApiModel;
import dev.apigwmcp.generator.problem.ProblemCollector;
import dev.apigwmcp.generator.read.ExportReader;
import dev.apigwmcp.generator.select.ToolSelector;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolDefinitionsTest {

    @Test
    void assembledListEqualsTheDirectlySerialisedDocument() {
        ProblemCollector problems = new ProblemCollector("petstore", "petstore.json");
        ApiModel model = new ExportReader().read(TestSpecs.petstore(), problems).orElseThrow();
        CompiledTarget target = new ToolCompiler()
                .compile(
                        TestSpecs.petstoreAll(),
                        model,
                        new ToolSelector().select(TestSpecs.petstoreAll(), model, problems),
                        problems);
        List<CompiledTool> tools = target.tools();
        assertThat(utf8(ToolDefinitions.prettyListResultUtf8(
                        tools.stream().map(ToolDefinitions::prettyEntry).toList())))
                .isEqualTo(JsonOutput.pretty(ToolDefinitions.listResult(tools)));
        assertThat(utf8(ToolDefinitions.prettyListResultUtf8(List.of())))
                .isEqualTo(JsonOutput.pretty(ToolDefinitions.listResult(List.of())));
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
