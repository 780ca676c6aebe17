package dev.apigwmcp.generator.compile;

import static dev.apigwmcp.generator.OneTarget.file;
import static dev.apigwmcp.generator.OneTarget.firstBody;
import static dev.apigwmcp.generator.OneTarget.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigwmcp.generator.GenerationResult;
import dev.apigwmcp.generator.OneTarget;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code application/x-www-form-urlencoded} request bodies become an object argument sent as a form. */
class FormBodyTest {

    @TempDir
    Path dir;

    private GenerationResult generate(String yaml) throws IOException {
        return OneTarget.generate(dir, yaml);
    }

    private static String openApi(String content) {
        return """
                openapi: 3.0.1
                info: {title: t, version: '1'}
                paths:
                  /messages:
                    post:
                      operationId: sendMessage
                      requestBody:
                        required: true
                        content:
                """ + content.indent(10) + """
                      responses:
                        '200': {description: ok}
                """;
    }

    private static final String FORM = """
            application/x-www-form-urlencoded:
              schema:
                type: object
                required: [To, Body]
                properties:
                  To: {type: string, description: The recipient's phone number.}
                  Body: {type: string, maxLength: 1600}
                  Priority: {type: string, enum: [low, high]}
                  MediaUrl: {type: array, items: {type: string}}
                  ValidityPeriod: {type: integer}
            """;

