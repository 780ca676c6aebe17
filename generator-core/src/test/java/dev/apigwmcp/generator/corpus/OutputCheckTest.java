package dev.apigwmcp.generator.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.generator.GeneratedFile;
import dev.apigwmcp.generator.GenerationResult;
import dev.apigwmcp.generator.ToolSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The output check must catch each kind of invalid output, and must not flag valid schemas. */
class OutputCheckTest {

    private static final String SCHEMAS = "apigw-mcp/targets/t/schemas/";
    private static final String TOOLS = "apigw-mcp/targets/t/tools.json";
    private final OutputCheck check = new OutputCheck();

    private static GenerationResult result(List<ToolSummary> tools, GeneratedFile... files) {
        return new GenerationResult(List.of(files), tools, List.of(), List.of(), List.of());
    }

    private static GeneratedFile file(String path, String json) {
        return GeneratedFile.text(GeneratedFile.Kind.RESOURCE, path, json);
    }

    private static String toolList(String name, String inputSchema) {
        return "{\"tools\":[{\"name\":\"" + name + "\",\"description\":\"d\",\"inputSchema\":" + inputSchema + "}]}";
    }

    @Test
    void validOutputHasNoProblems() {
        String input = "{\"type\":\"object\",\"properties\":{\"$ref\":{\"type\":\"string\"},"
                + "\"node\":{\"$ref\":\"#/$defs/Node\"}},\"$defs\":{\"Node\":{\"type\":\"object\","
                + "\"properties\":{\"next\":{\"$ref\":\"#/$defs/Node\"}}}}}";
        assertThat(check.problems(result(
                        List.of(new ToolSummary("t", "t___get_a-b", "GET", "/a")),
                        file(SCHEMAS + "t___get_a-b.input.json", input),
                        file(TOOLS, toolList("t___get_a-b", input)))))
                .isEmpty();
    }

    @Test
    void schemaFileThatBreaksTheMetaSchemaIsReported() {
        assertThat(check.problems(result(
                        List.of(),
                        file(
                                SCHEMAS + "x.output.json",
                                "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"strnig\"}}}"))))
                .isNotEmpty()
                .allMatch(p -> p.startsWith(SCHEMAS + "x.output.json: /properties/a/type: "));
    }

    @Test
    void danglingReferenceIsReported() {
        assertThat(check.problems(result(
                        List.of(),
                        file(
                                SCHEMAS + "x.input.json",
                                "{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"#/$defs/A\"}}}"))))
                .singleElement()
                .asString()
                .contains("/properties/a/$ref \"#/$defs/A\" does not resolve");
    }

    @Test
    void patternJavaScriptCannotCompileIsReported() {
        assertThat(check.problems(result(
                        List.of(),
                        file(
                                SCHEMAS + "x.input.json",
                                "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\",\"pattern\":\"[\\\\:]\"}},"
                                        + "\"patternProperties\":{\"^x\\\\_\":{}}}"))))
                .satisfiesExactly(
                        p -> assertThat(p).contains("/properties/a/pattern: pattern '[\\:]' is not in its portable"),
                        p -> assertThat(p)
                                .contains("/patternProperties/^x\\_: pattern '^x\\_' is not in its portable"));
    }

    @Test
    void percentEncodedReferenceResolves() {
        assertThat(check.problems(result(
                        List.of(),
                        file(
                                SCHEMAS + "x.input.json",
                                "{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"#/$defs/A%20B\"}},"
                                        + "\"$defs\":{\"A B\":{\"type\":\"string\"}}}"))))
                .isEmpty();
    }

    @Test
    void toolNameOutsideTheAllowedCharactersIsReported() {
        assertThat(check.problems(result(
                        List.of(new ToolSummary("t", "t___get pets", "GET", "/pets")),
                        file(TOOLS, toolList("t___get pets", "{\"type\":\"object\"}")))))
                .hasSize(2)
                .allMatch(p -> p.contains("'t___get pets'"));
        String tooLong = "a".repeat(65);
        assertThat(check.problems(result(List.of(), file(TOOLS, toolList(tooLong, "{\"type\":\"object\"}")))))
                .singleElement()
                .asString()
                .contains(TOOLS + "#/tools/0/name");
    }

    @Test
    void nonObjectInputSchemaIsReported() {
        assertThat(check.problems(result(List.of(), file(TOOLS, toolList("a", "{\"type\":\"string\"}")))))
                .singleElement()
                .asString()
                .contains("MCP requires \"type\": \"object\"");
    }

    @Test
    void schemaFileWithAnotherDialectIsReported() {
        assertThat(check.problems(result(
                        List.of(),
                        file(
                                SCHEMAS + "x.input.json",
                                "{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"type\":\"object\"}"))))
                .singleElement()
                .asString()
                .contains("not https://json-schema.org/draft/2020-12/schema");
    }

    @Test
    void successWithoutFilesIsReported() {
        assertThat(check.problems(result(List.of()))).singleElement().asString().contains("no files were emitted");
    }
}
