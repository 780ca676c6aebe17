package dev.apigwmcp.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigwmcp.generator.GeneratedFile;
import dev.apigwmcp.generator.TestSpecs;
import dev.apigwmcp.generator.compile.CompiledTool;
import dev.apigwmcp.generator.compile.ToolCompiler;
import dev.apigwmcp.generator.model.ApiModel;
import dev.apigwmcp.generator.problem.ProblemCollector;
import dev.apigwmcp.generator.read.ExportReader;
import dev.apigwmcp.generator.select.ToolSelector;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolJsonTest {

    private static List<CompiledTool> petstoreTools() {
        ProblemCollector problems = new ProblemCollector("petstore", "petstore.json");
        ApiModel model = new ExportReader().read(TestSpecs.petstore(), problems).orElseThrow();
        return new ToolCompiler()
                .compile(
                        TestSpecs.petstoreAll(),
                        model,
                        new ToolSelector().select(TestSpecs.petstoreAll(), model, problems),
                        problems)
                .tools();
    }

    @Test
    void schemaFilesEqualTheDirectlySerialisedDocuments() {
        for (CompiledTool tool : petstoreTools()) {
            List<GeneratedFile> files = ToolJson.of(tool).schemaFiles();
            assertThat(files.get(0).text())
                    .isEqualTo(JsonOutput.pretty(SchemaFileEmitter.standalone(tool.inputSchema())));
            assertThat(files).hasSize(tool.outputSchema() == null ? 1 : 2);
            if (tool.outputSchema() != null) {
                assertThat(files.get(1).text())
                        .isEqualTo(JsonOutput.pretty(SchemaFileEmitter.standalone(tool.outputSchema())));
            }
        }
    }

    @Test
    void entryEqualsTheDirectlySerialisedDefinition() {
        for (CompiledTool tool : petstoreTools()) {
            String direct = JsonOutput.pretty(ToolDefinitions.definition(tool));
            assertThat(new String(ToolJson.of(tool).entry(), StandardCharsets.UTF_8))
                    .isEqualTo(indented(direct, "    "));
        }
    }

    /** {@code text} (lines ending with {@code \n}) with every line prefixed, the final newline dropped. */
    private static String indented(String text, String prefix) {
        String lines = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return prefix + lines.replace("\n", "\n" + prefix);
    }

    @Test
    void standaloneTextOfEmptyAndSelfDeclaringSchemasEqualsTheDocument() {
        ObjectNode empty = JsonNodeFactory.instance.objectNode();
        ObjectNode declaring =
                JsonNodeFactory.instance.objectNode().put("type", "string").put("$schema", "https://example.com/other");
        for (ObjectNode schema : List.of(empty, declaring)) {
            assertThat(new String(
                            SchemaFileEmitter.standaloneUtf8(schema, JsonOutput.prettyUtf8(schema)),
                            StandardCharsets.UTF_8))
                    .isEqualTo(JsonOutput.pretty(SchemaFileEmitter.standalone(schema)));
        }
    }
}
