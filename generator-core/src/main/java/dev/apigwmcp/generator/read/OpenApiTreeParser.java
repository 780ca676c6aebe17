package dev.apigwmcp.generator.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.swagger.v3.parser.util.OpenAPIDeserializer;
import java.util.List;

/**
 * Turns an OpenAPI 3 tree into swagger-parser's model, as {@code OpenAPIV3Parser.parseJsonNode} does without
 * resolution, minus one step: {@code OpenAPIDeserializer.deserialize} first copies the whole document into a
 * {@code Map} (with a new {@code ObjectMapper}) that only JSON Schema parser extensions read. We install none, and
 * for GitHub's 13 MB description that copy was a fifth of the parse. {@code parseRoot} is the same public method
 * {@code deserialize} delegates to, with the same flags and error handling.
 */
final class OpenApiTreeParser {

    SwaggerParseResult parse(JsonNode root, ParseOptions options) {
        SwaggerParseResult result = new SwaggerParseResult();
        try {
            OpenAPIDeserializer.ParseResult parse = new OpenAPIDeserializer.ParseResult();
            parse.setOaiAuthor(options.isOaiAuthor());
            parse.setInferSchemaType(options.isInferSchemaType());
            parse.setAllowEmptyStrings(options.isAllowEmptyString());
            parse.setValidateInternalRefs(options.isValidateInternalRefs());
            parse.setExplicitStyleAndExplode(options.isExplicitStyleAndExplode());
            OpenAPI api = new OpenAPIDeserializer().parseRoot(root, parse, null);
            result.openapi31(parse.isOpenapi31());
            result.setOpenAPI(api);
            result.setMessages(parse.getMessages());
        } catch (Exception e) {
            String message = e.getMessage();
            result.setMessages(List.of(message != null && !message.isBlank() ? message
                    : "Unexpected error deserialising spec"));
        }
        return result;
    }
}
