package dev.apigwmcp.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Swagger 2.0 exports read as API Gateway reads them (bodies without {@code consumes}, parameters without
 * {@code type}, the {@code api_key} flag without a definition), and their problems located and worded in the
 * user's file.
 */
class Swagger2ExportsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEAD = """
            "swagger": "2.0", "info": {"title": "t", "version": "1"},
            "host": "abc123.execute-api.us-east-1.amazonaws.com", "basePath": "/prod", "schemes": ["https"],
            """;

    @TempDir
    Path dir;

    // ------------------------------------------------------------------ bodies and parameters (API Gateway's reading)

    @Test
    void aBodyWithoutConsumesIsAJsonBody() throws IOException {
        GenerationResult result = generate("""
                {%s "paths": {"/pets": {"post": {"operationId": "add",
                  "parameters": [{"in": "body", "name": "Pet", "required": true, "schema": {"$ref": "#/definitions/Pet"}}],
                  "responses": {"200": {"description": "ok"}}}}},
                 "definitions": {"Pet": {"type": "object", "required": ["name"],
                   "properties": {"name": {"type": "string"}, "price": {"type": "number", "minimum": 25}}}}}
                """.formatted(HEAD));

        assertThat(result.warnings()).extracting(Problem::message).noneMatch(m -> m.contains("*/*"));
        JsonNode body = tool(result, "api___add").at("/inputSchema/properties/body");
        assertThat(body.at("/properties/price/minimum").asInt()).isEqualTo(25);
        assertThat(binding(result, "api___add").at("/body/mediaType").asText()).isEqualTo("application/json");
    }

    @Test
    void aResponseSchemaWithoutProducesIsTheOutputSchema() throws IOException {
        GenerationResult result = generate("""
                {%s "paths": {"/pets": {"get": {"operationId": "list",
                  "responses": {"200": {"description": "ok", "schema": {"type": "object",
                    "properties": {"count": {"type": "integer"}}}}}}}}}
                """.formatted(HEAD));

        assertThat(tool(result, "api___list")
                        .at("/outputSchema/properties/count/type/0")
                        .asText())
                .isEqualTo("integer");
    }

    @Test
    void aParameterWithoutTypeIsAStringWithoutParserWarning() throws IOException {
        GenerationResult result = generate("""
                {%s "paths": {"/pets": {"get": {"operationId": "list",
                  "parameters": [{"name": "q1", "in": "query", "required": true}, {"name": "h1", "in": "header"}],
                  "responses": {"200": {"description": "ok"}}}}}}
                """.formatted(HEAD));

        JsonNode properties = tool(result, "api___list").at("/inputSchema/properties");
        assertThat(properties.at("/q1/type").asText()).isEqualTo("string");
        assertThat(properties.at("/h1/type").asText()).isEqualTo("string");
        assertThat(result.warnings()).extracting(Problem::message).noneMatch(m -> m.contains("swagger-parser"));
    }

    @Test
    void aParameterInALocationSwagger2DoesNotHaveIsLeftOutWithAWarning() throws IOException {
        GenerationResult result = generate("""
                {%s "paths": {"/pets": {"get": {"operationId": "list",
                  "parameters": [{"name": "session", "in": "cookie", "type": "string"},
                    {"name": "q", "in": "query", "type": "string"}],
                  "responses": {"200": {"description": "ok"}}}}}}
                """.formatted(HEAD));

        assertThat(tool(result, "api___list").at("/inputSchema/properties").fieldNames())
                .toIterable()
                .containsExactly("q");
        assertThat(result.warnings())
                .filteredOn(p -> p.message().contains("session"))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.pointer()).isEqualTo("/paths/~1pets/get/parameters/0/in");
                    assertThat(p.message()).contains("'cookie'", "left out");
                });
    }

    @Test
    void anEnumTheConverterCannotReadIsLeftOutWithAWarningInsteadOfEndingTheRun() throws IOException {
        GenerationResult result = generate("""
                {%s "paths": {"/pets": {"get": {"operationId": "list",
                  "parameters": [{"name": "id", "in": "query", "type": "integer", "format": "int64",
                    "enum": [1, 5000000000]}],
                  "responses": {"200": {"description": "ok"}}}}}}
                """.formatted(HEAD));

        assertThat(tool(result, "api___list")
                        .at("/inputSchema/properties/id/type")
                        .asText())
                .isEqualTo("integer");
        assertThat(result.warnings())
                .filteredOn(p -> p.message().contains("enum"))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.pointer()).isEqualTo("/paths/~1pets/get/parameters/0/enum");
                    assertThat(p.message()).contains("5000000000", "32-bit", "left out");
                });
    }

    // ------------------------------------------------------------------ the api_key flag

    @Test
    void anUndefinedApiKeyIsTheApiKeyRequiredFlagWithOneWarningAtItsFirstRequirement() throws IOException {
        GenerationResult result = generate("""
                {%s "paths": {"/a": {
                  "get": {"operationId": "a", "security": [{"api_key": []}], "responses": {"200": {"description": "ok"}}},
                  "put": {"operationId": "b", "security": [{"api_key": []}], "responses": {"200": {"description": "ok"}}}}}}
                """.formatted(HEAD));

        assertThat(result.errors()).isEmpty();
        assertThat(binding(result, "api___a").get("auth"))
                .containsExactly(JSON.getNodeFactory().textNode("API_KEY"));
        JsonNode bindings = JSON.readTree(file(result, "bindings.json"));
        assertThat(bindings.at("/apiKey/in").asText()).isEqualTo("header");
        assertThat(bindings.at("/apiKey/name").asText()).isEqualTo("x-api-key");
        assertThat(result.warnings())
                .filteredOn(p -> p.message().contains("api_key"))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.pointer()).isEqualTo("/paths/~1a/get/security/0");
                    assertThat(p.message())
                            .contains("not defined in securityDefinitions", "x-api-key", "2 requirement(s)");
                });
    }

    @Test
    void anUndefinedApiKeyRequiredForTheWholeApiIsLocatedAtTheRootRequirement() throws IOException {
        GenerationResult result = generate("""
                {%s "security": [{"api_key": []}],
                 "paths": {"/a": {"get": {"operationId": "a", "responses": {"200": {"description": "ok"}}}}}}
                """.formatted(HEAD));

        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings())
                .filteredOn(p -> p.message().contains("api_key"))
                .singleElement()
                .extracting(Problem::pointer)
                .isEqualTo("/security/0");
    }

    @Test
    void anyOtherUndefinedSchemeIsAnErrorNamingSecurityDefinitions() throws IOException {
        GenerationResult result = generate("""
                {%s "paths": {"/a": {"get": {"operationId": "a", "security": [{"ApiKey": []}],
                  "responses": {"200": {"description": "ok"}}}}}}
                """.formatted(HEAD));

        assertThat(result.errors()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/paths/~1a/get/security/0");
            assertThat(p.message()).isEqualTo("security scheme 'ApiKey' is not defined in securityDefinitions");
        });
    }

    // ------------------------------------------------------------------ HTTP basic

    @Test
    void aBasicSecurityDefinitionIsHttpBasicInTheBindingsAndTheCatalog() throws IOException {
        GenerationResult result = generate("""
                {%s "securityDefinitions": {"legacy": {"type": "basic"}},
                 "paths": {"/a": {"get": {"operationId": "a", "security": [{"legacy": []}],
                  "responses": {"200": {"description": "ok"}}}}}}
                """.formatted(HEAD));

        assertThat(binding(result, "api___a").get("auth"))
                .containsExactly(JSON.getNodeFactory().textNode("BASIC"));
        assertThat(file(result, "TOOLS.md")).contains("HTTP basic");
        assertThat(result.warnings()).noneMatch(p -> p.message().contains("left out"));
    }

    @Test
    void aLambdaTokenAuthorizerThatRequiresBasicMakesHttpBasicToolsWithANoteInTheFile() throws IOException {
        GenerationResult result = generate("""
                {%s "securityDefinitions": {"legacy-authorizer": {"type": "apiKey", "name": "Authorization",
                   "in": "header", "x-amazon-apigateway-authtype": "custom",
                   "x-amazon-apigateway-authorizer": {"type": "token", "authorizerResultTtlInSeconds": 300,
                     "authorizerUri": "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/f/invocations",
                     "identitySource": "method.request.header.Authorization",
                     "identityValidationExpression": "^Basic [A-Za-z0-9+/=]+$"}}},
                 "paths": {"/a": {"get": {"operationId": "a", "security": [{"legacy-authorizer": []}],
                  "responses": {"200": {"description": "ok"}}}}}}
                """.formatted(HEAD));

        JsonNode binding = binding(result, "api___a");
        assertThat(binding.get("auth")).containsExactly(JSON.getNodeFactory().textNode("BASIC"));
        assertThat(binding.has("token")).isFalse();
        assertThat(file(result, "TOOLS.md")).contains("HTTP basic");
        assertThat(result.warnings())
                .extracting(Problem::message)
                .noneMatch(m -> m.contains("authorizer") || m.contains("token"));
        assertThat(result.notes())
                .filteredOn(note -> !note.pointer().equals("toolFilters"))
                .singleElement()
                .satisfies(note -> {
                    assertThat(note.pointer())
                            .isEqualTo("/securityDefinitions/legacy-authorizer/x-amazon-apigateway-authorizer"
                                    + "/identityValidationExpression");
                    assertThat(note.message())
                            .contains("accepts only HTTP basic credentials", "target.api.basic-username-env");
                });
    }

    // ------------------------------------------------------------------ problems located in the user's file

    @Test
    void aBodySchemaProblemIsLocatedAtTheBodyParameterAndNamesTheDefinition() throws IOException {
        GenerationResult result = generate("""
                {%s "paths": {"/a": {"post": {"operationId": "a", "parameters": [
                  {"name": "q", "in": "query", "type": "string"},
                  {"in": "body", "name": "b", "schema": {"$ref": "#/definitions/Missing"}}],
                  "responses": {"200": {"description": "ok"}}}}}}
                """.formatted(HEAD));

        assertThat(result.errors()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/paths/~1a/post/parameters/1/schema/$ref");
            assertThat(p.message())
                    .contains("'#/definitions/Missing'", "no schema named 'Missing' in #/definitions")
                    .doesNotContain("components");
        });
    }

    @Test
    void aParameterAfterTheBodyKeepsItsIndexInTheFile() throws IOException {
        GenerationResult result = generate("""
                {%s "paths": {"/a": {"post": {"operationId": "a", "parameters": [
                  {"in": "body", "name": "b", "schema": {"type": "object"}},
                  {"name": "q", "in": "query", "type": "string"},
                  {"$ref": "#/parameters/Missing"}],
                  "responses": {"200": {"description": "ok"}}}}}}
                """.formatted(HEAD));

        assertThat(result.errors()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/paths/~1a/post/parameters/2/$ref");
            assertThat(p.message()).contains("'#/parameters/Missing'");
        });
    }

    @Test
    void aResponseSchemaProblemIsLocatedAtTheResponseSchema() throws IOException {
        GenerationResult result = generate("""
                {%s "paths": {"/a": {"get": {"operationId": "a",
                  "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Missing"}}}}}}}
                """.formatted(HEAD));

        assertThat(result.errors())
                .singleElement()
                .extracting(Problem::pointer)
                .isEqualTo("/paths/~1a/get/responses/200/schema/$ref");
    }

    @Test
    void aProblemInsideAReferencedParameterIsLocatedWhereThatParameterIsDefined() throws IOException {
        GenerationResult result = generate("""
                {%s "parameters": {"Body": {"in": "body", "name": "Body", "schema": {"$ref": "#/definitions/Missing"}}},
                 "paths": {"/a": {"put": {"operationId": "a", "parameters": [{"$ref": "#/parameters/Body"}],
                  "responses": {"200": {"description": "ok"}}}}}}
                """.formatted(HEAD));

        assertThat(result.errors())
                .singleElement()
                .extracting(Problem::pointer)
                .isEqualTo("/parameters/Body/schema/$ref");
    }

    @Test
    void aDefinitionProblemIsLocatedInDefinitions() throws IOException {
        GenerationResult result = generate("""
                {%s "paths": {"/a": {"get": {"operationId": "a",
                  "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/A"}}}}}},
                 "definitions": {"A": {"type": "object", "properties": {"b": {"$ref": "#/definitions/Missing"}}}}}
                """.formatted(HEAD));

        assertThat(result.errors())
                .singleElement()
                .extracting(Problem::pointer)
                .isEqualTo("/definitions/A/properties/b/$ref");
    }

    @Test
    void aServerUrlProblemIsLocatedAtTheHost() throws IOException {
        GenerationResult result = generate("""
                {"swagger": "2.0", "info": {"title": "t", "version": "1"}, "schemes": ["https"],
                 "host": "abc123.execute-api.{region}.amazonaws.com", "basePath": "/prod",
                 "paths": {"/a": {"get": {"operationId": "a", "responses": {"200": {"description": "ok"}}}}}}
                """);

        assertThat(result.warnings())
                .filteredOn(p -> p.message().contains("placeholder"))
                .singleElement()
                .extracting(Problem::pointer)
                .isEqualTo("/host");
    }

    @Test
    void aProblemOfAnAnyMethodIsLocatedUnderTheExtension() throws IOException {
        GenerationResult result = generate("""
                {%s "paths": {"/a": {"x-amazon-apigateway-any-method": {"parameters": [
                  {"name": "q", "in": "query", "type": "string"},
                  {"in": "body", "name": "b", "schema": {"$ref": "#/definitions/Missing"}}],
                  "responses": {"200": {"description": "ok"}}}}}}
                """.formatted(HEAD));

        assertThat(result.errors())
                .singleElement()
                .extracting(Problem::pointer)
                .isEqualTo("/paths/~1a/x-amazon-apigateway-any-method/parameters/1/schema/$ref");
    }

    @Test
    void everyProblemOfASwagger2ExportIsLocatedInTheFileAndWordedInItsTerms() throws IOException {
        List<Path> exports = new ArrayList<>(List.of(
                resource("defects-operations.json"), resource("defects-security-and-host.json"), TestSpecs.orders()));
        Path real = Path.of(System.getProperty("shared.dir", "../../shared"), "specs", "real");
        assertThat(real).as("../shared/specs/real beside the checkout").isDirectory();
        try (var files = Files.list(real)) {
            files.filter(f -> f.getFileName().toString().endsWith(".swagger.json"))
                    .sorted()
                    .forEach(exports::add);
        }
        int problems = 0;
        for (Path export : exports) {
            JsonNode original = TestSpecs.readTree(export);
            GenerationResult result = Generator.generate(new GeneratorConfig(List.of(TargetConfig.of("t", export))));
            List<Problem> all = new ArrayList<>(result.errors());
            all.addAll(result.warnings());
            for (Problem problem : all) {
                if (problem.file() == null) {
                    continue; // configuration
                }
                problems++;
                assertThat(original.at(problem.pointer()).isMissingNode())
                        .as("%s in %s", problem, export)
                        .isFalse();
                assertThat(problem.message())
                        .as("%s in %s", problem, export)
                        .doesNotContain("components", "requestBody", "#/servers");
            }
        }
        assertThat(problems).as("problems checked").isGreaterThanOrEqualTo(15);
    }

    private static Path resource(String name) {
        return TestSpecs.resource("/swagger2/" + name);
    }

    private GenerationResult generate(String json) throws IOException {
        Path file = dir.resolve("api.json");
        Files.writeString(file, json);
        return Generator.generate(new GeneratorConfig(List.of(TargetConfig.of("api", file))));
    }

    private static JsonNode tool(GenerationResult result, String name) throws IOException {
        return named(JSON.readTree(file(result, "catalog/tools.json")).get("tools"), name);
    }

    private static JsonNode binding(GenerationResult result, String name) throws IOException {
        return named(JSON.readTree(file(result, "bindings.json")).get("tools"), name);
    }

    private static JsonNode named(JsonNode tools, String name) {
        for (JsonNode tool : tools) {
            if (tool.get("name").asText().equals(name)) {
                return tool;
            }
        }
        throw new AssertionError("no tool " + name + " in " + tools);
    }

    private static String file(GenerationResult result, String suffix) {
        assertThat(result.errors()).isEmpty();
        return result.files().stream()
                .filter(f -> f.relativePath().endsWith(suffix))
                .findFirst()
                .map(GeneratedFile::text)
                .orElseThrow(() -> new AssertionError("no file " + suffix));
    }
}
