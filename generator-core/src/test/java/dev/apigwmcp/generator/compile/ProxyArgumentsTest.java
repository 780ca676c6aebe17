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

/** A greedy proxy resource passes the whole request to its backend: its tool can send a query and a body. */
class ProxyArgumentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private GenerationResult generate(String pathItem) throws IOException {
        Path file = dir.resolve("api.json");
        Files.writeString(
                file,
                "{\"openapi\":\"3.0.1\",\"info\":{\"title\":\"t\",\"version\":\"1\"}," + "\"paths\":{\"/{proxy+}\":"
                        + pathItem + "}}");
        return Generator.generate(new GeneratorConfig(
                List.of(TargetConfig.builder("api", file).namePrefix(false).build())));
    }

    private static JsonNode json(GenerationResult result, String suffix) throws IOException {
        return JSON.readTree(result.files().stream()
                .filter(f -> f.relativePath().endsWith(suffix))
                .findFirst()
                .orElseThrow()
                .text());
    }

    private static final String PROXY_PARAMETER = "\"parameters\":[{\"name\":\"proxy\",\"in\":\"path\","
            + "\"required\":true,\"schema\":{\"type\":\"string\"}}]";

    @Test
    void anAnyMethodOnAProxyResourceGetsAFreeFormQueryAndBody() throws IOException {
        GenerationResult result = generate("{\"x-amazon-apigateway-any-method\":{\"operationId\":\"proxy\","
                + PROXY_PARAMETER + ",\"responses\":{\"200\":{\"description\":\"ok\"}}}}");

        assertThat(result.errors()).isEmpty();
        JsonNode input = json(result, "/proxy.input.json");
        assertThat(input.get("properties").fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("proxy", "method", "query", "body");
        assertThat(input.get("required").toString()).isEqualTo("[\"proxy\",\"method\"]");
        assertThat(input.get("properties")
                        .get("query")
                        .get("additionalProperties")
                        .get("type")
                        .toString())
                .isEqualTo("[\"string\",\"number\",\"boolean\"]");
        JsonNode tool = json(result, "/bindings.json").get("tools").get(0);
        assertThat(tool.get("body").get("mediaType").asText()).isEqualTo("application/json");
        assertThat(tool.get("body").get("required").asBoolean()).isFalse();
        assertThat(tool.get("arguments")).anySatisfy(argument -> {
            assertThat(argument.get("name").asText()).isEqualTo("query");
            assertThat(argument.get("style").asText()).isEqualTo("form");
            assertThat(argument.get("explode").asBoolean()).isTrue();
        });
    }

    @Test
    void aGetOnAProxyResourceGetsAQueryButNoBody() throws IOException {
        GenerationResult result = generate("{\"get\":{\"operationId\":\"proxy\"," + PROXY_PARAMETER
                + ",\"responses\":{\"200\":{\"description\":\"ok\"}}}}");

        JsonNode input = json(result, "/proxy.input.json");
        assertThat(input.get("properties").fieldNames()).toIterable().containsExactlyInAnyOrder("proxy", "query");
    }

    @Test
    void declaredQueryParametersAndBodyAreKeptAsTheyAre() throws IOException {
        GenerationResult result = generate("{\"post\":{\"operationId\":\"proxy\",\"parameters\":[{\"name\":\"proxy\","
                + "\"in\":\"path\",\"required\":true,\"schema\":{\"type\":\"string\"}},{\"name\":\"q\",\"in\":\"query\","
                + "\"schema\":{\"type\":\"string\"}}],\"requestBody\":{\"content\":{\"application/json\":{\"schema\":"
                + "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}}}},"
                + "\"responses\":{\"200\":{\"description\":\"ok\"}}}}");

        JsonNode input = json(result, "/proxy.input.json");
        assertThat(input.get("properties").fieldNames()).toIterable().containsExactlyInAnyOrder("proxy", "q", "body");
        assertThat(input.get("properties").get("body").get("properties").has("a"))
                .isTrue();
    }
}
