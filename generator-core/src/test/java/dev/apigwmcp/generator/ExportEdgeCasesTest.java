package dev.apigwmcp.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Legal but unusual exports seen in real-world corpora. */
class ExportEdgeCasesTest {

    @TempDir
    Path dir;

    private GenerationResult generate(String json) throws IOException {
        Path file = dir.resolve("api.json");
        Files.writeString(file, json);
        return Generator.generate(new GeneratorConfig(List.of(TargetConfig.of("api", file))));
    }

    @Test
    void parameterReferencesOutsideComponentsResolve() throws IOException {
        GenerationResult result = generate("""
                {"openapi":"3.0.1","info":{"title":"t","version":"1"},"paths":{
                 "/a/{id}":{"get":{"operationId":"a","parameters":[{"name":"id","in":"path","required":true,
                   "schema":{"type":"string"}}],"responses":{"200":{"description":"ok"}}}},
                 "/b/{id}":{"get":{"operationId":"b","parameters":[{"$ref":"#/paths/~1a~1%7Bid%7D/get/parameters/0"}],
                   "responses":{"200":{"description":"ok"}}}}}}
                """);
        assertThat(result.errors()).isEmpty();
        assertThat(result.files()).anySatisfy(f -> {
            assertThat(f.relativePath()).endsWith("api___b.input.json");
            assertThat(f.text()).contains("\"id\"");
        });
    }

    @Test
    void schemaReferencesIntoOtherOperationsAreInlined() throws IOException {
        GenerationResult result = generate("""
                {"openapi":"3.0.1","info":{"title":"t","version":"1"},"paths":{
                 "/people":{"post":{"operationId":"create","requestBody":{"content":{"application/json":{"schema":
                   {"type":"object","properties":{"person":{"type":"object","required":["name"],
                    "properties":{"name":{"type":"string","maxLength":40}}}}}}}},
                   "responses":{"201":{"description":"ok"}}}},
                 "/people/{id}":{"get":{"operationId":"get","parameters":[{"name":"id","in":"path","required":true,
                   "schema":{"$ref":"#/paths/~1codes/get/parameters/0/schema"}}],
                   "responses":{"200":{"description":"ok","content":{"application/json":{"schema":
                    {"$ref":"#/paths/~1people/post/requestBody/content/application~1json/schema/properties/person"}}}}}}},
                 "/codes":{"get":{"operationId":"codes","parameters":[{"name":"code","in":"query",
                   "schema":{"type":"string","pattern":"^[a-z]+$"}}],"responses":{"200":{"description":"ok"}}}}}}
                """);

        assertThat(result.errors()).isEmpty();
        assertThat(file(result, "api___get.output.json"))
                .contains("\"name\"", "\"string\"")
                .doesNotContain("$ref");
        assertThat(file(result, "api___get.input.json")).contains("\"pattern\": \"^[a-z]+$\"");
    }

    @Test
    void aRecursiveSchemaUnderPathsGoesToDefs() throws IOException {
        GenerationResult result = generate("""
                {"openapi":"3.0.1","info":{"title":"t","version":"1"},"paths":{
                 "/tree":{"put":{"operationId":"put","requestBody":{"content":{"application/json":{"schema":
                   {"type":"object","properties":{"label":{"type":"string"},"children":{"type":"array","items":
                    {"$ref":"#/paths/~1tree/put/requestBody/content/application~1json/schema"}}}}}}},
                   "responses":{"200":{"description":"ok"}}}}}}
                """);

        assertThat(result.errors()).isEmpty();
        String input = file(result, "api___put.input.json");
        assertThat(input).contains("\"$defs\"").contains("\"$ref\": \"#/$defs/tree_put_requestBody_application_json\"");
    }

