package dev.apigwmcp.generator.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigwmcp.generator.GeneratedFile;
import dev.apigwmcp.generator.GenerationResult;
import dev.apigwmcp.generator.Generator;
import dev.apigwmcp.generator.GeneratorConfig;
import dev.apigwmcp.generator.TargetConfig;
import dev.apigwmcp.generator.model.ApiModel;
import dev.apigwmcp.generator.model.ApiOperation;
import dev.apigwmcp.generator.model.ApiParameter;
import dev.apigwmcp.generator.model.ApiRequestBody;
import dev.apigwmcp.generator.model.ApiResponse;
import dev.apigwmcp.generator.model.HttpMethod;
import dev.apigwmcp.generator.problem.ProblemCollector;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code x-amazon-apigateway-any-method} reads exactly as the same operation written as {@code post}: in a Swagger
 * 2.0 export with typed parameters, the body parameter, {@code consumes}/{@code produces}, responses, security,
 * extensions and references to the document's definitions, parameters and responses; in OpenAPI 3 likewise.
 */
class AnyMethodTest {

    private static final String ANY = "x-amazon-apigateway-any-method";
    private static final String OTHER_METHODS = """
            "get": {"responses": {"200": {"description": "ok"}}},
            "put": {"responses": {"200": {"description": "ok"}}},
            "post": {"responses": {"200": {"description": "ok"}}},
            "delete": {"responses": {"200": {"description": "ok"}}},
            "options": {"responses": {"200": {"description": "ok"}}},
            "head": {"responses": {"200": {"description": "ok"}}},
            "patch": {"responses": {"200": {"description": "ok"}}},
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void anAnyMethodReadsAsTheSameOperationUnderPost() throws IOException {
        ApiOperation any = only(read("any.json", export(ANY, "")), HttpMethod.ANY);
        ApiOperation post = only(read("post.json", export("post", "")), HttpMethod.POST);

        assertThat(asPost(any)).isEqualTo(post);
        // Not vacuous: what the raw extension lost is there.
        assertThat(any.parameters())
                .extracting(ApiParameter::name)
                .containsExactly("X-Trace", "proxy", "mode", "limit", "tag", "ids");
        assertThat(any.parameters())
                .allSatisfy(p -> assertThat(p.schema().getType()).isNotNull());
        assertThat(List.<Object>copyOf(any.parameters().get(2).schema().getEnum()))
                .containsExactly("fast", "slow");
        assertThat(any.requestBody().content()).containsOnlyKeys("application/json");
        assertThat(any.successResponse().schema().get$ref()).isEqualTo("#/components/schemas/Item");
        assertThat(any.timeoutMs()).isEqualTo(5000);
    }

    @Test
    void anAnyMethodBesideEveryOtherMethodStillReadsAsPost() throws IOException {
        ApiModel crowded = read("crowded.json", export(ANY, OTHER_METHODS));
        ApiOperation post = only(read("post.json", export("post", "")), HttpMethod.POST);

        assertThat(asPost(only(crowded, HttpMethod.ANY))).isEqualTo(post);
        assertThat(crowded.operations())
                .extracting(ApiOperation::method)
                .containsExactlyInAnyOrder(
                        HttpMethod.GET,
                        HttpMethod.PUT,
                        HttpMethod.POST,
                        HttpMethod.DELETE,
                        HttpMethod.OPTIONS,
                        HttpMethod.HEAD,
                        HttpMethod.PATCH,
                        HttpMethod.ANY);
        assertThat(only(crowded, HttpMethod.POST).parameters())
                .extracting(ApiParameter::name)
                .containsExactly("X-Trace", "proxy");
    }

    @Test
    void anAnyMethodIsLocatedAtTheExtensionInTheFile() throws IOException {
        ApiOperation any = only(read("any.json", export(ANY, "")), HttpMethod.ANY);

        assertThat(any.pointer()).isEqualTo("/paths/~1items~1{proxy+}/" + ANY);
        assertThat(any.requestBody().pointer()).isEqualTo("/paths/~1items~1{proxy+}/" + ANY + "/requestBody");
    }

    @Test
    void anAnyToolIsThePostToolWithAMethodArgument() throws IOException {
        JsonNode any = tool(generate("any.json", export(ANY, "")), "api___handleItem");
        JsonNode post = tool(generate("post.json", export("post", "")), "api___handleItem");

        assertThat(withoutMethod(any.get("inputSchema"))).isEqualTo(post.get("inputSchema"));
        assertThat(any.get("outputSchema")).isNotNull().isEqualTo(post.get("outputSchema"));
        assertThat(binding(generate("any.json", export(ANY, "")), "api___handleItem")
                        .get("auth"))
                .isEqualTo(binding(generate("post.json", export("post", "")), "api___handleItem")
                        .get("auth"));
    }

    @Test
    void anOpenApi3AnyToolIsThePostToolWithAMethodArgument() throws IOException {
        String export = """
                {"openapi": "3.0.1", "info": {"title": "t", "version": "1"},
                 "components": {
                  "parameters": {"Limit": {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1}}},
                  "requestBodies": {"Item": {"required": true, "content": {"application/json": {"schema":
                    {"$ref": "#/components/schemas/Item"}}}}},
                  "responses": {"Ok": {"description": "ok", "content": {"application/json": {"schema":
                    {"$ref": "#/components/schemas/Item"}}}}},
                  "schemas": {"Item": {"type": "object", "properties": {"name": {"type": "string", "nullable": true}}}}},
                 "paths": {"/items/{proxy+}": {"METHOD": {"operationId": "handleItem",
                   "parameters": [{"name": "proxy", "in": "path", "required": true, "schema": {"type": "string"}},
                     {"$ref": "#/components/parameters/Limit"},
                     {"name": "mode", "in": "query", "schema": {"type": "string", "enum": ["fast", "slow"]}}],
                   "requestBody": {"$ref": "#/components/requestBodies/Item"},
                   "responses": {"200": {"$ref": "#/components/responses/Ok"}}}}}}
                """;
        JsonNode any = tool(generate("any.json", export.replace("METHOD", ANY)), "api___handleItem");
        JsonNode post = tool(generate("post.json", export.replace("METHOD", "post")), "api___handleItem");

        assertThat(withoutMethod(any.get("inputSchema"))).isEqualTo(post.get("inputSchema"));
        assertThat(any.get("outputSchema")).isNotNull().isEqualTo(post.get("outputSchema"));
    }

    @Test
    void aSwagger2AnyMethodRaisesNoParserNoise() throws IOException {
        ProblemCollector problems = new ProblemCollector("api", "any.json");
        new ExportReader().read(write("any.json", export(ANY, "")), problems);

        assertThat(problems.errors()).isEmpty();
        assertThat(problems.warnings()).isEmpty();
    }

    @Test
    void anAnyMethodThatIsNoOperationObjectIsAnErrorAtTheExtension() throws IOException {
        ProblemCollector problems = new ProblemCollector("api", "any.json");
        new ExportReader().read(write("any.json", """
                {"swagger": "2.0", "info": {"title": "t", "version": "1"},
                 "paths": {"/a": {"x-amazon-apigateway-any-method": "anything"}}}
                """), problems);

        assertThat(problems.errors()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/paths/~1a/" + ANY);
            assertThat(p.message()).isEqualTo(ANY + " must be an operation object, like get or post");
        });
    }

    /** An ANY tool's input schema without its {@code method} argument (which must be there). */
    private static JsonNode withoutMethod(JsonNode inputSchema) {
        ObjectNode input = inputSchema.deepCopy();
        assertThat(((ObjectNode) input.get("properties")).remove("method")).isNotNull();
        ArrayNode required = (ArrayNode) input.get("required");
        for (int i = required.size() - 1; i >= 0; i--) {
            if (required.get(i).asText().equals("method")) {
                required.remove(i);
            }
        }
        return input;
    }

    /** The operation as it would be if the export had written it as {@code post}. */
    private static ApiOperation asPost(ApiOperation any) {
        List<ApiParameter> parameters = any.parameters().stream()
                .map(p -> new ApiParameter(
                        p.name(),
                        p.in(),
                        p.required(),
                        p.schema(),
                        p.description(),
                        p.style(),
                        p.explode(),
                        post(p.pointer())))
                .toList();
        ApiRequestBody body = any.requestBody() == null
                ? null
                : new ApiRequestBody(
                        any.requestBody().required(),
                        any.requestBody().description(),
                        any.requestBody().content(),
                        post(any.requestBody().pointer()));
        ApiResponse response = any.successResponse() == null
                ? null
                : new ApiResponse(
                        any.successResponse().status(),
                        any.successResponse().mediaType(),
                        any.successResponse().schema(),
                        post(any.successResponse().pointer()),
                        any.successResponse().mediaTypes());
        return new ApiOperation(
                any.path(),
                HttpMethod.POST,
                post(any.pointer()),
                any.operationId(),
                any.summary(),
                any.description(),
                any.resourceDescription(),
                parameters,
                body,
                response,
                any.security(),
                any.authorizationType(),
                any.timeoutMs(),
                any.deprecated(),
                any.tags());
    }

    private static String post(String pointer) {
        return pointer.replace("/" + ANY, "/post");
    }

    private static ApiOperation only(ApiModel model, HttpMethod method) {
        List<ApiOperation> found =
                model.operations().stream().filter(o -> o.method() == method).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private ApiModel read(String name, String json) throws IOException {
        ProblemCollector problems = new ProblemCollector("api", name);
        ApiModel model = new ExportReader().read(write(name, json), problems).orElseThrow();
        assertThat(problems.errors()).isEmpty();
        return model;
    }

    private GenerationResult generate(String name, String json) throws IOException {
        GenerationResult result =
                Generator.generate(new GeneratorConfig(List.of(TargetConfig.of("api", write(name, json)))));
        assertThat(result.errors()).isEmpty();
        return result;
    }

    private static JsonNode tool(GenerationResult result, String name) throws IOException {
        for (JsonNode tool : JSON.readTree(file(result, "catalog/tools.json")).get("tools")) {
            if (tool.get("name").asText().equals(name)) {
                return tool;
            }
        }
        throw new AssertionError("no tool " + name);
    }

    private static JsonNode binding(GenerationResult result, String name) throws IOException {
        for (JsonNode tool : JSON.readTree(file(result, "bindings.json")).get("tools")) {
            if (tool.get("name").asText().equals(name)) {
                return tool;
            }
        }
        throw new AssertionError("no binding " + name);
    }

    private static String file(GenerationResult result, String suffix) {
        return result.files().stream()
                .filter(f -> f.relativePath().endsWith(suffix))
                .findFirst()
                .map(GeneratedFile::text)
                .orElseThrow(() -> new AssertionError("no file " + suffix));
    }

    private Path write(String name, String json) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, json);
        return file;
    }

    /** The template with the operation under {@code key} and {@code others} beside it. */
    private static String export(String key, String others) throws IOException {
        try (InputStream in = AnyMethodTest.class.getResourceAsStream("/swagger2/any-method-template.json")) {
            String template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return template.replace("\"OTHER_METHODS\": \"\",", others).replace("\"METHOD\"", "\"" + key + "\"");
        }
    }
}
