package dev.apigwmcp.generator.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigwmcp.generator.Problem;
import org.junit.jupiter.api.Test;

/** Pointers into swagger-parser's OpenAPI 3 model of a Swagger 2.0 export, put back into the export. */
class Swagger2LocationsTest {

    private static final String EXPORT = """
            {"swagger": "2.0", "info": {"title": "t", "version": "1"}, "basePath": "/v1",
             "securityDefinitions": {"sigv4": {"type": "apiKey", "name": "Authorization", "in": "header"}},
             "parameters": {"Limit": {"name": "limit", "in": "query", "type": "integer", "maximum": 10}},
             "paths": {"/a/{id}": {
               "parameters": [{"name": "id", "in": "path", "required": true, "type": "string", "pattern": "^x"}],
               "post": {"consumes": ["multipart/form-data"], "parameters": [
                 {"name": "note", "in": "formData", "type": "string"},
                 {"name": "q", "in": "query", "type": "string"},
                 {"name": "file", "in": "formData", "type": "file"},
                 {"$ref": "#/parameters/Limit"}],
                 "responses": {"200": {"description": "ok", "headers": {"X-Count": {"type": "integer"}}}}}}}}
            """;

    private final Swagger2Locations locations = new Swagger2Locations(tree(EXPORT));

    @Test
    void aFormFieldIsItsFormDataParameter() {
        assertThat(locations.pointer("/paths/~1a~1{id}/post/requestBody/content/multipart~1form-data/schema"
                        + "/properties/file/format"))
                .isEqualTo("/paths/~1a~1{id}/post/parameters/2");
        assertThat(locations.pointer("/paths/~1a~1{id}/post/requestBody"))
                .isEqualTo("/paths/~1a~1{id}/post" + "/parameters/0");
    }

    @Test
    void parametersCountWithoutTheFormFieldsAndTheirSchemaIsThemselves() {
        assertThat(locations.pointer("/paths/~1a~1{id}/post/parameters/0/schema"))
                .isEqualTo("/paths/~1a~1{id}/post/parameters/1");
        assertThat(locations.pointer("/paths/~1a~1{id}/post/parameters/1/schema/maximum"))
                .isEqualTo("/parameters/Limit/maximum");
        assertThat(locations.pointer("/paths/~1a~1{id}/parameters/0/schema/pattern"))
                .isEqualTo("/paths/~1a~1{id}/parameters/0/pattern");
    }

    @Test
    void aResponseHeaderSchemaIsTheHeaderItself() {
        assertThat(locations.pointer("/paths/~1a~1{id}/post/responses/200/headers/X-Count/schema/type"))
                .isEqualTo("/paths/~1a~1{id}/post/responses/200/headers/X-Count/type");
    }

    @Test
    void componentsAndServersAreTheirSwagger2Sections() {
        assertThat(locations.pointer("/components/securitySchemes/sigv4")).isEqualTo("/securityDefinitions/sigv4");
        assertThat(locations.pointer("/components/parameters/Limit/schema/maximum"))
                .isEqualTo("/parameters/Limit/maximum");
        assertThat(locations.pointer("/servers/0/url")).isEqualTo("/basePath");
    }

    @Test
    void whatTheFileDoesNotHaveIsCutBackToTheNearestNodeItHas() {
        assertThat(locations.pointer("/paths/~1a~1{id}/post/responses/200/content/*~1*/schema/nullable"))
                .isEqualTo("/paths/~1a~1{id}/post/responses/200");
        assertThat(locations.pointer("/components/schemas/Nothing/properties/x"))
                .isEmpty();
        assertThat(locations.pointer("/paths/~1nowhere/get")).isEqualTo("/paths");
    }

    @Test
    void messagesNameTheSwagger2Sections() {
        Problem problem = locations.apply(new Problem(
                "t",
                "api.json",
                "/components/securitySchemes/x",
                "scheme 'x' is not defined in components.securitySchemes; see #/components/schemas/Pet"));

        assertThat(problem.pointer()).isEqualTo("/securityDefinitions");
        assertThat(problem.message())
                .isEqualTo("scheme 'x' is not defined in securityDefinitions; see" + " #/definitions/Pet");
    }

    @Test
    void configurationProblemsAreLeftAlone() {
        Problem problem = new Problem("t", null, "toolOverrides[0]", "see components.securitySchemes");

        assertThat(locations.apply(problem)).isSameAs(problem);
    }

    private static JsonNode tree(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
