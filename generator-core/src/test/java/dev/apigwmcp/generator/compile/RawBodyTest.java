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

/** XML and other text bodies are sent as they are; binary bodies (files, images) are base64 arguments. */
class RawBodyTest {

    @TempDir
    Path dir;

    private GenerationResult generate(String yaml) throws IOException {
        return OneTarget.generate(dir, yaml);
    }

    private static JsonNode input(GenerationResult result) throws IOException {
        return json(result, "/upload.input.json");
    }

    private static String openApi(String content) {
        return openApi("", content, true);
    }

    private static String openApi(String root, String content, boolean required) {
        return """
                openapi: 3.0.1
                info: {title: t, version: '1'}
                """ + root + """
                paths:
                  /objects:
                    put:
                      operationId: upload
                      requestBody:
                        required: %s
                        content:
                """.formatted(required) + content.indent(10) + """
                      responses:
                        '200': {description: ok}
                """;
    }

    @Test
    void anXmlBodyIsAStringSentWithItsMediaType() throws IOException {
        GenerationResult result = generate(openApi("application/xml: {schema: {type: object}}"));

        assertThat(firstBody(result).toString())
                .isEqualTo("{\"argument\":\"body\",\"mediaType\":\"application/xml\",\"required\":true}");
        assertThat(input(result).at("/properties/body").toString())
                .isEqualTo("{\"type\":\"string\",\"description\":\"Request body (application/xml). The raw"
                        + " application/xml document, sent as it is.\"}");
        assertThat(file(result, "/UploadTool.java"))
                .contains("request.textBody(\"body\", \"application/xml\", arguments.body());");
    }

    @Test
    void suffixedXmlAndYamlAreText() throws IOException {
        assertThat(firstBody(generate(openApi("application/atom+xml: {}"))).has("contentEncoding"))
                .isFalse();
        assertThat(firstBody(generate(openApi("application/x-yaml: {}"))).has("contentEncoding"))
                .isFalse();
    }

    @Test
    void anOctetStreamBodyIsBase64Bytes() throws IOException {
        GenerationResult result =
                generate(openApi("application/octet-stream: {schema: {type: string, format: binary}}"));

        assertThat(firstBody(result).toString())
                .isEqualTo("{\"argument\":\"body\",\"mediaType\":\"application/octet-stream\",\"required\":true,"
                        + "\"contentEncoding\":\"base64\"}");
        assertThat(input(result).at("/properties/body").toString())
                .isEqualTo("{\"type\":\"string\",\"description\":\"Request body (application/octet-stream)."
                        + " The body's bytes, base64-encoded, sent as application/octet-stream.\","
                        + "\"contentEncoding\":\"base64\",\"contentMediaType\":\"application/octet-stream\"}");
        assertThat(file(result, "/UploadTool.java"))
                .contains("request.binaryBody(\"body\", \"application/octet-stream\", arguments.body());");
    }

    @Test
    void anImageRangeTakesARequiredContentTypeArgument() throws IOException {
        GenerationResult result = generate(openApi("image/*: {}"));

        assertThat(firstBody(result).get("contentTypeArgument").asText()).isEqualTo("contentType");
        assertThat(input(result).at("/required").toString()).isEqualTo("[\"body\",\"contentType\"]");
        assertThat(input(result).at("/properties/contentType/description").asText())
                .isEqualTo("Media type of the body (Content-Type), within image/*, for example image/png.");
        assertThat(input(result).at("/properties/body").has("contentMediaType")).isFalse();
        assertThat(file(result, "/UploadTool.java"))
                .contains("request.binaryBody(\"body\", \"image/*\", arguments.body(), \"contentType\","
                        + " arguments.contentType());");
    }

    @Test
    void anyTypeWithoutASchemaDefaultsToOctets() throws IOException {
        GenerationResult result = generate(openApi("'*/*': {}"));

        assertThat(firstBody(result).get("contentEncoding").asText()).isEqualTo("base64");
        assertThat(input(result).at("/required").toString()).isEqualTo("[\"body\"]");
        assertThat(input(result).at("/properties/contentType/default").asText()).isEqualTo("application/octet-stream");
    }

    @Test
    void anyTypeWithABinarySchemaIsBytesNotJson() throws IOException {
        GenerationResult result = generate(openApi("'*/*': {schema: {type: string, format: binary}}"));

        assertThat(firstBody(result).get("mediaType").asText()).isEqualTo("*/*");
        assertThat(firstBody(result).get("contentEncoding").asText()).isEqualTo("base64");
    }

