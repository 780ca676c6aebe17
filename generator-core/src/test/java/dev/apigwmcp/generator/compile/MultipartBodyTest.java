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

/** {@code multipart/form-data} request bodies become an object argument whose files are base64 text. */
class MultipartBodyTest {

    @TempDir
    Path dir;

    private GenerationResult generate(String yaml) throws IOException {
        return OneTarget.generate(dir, yaml);
    }

    private static JsonNode bodySchema(GenerationResult result) throws IOException {
        return json(result, "/upload.input.json").at("/properties/body");
    }

    private static String openApi(String content) {
        return """
                openapi: 3.0.1
                info: {title: t, version: '1'}
                paths:
                  /documents:
                    post:
                      operationId: upload
                      requestBody:
                        required: true
                        content:
                """ + content.indent(10) + """
                      responses:
                        '200': {description: ok}
                """;
    }

    private static final String UPLOAD = """
            multipart/form-data:
              schema:
                type: object
                required: [file]
                properties:
                  title: {type: string, description: A title for the document.}
                  pages: {type: integer}
                  file: {type: string, format: binary, description: The document.}
                  attachments: {type: array, items: {type: string, format: binary}}
                  labels: {type: object, additionalProperties: {type: string}}
            """;

    @Test
    void aBinaryPropertyBecomesBase64Text() throws IOException {
        GenerationResult result = generate(openApi(UPLOAD));

        assertThat(bodySchema(result).at("/properties/file").toString())
                .isEqualTo("{\"type\":\"string\",\"description\":\"The document. The file's bytes, base64-encoded.\","
                        + "\"contentEncoding\":\"base64\",\"contentMediaType\":\"application/octet-stream\"}");
        assertThat(bodySchema(result)
                        .at("/properties/attachments/items/contentEncoding")
                        .asText())
                .isEqualTo("base64");
    }

    @Test
    void textPropertiesKeepTheirSchemas() throws IOException {
        GenerationResult result = generate(openApi(UPLOAD));

        JsonNode schema = bodySchema(result);
        assertThat(schema.at("/properties/title/description").asText()).isEqualTo("A title for the document.");
        assertThat(schema.at("/properties/pages/type").asText()).isEqualTo("integer");
        assertThat(schema.at("/required").toString()).isEqualTo("[\"file\"]");
    }

    @Test
    void theBindingListsTheFilesWithTheirPartTypes() throws IOException {
        GenerationResult result = generate(openApi(UPLOAD));

        assertThat(firstBody(result).toString())
                .isEqualTo(
                        "{\"argument\":\"body\",\"mediaType\":\"multipart/form-data\",\"required\":true,"
                                + "\"files\":{\"file\":\"application/octet-stream\",\"attachments\":\"application/octet-stream\"}}");
        assertThat(file(result, "/UploadTool.java"))
                .contains("request.multipartBody(\"body\", \"multipart/form-data\", arguments.body(), Map.of(\"file\","
                        + " \"application/octet-stream\", \"attachments\", \"application/octet-stream\"));");
    }

    @Test
    void aFilesDeclaredContentTypeIsItsPartsType() throws IOException {
        GenerationResult result = generate(openApi("""
                multipart/form-data:
                  schema:
                    type: object
                    properties:
                      photo: {type: string, format: binary}
                      scan: {type: string, format: binary}
                  encoding:
                    photo: {contentType: image/png}
                    scan: {contentType: 'image/png, image/jpeg'}
                """));

        assertThat(firstBody(result).get("files").toString())
                .isEqualTo("{\"photo\":\"image/png\",\"scan\":\"application/octet-stream\"}");
        assertThat(bodySchema(result).at("/properties/photo/contentMediaType").asText())
                .isEqualTo("image/png");
    }

    @Test
    void aFormIsPreferredToMultipart() throws IOException {
        GenerationResult result = generate(openApi(UPLOAD + """
                application/x-www-form-urlencoded:
                  schema: {type: object, properties: {title: {type: string}}}
                """));

        assertThat(firstBody(result).get("mediaType").asText()).isEqualTo("application/x-www-form-urlencoded");
    }

    @Test
    void swagger2FileParametersBecomeAMultipartBody() throws IOException {
        GenerationResult result = generate("""
                swagger: '2.0'
                info: {title: t, version: '1'}
                paths:
                  /documents:
                    post:
                      operationId: upload
                      consumes: [multipart/form-data]
                      parameters:
                        - {name: file, in: formData, type: file, required: true}
                        - {name: note, in: formData, type: string}
                      responses:
                        '200': {description: ok}
                """);

        assertThat(result.errors()).isEmpty();
        assertThat(firstBody(result).get("mediaType").asText()).isEqualTo("multipart/form-data");
        assertThat(firstBody(result).get("files").toString()).isEqualTo("{\"file\":\"application/octet-stream\"}");
        assertThat(bodySchema(result).at("/properties/note/type").asText()).isEqualTo("string");
    }

    @Test
    void aMultipartBodyWhoseSchemaIsNotAnObjectIsLeftOutWithAWarning() throws IOException {
        GenerationResult result = generate(openApi("""
                multipart/form-data:
                  schema: {type: string}
                """));

        assertThat(result.warnings())
                .anySatisfy(
                        warning -> assertThat(warning.toString())
                                .contains(
                                        "is left out: its required request body has no media type a tool can send (multipart/form-data)"));
    }
}
