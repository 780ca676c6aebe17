package dev.apigwmcp.generator.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.swagger.v3.parser.util.OpenAPIDeserializer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns an OpenAPI 3 tree into swagger-parser's model, as {@code OpenAPIV3Parser.parseJsonNode} does without
 * resolution, minus one step: {@code OpenAPIDeserializer.deserialize} first copies the whole document into a
 * {@code Map} (with a new {@code ObjectMapper}) that only JSON Schema parser extensions read. We install none, and
 * for a large description that copy is a large part of the parse (BENCHMARKS.md, "Generator"). {@code parseRoot}
 * is the same public method
 * {@code deserialize} delegates to, with the same flags and error handling.
 *
 * <p>A large document is cut into {@link DocumentSplitter} deserialized on all cores: swagger-parser reads one
 * document on one thread, which for a large description is most of reading the export, with the other cores
 * idle. The joined model equals the whole document's; its messages are the parts' messages, each once (an
 * operationId repeated in two parts goes unreported, a message the reader drops anyway: the compiler reports
 * repeated tool names itself).
 */
final class OpenApiTreeParser {

    /** Schemas plus paths per part: below two parts' worth the document is read in one piece. */
    private static final int ENTRIES_PER_PART = 150;

    private final int entriesPerPart;
    private final int maxParts;

    OpenApiTreeParser() {
        this(ENTRIES_PER_PART, 2 * Runtime.getRuntime().availableProcessors());
    }

    /** For tests: cut even small documents. */
    OpenApiTreeParser(int entriesPerPart, int maxParts) {
        this.entriesPerPart = entriesPerPart;
        this.maxParts = maxParts;
    }

    SwaggerParseResult parse(JsonNode root, ParseOptions options) {
        DocumentSplitter document = DocumentSplitter.of(root);
        int parts = document == null ? 1 : Math.min(maxParts, document.entries() / entriesPerPart);
        if (parts >= 2) {
            SwaggerParseResult result = parseInParts(document.split(parts), options);
            if (result != null) {
                return result;
            }
        }
        SwaggerParseResult result = new SwaggerParseResult();
        try {
            OpenAPIDeserializer.ParseResult parse = parseResult(options);
            OpenAPI api = new OpenAPIDeserializer().parseRoot(root, parse, null);
            result.openapi31(parse.isOpenapi31());
            result.setOpenAPI(api);
            result.setMessages(parse.getMessages());
        } catch (Exception e) {
            String message = e.getMessage();
            result.setMessages(
                    List.of(message != null && !message.isBlank() ? message : "Unexpected error deserialising spec"));
        }
        return result;
    }

    /** The parts' joined result; null when a part failed (the whole document is then read in one piece). */
    private static SwaggerParseResult parseInParts(List<DocumentSplitter.Part> parts, ParseOptions options) {
        List<PartResult> results =
                parts.parallelStream().map(part -> PartResult.of(part, options)).toList();
        List<OpenAPI> models = new ArrayList<>(results.size());
        Set<String> messages = new LinkedHashSet<>();
        for (PartResult result : results) {
            if (result.model() == null) {
                return null;
            }
            models.add(result.model());
            messages.addAll(result.parse().getMessages());
        }
        SwaggerParseResult joined = new SwaggerParseResult();
        joined.openapi31(results.get(0).parse().isOpenapi31());
        joined.setOpenAPI(DocumentSplitter.join(parts, models));
        joined.setMessages(new ArrayList<>(messages));
        return joined;
    }

    private static OpenAPIDeserializer.ParseResult parseResult(ParseOptions options) {
        OpenAPIDeserializer.ParseResult parse = new OpenAPIDeserializer.ParseResult();
        parse.setOaiAuthor(options.isOaiAuthor());
        parse.setInferSchemaType(options.isInferSchemaType());
        parse.setAllowEmptyStrings(options.isAllowEmptyString());
        parse.setValidateInternalRefs(options.isValidateInternalRefs());
        parse.setExplicitStyleAndExplode(options.isExplicitStyleAndExplode());
        return parse;
    }

    /** One part's model (null when the deserializer threw) and its messages. */
    private record PartResult(OpenAPI model, OpenAPIDeserializer.ParseResult parse) {
        static PartResult of(DocumentSplitter.Part part, ParseOptions options) {
            OpenAPIDeserializer.ParseResult parse = parseResult(options);
            try {
                return new PartResult(new OpenAPIDeserializer().parseRoot(part.root(), parse, null), parse);
            } catch (RuntimeException e) {
                return new PartResult(null, parse);
            }
        }
    }
}