    @Test
    void aReferenceIntoPathsThatIsNoSchemaIsAnErrorThatSaysWhy() throws IOException {
        GenerationResult result = generate("""
                {"openapi":"3.0.1","info":{"title":"t","version":"1"},"paths":{
                 "/a":{"get":{"operationId":"a","responses":{"200":{"description":"ok","content":{
                   "application/json":{"schema":{"$ref":"#/paths/~1a/get/responses/200/description"}}}}}}}}}
                """);

        assertThat(result.errors()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/paths/~1a/get/responses/200/content/application~1json/schema/$ref");
            assertThat(p.message())
                    .contains("must point at (or into) the schema of a parameter, request body or" + " response");
        });
    }

    private static String file(GenerationResult result, String suffix) {
        return result.files().stream()
                .filter(f -> f.relativePath().endsWith(suffix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no file " + suffix))
                .text();
    }

    @Test
    void aReferenceToNothingIsStillAnError() throws IOException {
        GenerationResult result = generate("""
                {"openapi":"3.0.1","info":{"title":"t","version":"1"},"paths":{
                 "/b":{"get":{"operationId":"b","parameters":[{"$ref":"#/paths/~1nowhere/get/parameters/0"}],
                   "responses":{"200":{"description":"ok"}}}}}}
                """);
        assertThat(result.errors()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/paths/~1b/get/parameters/0/$ref");
            assertThat(p.message()).contains("unresolvable parameter reference");
        });
    }

    @Test
    void collidingDerivedNamesGetAStableHashInsteadOfAnError() throws IOException {
        String spec = """
                {"openapi":"3.0.1","info":{"title":"t","version":"1"},"paths":{
                 "/users":{"get":{"responses":{"200":{"description":"ok"}}}},
                 "/users/~":{"get":{"responses":{"200":{"description":"ok"}}}}}}
                """;
        GenerationResult result = generate(spec);
        assertThat(result.errors()).isEmpty();
        assertThat(result.tools())
                .extracting(ToolSummary::name)
                .hasSize(2)
                .allSatisfy(name -> assertThat(name).matches("api___get_users_[0-9a-f]{8}"));
        assertThat(generate(spec).tools()).isEqualTo(result.tools());
        assertThat(result.warnings())
                .extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("is shared with another operation"));
    }

    @Test
    void patternsOfAwsDescriptionsReachBothSchemasInAFormJavaScriptCompiles() throws IOException {
        GenerationResult result = generate("""
                {"openapi":"3.0.1","info":{"title":"t","version":"1"},"paths":{
                 "/users/{userId}":{"get":{"operationId":"getUser","parameters":[{"name":"userId","in":"path",
                   "required":true,"schema":{"type":"string","pattern":"[A-Za-z0-9\\\\:\\\\-\\\\_\\\\.\\\\@]+"}}],
                   "responses":{"200":{"description":"ok","content":{"application/json":{"schema":
                    {"type":"object","properties":{"arn":{"type":"string","pattern":"^arn\\\\:aws\\\\:\\\\S+$"},
                     "ip":{"type":"string","pattern":"\\\\A\\\\d+(\\\\.\\\\d+){3}\\\\Z"}}}}}}}}}}}
                """);
        assertThat(result.errors()).isEmpty();
        assertThat(file(result, "api___getUser.input.json")).contains("\"pattern\": \"[A-Za-z0-9:\\\\-_\\\\.@]+\"");
        // Tolerant output schemas (the default) keep no pattern at all.
        assertThat(file(result, "api___getUser.output.json")).doesNotContain("\"pattern\"");
        assertThat(result.warnings())
                .filteredOn(w -> w.message().startsWith("pattern"))
                .singleElement()
                .satisfies(w -> {
                    assertThat(w.file()).isEqualTo("api.json");
                    assertThat(w.pointer()).endsWith("/properties/ip/pattern");
                    assertThat(w.message()).contains("uses '\\Z'", "pattern dropped");
                });
    }

    @Test
    void aBodySchemaUnderAWildcardMediaTypeIsSentAsJson() throws IOException {
        GenerationResult result = generate("""
                {"openapi":"3.0.1","info":{"title":"t","version":"1"},"paths":{
                 "/a":{"post":{"operationId":"a","requestBody":{"required":true,"content":{"*/*":{"schema":
                   {"type":"object","properties":{"n":{"type":"integer"}}}}}},
                   "responses":{"200":{"description":"ok"}}}}}}
                """);

        assertThat(result.errors()).isEmpty();
        assertThat(file(result, "api___a.input.json")).contains("\"body\"", "\"n\"");
        assertThat(file(result, "bindings.json")).contains("\"mediaType\": \"application/json\"");
    }

    @Test
    void anUndefinedApiKeyInAnApiGatewayOpenApi3ExportIsTheKeyFlag() throws IOException {
        GenerationResult result = generate("""
                {"openapi":"3.0.1","info":{"title":"t","version":"1"},"paths":{
                 "/a":{"get":{"operationId":"a","security":[{"api_key":[]}],"responses":{"200":{"description":"ok"}},
                   "x-amazon-apigateway-integration":{"type":"mock"}}}}}
                """);

        assertThat(result.errors()).isEmpty();
        assertThat(file(result, "bindings.json")).contains("\"API_KEY\"");
        assertThat(result.warnings())
                .extracting(Problem::message)
                .anySatisfy(m ->
                        assertThat(m).contains("not defined in components.securitySchemes", "API-key-required flag"));
    }

    @Test
    void anUndefinedApiKeyInAPlainOpenApiDocumentStaysAnError() throws IOException {
        GenerationResult result = generate("""
                {"openapi":"3.0.1","info":{"title":"t","version":"1"},"paths":{
                 "/a":{"get":{"operationId":"a","security":[{"api_key":[]}],"responses":{"200":{"description":"ok"}}}}}}
                """);

        assertThat(result.errors())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("'api_key'"));
    }

    @Test
    void anHttpApisDefaultRouteIsACatchAllToolOverAnyPath() throws IOException {
        GenerationResult result = generate("""
                {"openapi":"3.0.1","info":{"title":"t","version":"1"},"paths":{
                 "/$default":{"x-amazon-apigateway-any-method":{"isDefaultRoute":true,
                   "x-amazon-apigateway-integration":{"payloadFormatVersion":"2.0","type":"aws_proxy"}}}}}
                """);

        assertThat(result.errors()).isEmpty();
        assertThat(result.tools()).singleElement().satisfies(tool -> {
            assertThat(tool.name()).isEqualTo("api___any_proxy");
            assertThat(tool.path()).isEqualTo("/{proxy+}");
        });
        assertThat(file(result, "api___any_proxy.input.json")).contains("\"proxy\"", "\"query\"", "\"body\"");
        assertThat(result.warnings())
                .filteredOn(p -> p.message().contains("catch-all route"))
                .singleElement()
                .extracting(Problem::pointer)
                .isEqualTo("/paths/~1$default");
        assertThat(result.warnings()).noneMatch(p -> p.message().contains("not declared"));
    }
}