    @Test
    void aFormBodyBecomesAnObjectArgumentWithTheFormsSchema() throws IOException {
        GenerationResult result = generate(openApi(FORM));

        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings())
                .noneSatisfy(warning -> assertThat(warning.toString()).contains("request body"));
        JsonNode schema =
                json(result, "/sendMessage.input.json").get("properties").get("body");
        assertThat(schema.get("type").asText()).isEqualTo("object");
        assertThat(schema.get("required").toString()).isEqualTo("[\"Body\",\"To\"]");
        assertThat(schema.at("/properties/To/description").asText()).isEqualTo("The recipient's phone number.");
        assertThat(schema.at("/properties/Priority/enum").toString()).isEqualTo("[\"low\",\"high\"]");
        assertThat(schema.at("/properties/MediaUrl/items/type").asText()).isEqualTo("string");
        assertThat(schema.at("/properties/ValidityPeriod/type").asText()).isEqualTo("integer");
    }

    @Test
    void aFormBodysBindingNamesTheFormMediaTypeAndCarriesAFormMember() throws IOException {
        GenerationResult result = generate(openApi(FORM));

        assertThat(firstBody(result).toString())
                .isEqualTo("{\"argument\":\"body\",\"mediaType\":\"application/x-www-form-urlencoded\","
                        + "\"required\":true,\"form\":{}}");
    }

    @Test
    void theGeneratedToolHandsTheBodyToFormBody() throws IOException {
        GenerationResult result = generate(openApi(FORM));

        assertThat(file(result, "/SendMessageTool.java"))
                .contains(
                        "request.formBody(\"body\", \"application/x-www-form-urlencoded\", arguments.body(), Map.of());");
    }

    @Test
    void jsonIsPreferredWhenAnOperationOffersJsonAndAForm() throws IOException {
        GenerationResult result = generate(openApi(FORM + """
                application/json:
                  schema: {type: object, properties: {to: {type: string}}}
                """));

        assertThat(firstBody(result).get("mediaType").asText()).isEqualTo("application/json");
        assertThat(firstBody(result).has("form")).isFalse();
        assertThat(json(result, "/sendMessage.input.json")
                        .at("/properties/body/properties")
                        .fieldNames())
                .toIterable()
                .containsExactly("to");
    }

    @Test
    void theEncodingObjectsStylesAreKeptForTheRuntime() throws IOException {
        GenerationResult result = generate(openApi("""
                application/x-www-form-urlencoded:
                  schema:
                    type: object
                    properties:
                      metadata: {type: object, additionalProperties: {type: string}}
                      tags: {type: array, items: {type: string}}
                      name: {type: string}
                      meta2: {type: object}
                  encoding:
                    metadata: {style: deepObject, explode: true}
                    tags: {style: form, explode: false}
                    name: {contentType: text/plain}
                    meta2: {contentType: application/json}
                """));

        assertThat(firstBody(result).get("form").toString())
                .isEqualTo("{\"metadata\":{\"style\":\"deepObject\",\"explode\":true},"
                        + "\"tags\":{\"style\":\"form\",\"explode\":false}}");
        assertThat(file(result, "/SendMessageTool.java"))
                .contains(
                        "arguments.body(), Map.of(\"metadata\", QueryStyle.DEEP_OBJECT, \"tags\", QueryStyle.FORM));");
    }

    @Test
    void anEncodingWithoutExplodeTakesOpenApisDefaultForItsStyle() throws IOException {
        GenerationResult result = generate(openApi("""
                application/x-www-form-urlencoded:
                  schema:
                    type: object
                    properties:
                      ids: {type: array, items: {type: integer}}
                      filter: {type: object}
                  encoding:
                    ids: {style: pipeDelimited}
                    filter: {explode: true}
                """));

        assertThat(firstBody(result).get("form").toString())
                .isEqualTo("{\"ids\":{\"style\":\"pipeDelimited\",\"explode\":false},"
                        + "\"filter\":{\"style\":\"form\",\"explode\":true}}");
    }

    @Test
    void aFormWithoutASchemaIsAFreeFormObject() throws IOException {
        GenerationResult result = generate(openApi("application/x-www-form-urlencoded: {}\n"));

        assertThat(result.warnings())
                .noneSatisfy(warning -> assertThat(warning.toString()).contains("request body"));
        assertThat(json(result, "/sendMessage.input.json")
                        .at("/properties/body/type")
                        .asText())
                .isEqualTo("object");
        assertThat(firstBody(result).has("form")).isTrue();
    }

    @Test
    void aFormWhoseSchemaIsAStringIsSentAsAlreadyEncodedText() throws IOException {
        GenerationResult result = generate(openApi("""
                application/x-www-form-urlencoded:
                  schema: {type: string}
                """));

        assertThat(json(result, "/sendMessage.input.json")
                        .at("/properties/body/type")
                        .asText())
                .isEqualTo("string");
        assertThat(firstBody(result).has("form")).isFalse();
        assertThat(firstBody(result).get("mediaType").asText()).isEqualTo("application/x-www-form-urlencoded");
        assertThat(file(result, "/SendMessageTool.java"))
                .contains("request.textBody(\"body\", \"application/x-www-form-urlencoded\", arguments.body());");
    }

    @Test
    void theDeclaredMediaTypeParametersAreKept() throws IOException {
        GenerationResult result = generate(openApi("""
                application/x-www-form-urlencoded; charset=utf-8:
                  schema: {type: object, properties: {a: {type: string}}}
                """));

        assertThat(firstBody(result).get("mediaType").asText())
                .isEqualTo("application/x-www-form-urlencoded; charset=utf-8");
    }

    @Test
    void swagger2FormDataParametersBecomeAFormBody() throws IOException {
        GenerationResult result = generate("""
                swagger: '2.0'
                info: {title: t, version: '1'}
                paths:
                  /token:
                    post:
                      operationId: sendMessage
                      consumes: [application/x-www-form-urlencoded]
                      parameters:
                        - {name: grant_type, in: formData, type: string, required: true, enum: [client_credentials]}
                        - {name: scope, in: formData, type: string, description: Scopes asked for.}
                      responses:
                        '200': {description: ok}
                """);

        assertThat(result.errors()).isEmpty();
        assertThat(firstBody(result).get("mediaType").asText()).isEqualTo("application/x-www-form-urlencoded");
        JsonNode schema = json(result, "/sendMessage.input.json").at("/properties/body");
        assertThat(schema.get("required").toString()).isEqualTo("[\"grant_type\"]");
        assertThat(schema.at("/properties/grant_type/enum").toString()).isEqualTo("[\"client_credentials\"]");
        assertThat(schema.at("/properties/scope/description").asText()).isEqualTo("Scopes asked for.");
    }
}