    @Test
    void aContentTypeParameterPushesTheArgumentName() throws IOException {
        GenerationResult result = generate("""
                openapi: 3.0.1
                info: {title: t, version: '1'}
                paths:
                  /objects:
                    put:
                      operationId: upload
                      parameters:
                        - {name: contentType, in: query, schema: {type: string}}
                      requestBody:
                        content:
                          image/*: {}
                      responses:
                        '200': {description: ok}
                """);

        assertThat(firstBody(result).get("contentTypeArgument").asText()).isEqualTo("contentType_body");
        assertThat(input(result).has("required")).isFalse();
    }

    @Test
    void aTypeListedAsBinaryMediaTypeIsBytes() throws IOException {
        GenerationResult result = generate(openApi(
                "x-amazon-apigateway-binary-media-types: [application/xml, 'image~1png']\n",
                "application/xml: {schema: {type: string}}",
                true));

        assertThat(firstBody(result).get("contentEncoding").asText()).isEqualTo("base64");
        assertThat(input(result).at("/properties/body/contentMediaType").asText())
                .isEqualTo("application/xml");
    }

    @Test
    void aListedBinaryMediaTypeThatIsNoMediaTypeIsWarnedAbout() throws IOException {
        GenerationResult result =
                generate(openApi("x-amazon-apigateway-binary-media-types: [png]\n", "application/xml: {}", true));

        assertThat(result.warnings())
                .anySatisfy(warning -> assertThat(warning.toString())
                        .contains("/x-amazon-apigateway-binary-media-types/0")
                        .contains("binary media type \"png\" is not a media type"));
        assertThat(firstBody(result).has("contentEncoding")).isFalse();
    }

    @Test
    void jsonAndFormsArePreferredToRawBodies() throws IOException {
        assertThat(firstBody(generate(openApi("application/octet-stream: {}\napplication/json: {}")))
                        .get("mediaType")
                        .asText())
                .isEqualTo("application/json");
        assertThat(firstBody(generate(openApi("image/png: {}\nmultipart/form-data: {schema: {type: object}}")))
                        .get("mediaType")
                        .asText())
                .isEqualTo("multipart/form-data");
    }

    @Test
    void textIsPreferredToBytes() throws IOException {
        assertThat(firstBody(generate(openApi("image/png: {}\napplication/xml: {}")))
                        .get("mediaType")
                        .asText())
                .isEqualTo("application/xml");
    }

    @Test
    void otherMultipartTypesAreLeftOutWithAWarning() throws IOException {
        GenerationResult result = generate(openApi("multipart/mixed: {}"));

        assertThat(result.warnings())
                .anySatisfy(warning -> assertThat(warning.toString())
                        .contains("is left out: its required request body has no media type a tool can send"
                                + " (multipart/mixed)"));
    }

    private static final String S3_PROXY = """
            swagger: '2.0'
            info: {title: t, version: '1'}
            paths:
              /{folder}/{item}:
                %s:
                  operationId: upload
                  parameters:
                    - {name: Content-Type, in: header, required: false, type: string}
                    - {name: folder, in: path, required: true, type: string}
                    - {name: item, in: path, required: true, type: string}
                  responses:
                    '200': {description: ok}
            """;

    @Test
    void aPutThatDeclaresItsContentTypeButNoBodyPassesBytesThrough() throws IOException {
        GenerationResult result = generate(S3_PROXY.formatted("put"));

        assertThat(firstBody(result).toString())
                .isEqualTo("{\"argument\":\"body\",\"mediaType\":\"*/*\",\"required\":false,"
                        + "\"contentEncoding\":\"base64\",\"contentTypeArgument\":\"contentType\"}");
        assertThat(input(result).at("/properties/contentType/default").asText()).isEqualTo("application/octet-stream");
        assertThat(input(result).at("/required").toString()).isEqualTo("[\"folder\",\"item\"]");
    }

    @Test
    void aGetThatDeclaresAContentTypeHasNoBody() throws IOException {
        GenerationResult result = generate(S3_PROXY.formatted("get"));

        assertThat(firstBody(result).isNull()).isTrue();
    }

    @Test
    void aSwagger2BinaryBodyWithoutConsumesIsBytes() throws IOException {
        GenerationResult result = generate("""
                swagger: '2.0'
                info: {title: t, version: '1'}
                paths:
                  /objects:
                    put:
                      operationId: upload
                      parameters:
                        - {name: file, in: body, required: true, schema: {type: string, format: binary}}
                      responses:
                        '200': {description: ok}
                """);

        assertThat(firstBody(result).get("mediaType").asText()).isEqualTo("*/*");
        assertThat(firstBody(result).get("contentEncoding").asText()).isEqualTo("base64");
    }
}
