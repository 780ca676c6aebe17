package dev.apigwmcp.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Path variables the export does not declare reach the tool as required arguments, greedy ones as greedy. */
class UndeclaredPathVariablesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private JsonNode bindingsTool(String paths) throws IOException {
        Path file = dir.resolve("api.json");
        Files.writeString(
                file,
                "{\"openapi\":\"3.0.1\",\"info\":{\"title\":\"t\",\"version\":\"1\"},"
                        + "\"servers\":[{\"url\":\"https://h.example\"}],\"paths\":" + paths + "}");
        GenerationResult result = Generator.generate(new GeneratorConfig(List.of(TargetConfig.of("api", file))));
        assertThat(result.errors()).isEmpty();
        GeneratedFile bindings = result.files().stream()
                .filter(f -> f.relativePath().endsWith("targets/api/bindings.json"))
                .findFirst()
                .orElseThrow();
        return JSON.readTree(bindings.text()).path("tools").get(0);
    }

    @Test
    void anUndeclaredVariableOfAnAnyMethodIsARequiredPathArgument() throws IOException {
        JsonNode tool = bindingsTool("""
                {"/echo/{data}":{"x-amazon-apigateway-any-method":{"responses":{"200":{"description":"ok"}}}}}""");

        assertThat(tool.path("arguments").toString())
                .contains("{\"name\":\"data\",\"in\":\"path\",\"parameter\":\"data\",\"required\":true}");
    }

    @Test
    void anUndeclaredGreedyVariableIsAGreedyArgument() throws IOException {
        JsonNode tool = bindingsTool("""
                {"/files/{proxy+}":{"get":{"responses":{"200":{"description":"ok"}}}}}""");

        assertThat(tool.path("arguments").toString())
                .contains(
                        "{\"name\":\"proxy\",\"in\":\"path\",\"parameter\":\"proxy\",\"required\":true,\"greedy\":true}");
    }
}
