package dev.apigwmcp.generator.emit.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigwmcp.generator.GeneratedFile;
import dev.apigwmcp.generator.GenerationResult;
import dev.apigwmcp.generator.Generator;
import dev.apigwmcp.generator.GeneratorConfig;
import dev.apigwmcp.generator.TargetConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchDocumentEmitterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Five operations share the boilerplate sentence, four the common one. */
    private static final String EXPORT = """
            {"openapi": "3.0.1", "info": {"title": "t", "version": "1"},
             "servers": [{"url": "https://api.example.com"}],
             "paths": {
              "/repos/{owner}/forks": {
               "post": {"operationId": "repos/create-fork", "summary": "Create a fork", "tags": ["repos"],
                "description": "Makes a [fork](https://docs.example.com/fork). Tokens need the repo scope.",
                "parameters": [{"name": "owner", "in": "path", "required": true, "schema": {"type": "string"},
                  "description": "The account owner. The name is not case sensitive."}],
                "requestBody": {"content": {"application/json": {"schema": {"type": "object",
                  "properties": {"default_branch_only": {"type": "boolean", "description": "Only the default branch."}}}}}},
                "responses": {"202": {"description": "ok"}}}},
              "/a": {"get": {"operationId": "a", "description": "A. Tokens need the repo scope. Shared by four.",
                "responses": {"200": {"description": "ok"}}}},
              "/b": {"get": {"operationId": "b", "description": "B. Tokens need the repo scope. Shared by four.",
                "responses": {"200": {"description": "ok"}}}},
              "/c": {"get": {"operationId": "c", "description": "C. Tokens need the repo scope. Shared by four.",
                "responses": {"200": {"description": "ok"}}}},
              "/d": {"get": {"operationId": "d", "description": "D. Tokens need the repo scope. Shared by four.",
                "responses": {"200": {"description": "ok"}}}}
             }}
            """;

    @TempDir
    Path temp;

    @Test
    void eachFieldHoldsItsPartOfTheToolAsPlainWords() throws Exception {
        JsonNode fork = documents().get("t___repos_create-fork");
        assertThat(fork.path("words").asText()).isEqualTo("repos create fork");
        assertThat(fork.path("title").asText()).isEqualTo("Create a fork");
        assertThat(fork.path("arguments").asText())
                .isEqualTo("owner: The account owner. The name is not case sensitive.");
        assertThat(fork.path("body").asText()).isEqualTo("default branch only: Only the default branch.");
        assertThat(fork.path("path").asText()).isEqualTo("repos forks");
        assertThat(fork.path("tags").asText()).isEqualTo("repos");
        assertThat(fork.path("method").asText()).isEqualTo("POST");
    }

    @Test
    void aSentenceFiveToolsShareIsLeftOutAndOneFourShareIsKept() throws Exception {
        Map<String, JsonNode> documents = documents();
        assertThat(documents.get("t___repos_create-fork").path("description").asText())
                .isEqualTo("Create a fork. Makes a fork.");
        assertThat(documents.get("t___a").path("description").asText()).isEqualTo("A. Shared by four.");
    }

    @Test
    void theFileIsTheSameBytesOnEveryRun() throws Exception {
        assertThat(searchJson()).isEqualTo(searchJson());
    }

    @Test
    void everyToolIsOneLineWithTheSameMembersInTheSameOrder() throws Exception {
        List<String> lines =
                new String(searchJson(), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo("{\"searchVersion\":1,\"tools\":[");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("]}");
        assertThat(lines.subList(1, lines.size() - 1))
                .hasSize(5)
                .allSatisfy(line -> assertThat(
                                JSON.readTree(line.endsWith(",") ? line.substring(0, line.length() - 1) : line)
                                        .fieldNames())
                        .toIterable()
                        .containsExactly(
                                "name",
                                "words",
                                "title",
                                "description",
                                "arguments",
                                "body",
                                "path",
                                "tags",
                                "method"));
    }

    private Map<String, JsonNode> documents() throws Exception {
        Map<String, JsonNode> byName = new HashMap<>();
        JSON.readTree(searchJson())
                .path("tools")
                .forEach(tool -> byName.put(tool.path("name").asText(), tool));
        return byName;
    }

    private byte[] searchJson() throws Exception {
        Path export = temp.resolve("t.json");
        Files.writeString(export, EXPORT, StandardCharsets.UTF_8);
        GenerationResult result = Generator.generate(new GeneratorConfig(List.of(TargetConfig.of("t", export))));
        assertThat(result.errors()).isEmpty();
        return result.files().stream()
                .filter(f -> f.relativePath().equals("apigw-mcp/targets/t/search.json"))
                .findFirst()
                .map(GeneratedFile::content)
                .orElseThrow();
    }
}
