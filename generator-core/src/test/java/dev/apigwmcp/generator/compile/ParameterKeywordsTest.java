package dev.apigwmcp.generator.compile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigwmcp.generator.GenerationResult;
import dev.apigwmcp.generator.Generator;
import dev.apigwmcp.generator.GeneratorConfig;
import dev.apigwmcp.generator.TargetConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a parameter says beside its schema ({@code example}, {@code examples}, {@code deprecated}) reaches its
 * argument's schema, the only thing a model sees.
 */
class ParameterKeywordsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private JsonNode argument(String export, String name) throws IOException {
        Path file = dir.resolve("api.json");
        Files.writeString(file, export);
        GenerationResult result = Generator.generate(new GeneratorConfig(
                List.of(TargetConfig.builder("api", file).namePrefix(false).build())));
        assertThat(result.errors()).isEmpty();
        JsonNode input = JSON.readTree(result.files().stream()
                .filter(f -> f.relativePath().endsWith("/find.input.json"))
                .findFirst()
                .orElseThrow()
                .text());
        return input.path("properties").path(name);
    }

    private JsonNode openApiArgument(String parameter) throws IOException {
        return argument(
                "{\"openapi\":\"3.0.1\",\"info\":{\"title\":\"t\",\"version\":\"1\"},\"paths\":{\"/things\":{\"get\":"
                        + "{\"operationId\":\"find\",\"parameters\":[" + parameter + "],"
                        + "\"responses\":{\"200\":{\"description\":\"ok\"}}}}}}",
                "since");
    }

    @Test
    void aParametersOwnExampleBecomesTheArgumentsExamples() throws IOException {
        JsonNode since = openApiArgument("{\"name\":\"since\",\"in\":\"query\",\"example\":\"2024-05-01T00:00:00Z\","
                + "\"schema\":{\"type\":\"string\",\"format\":\"date-time\"}}");

        assertThat(since.toString())
                .isEqualTo("{\"type\":\"string\",\"format\":\"date-time\",\"examples\":[\"2024-05-01T00:00:00Z\"]}");
    }

    @Test
    void theValuesOfAParametersInlineExamplesBecomeTheArgumentsExamples() throws IOException {
        JsonNode since = openApiArgument("{\"name\":\"since\",\"in\":\"query\",\"examples\":{"
                + "\"day\":{\"value\":\"2024-05-01\"},\"month\":{\"summary\":\"a month\",\"value\":\"2024-05\"}},"
                + "\"schema\":{\"type\":\"string\"}}");

        assertThat(since.path("examples").toString()).isEqualTo("[\"2024-05-01\",\"2024-05\"]");
    }

    @Test
    void theSchemasOwnExamplesWinOverTheParameters() throws IOException {
        JsonNode since = openApiArgument("{\"name\":\"since\",\"in\":\"query\",\"example\":\"param\","
                + "\"schema\":{\"type\":\"string\",\"example\":\"schema\"}}");

        assertThat(since.path("examples").toString()).isEqualTo("[\"schema\"]");
    }

    @Test
    void aDeprecatedParameterGivesADeprecatedArgument() throws IOException {
        JsonNode since = openApiArgument("{\"name\":\"since\",\"in\":\"query\",\"deprecated\":true,"
                + "\"description\":\"Use from instead.\",\"schema\":{\"type\":\"integer\",\"minimum\":0}}");

        assertThat(since.toString())
                .isEqualTo("{\"type\":\"integer\",\"description\":\"Use from instead.\",\"deprecated\":true,"
                        + "\"minimum\":0}");
    }

    @Test
    void aSwagger2ParametersXExampleBecomesTheArgumentsExamples() throws IOException {
        JsonNode since = argument(
                "{\"swagger\":\"2.0\",\"info\":{\"title\":\"t\",\"version\":\"1\"},\"paths\":{\"/things\":{\"get\":"
                        + "{\"operationId\":\"find\",\"parameters\":[{\"name\":\"since\",\"in\":\"query\","
                        + "\"type\":\"string\",\"x-example\":\"2024-05-01\"}],"
                        + "\"responses\":{\"200\":{\"description\":\"ok\"}}}}}}",
                "since");

        assertThat(since.path("examples").toString()).isEqualTo("[\"2024-05-01\"]");
    }
}
