package dev.apigwmcp.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ToolLinesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachToolIsOneLineOfTheSameCompactJsonAWriterGives() throws Exception {
        ProblemCollector problems = new ProblemCollector("petstore", "petstore.json");
        ApiModel model = new ExportReader().read(TestSpecs.petstore(), problems).orElseThrow();
        CompiledTarget target = new ToolCompiler()
                .compile(
                        TestSpecs.petstoreAll(),
                        model,
                        new ToolSelector().select(TestSpecs.petstoreAll(), model, problems),
                        problems);
        List<CompiledTool> tools = target.tools();

        byte[] lines = ToolLines.listResult(tools.stream()
                .map(t -> ToolLines.line(ToolDefinitions.prettyEntry(t)))
                .toList());

        String expected = "{\"tools\":[\n"
                + tools.stream()
                        .map(t -> {
                            try {
                                return JSON.writeValueAsString(ToolDefinitions.definition(t));
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        })
                        .collect(Collectors.joining(",\n"))
                + "\n]}\n";
        assertThat(new String(lines, StandardCharsets.UTF_8)).isEqualTo(expected);
        // Still exactly the tools/list result (numbers compared as parsed, not as the generator's node types).
        assertThat(JSON.readTree(lines))
                .isEqualTo(JSON.readTree(JSON.writeValueAsBytes(ToolDefinitions.listResult(tools))));
    }

    @Test
    void whitespaceInsideStringsIsKeptAndEscapesAreNotStringEnds() {
        String pretty = "{\n  \"a b\" : \"x \\\" { \\\\\",\n  \"c\" : [ 1, \"\\u00e9 \u00e9\\n\" ]\n}";
        byte[] bytes = pretty.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[bytes.length + 2];
        out[0] = '>';
        int end = ToolLines.compact(bytes, out, 1);
        assertThat(new String(out, 1, end - 1, StandardCharsets.UTF_8))
                .isEqualTo("{\"a b\":\"x \\\" { \\\\\",\"c\":[1,\"\\u00e9 \u00e9\\n\"]}");
    }

    @Test
    void noToolsIsAnEmptyList() {
        assertThat(new String(ToolLines.listResult(List.of()), StandardCharsets.UTF_8))
                .isEqualTo("{\"tools\":[\n]}\n");
    }
}
