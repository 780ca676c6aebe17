package dev.apigwmcp.generator.read;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigwmcp.generator.model.ApiModel;
import dev.apigwmcp.generator.model.ApiModel.SpecFormat;
import dev.apigwmcp.generator.problem.FailureReason;
import dev.apigwmcp.generator.problem.JacksonMessages;
import dev.apigwmcp.generator.problem.ProblemCollector;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Reads an export (OpenAPI 3.0 / 3.1 or Swagger 2.0, JSON or YAML): the bytes into a tree, the tree into
 * swagger-parser's model, and that, with {@link ModelBuilder}, into an {@link ApiModel}. References to component
 * schemas are kept (the schema converter inlines them); references to parameters, request bodies and responses are
 * resolved by the model builder.
 */
public final class ExportReader {

    /** Reads JSON exports into trees: the same trees as swagger-core's mapper gives, without its modules. */
    private static final ObjectMapper TREE_READER = JsonMapper.builder().build();

    /** How every {@code $ref} into {@code #/paths} starts, quoted in JSON and YAML alike. */
    private static final byte[] PATHS_REF = "#/paths/".getBytes(StandardCharsets.US_ASCII);

    /** Reads {@code file}; problems go to {@code problems}. Empty when the export cannot be used at all. */
    public Optional<ApiModel> read(Path file, ProblemCollector problems) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            problems.error("", "export file not found");
            return Optional.empty();
        } catch (IOException e) {
            problems.error("", "cannot read export file: " + FailureReason.describe(e));
            return Optional.empty();
        }
        // swagger-core's shared mapper (modules, mix-ins) is slow to build in a fresh JVM and its deserializer needs
        // it; build it on another core while Jackson parses the export with a plain mapper.
        CompletableFuture<ObjectMapper> swaggerMapper = CompletableFuture.supplyAsync(Json::mapper);
        // Scanning a large export for a rare string overlaps the parse instead of following it.
        CompletableFuture<Boolean> refsIntoPaths = CompletableFuture.supplyAsync(() -> mentions(bytes, PATHS_REF));
        JsonNode root = parseTree(bytes, problems);
        swaggerMapper.join();
        if (root == null) {
            return Optional.empty();
        }
        if (!root.isObject()) {
            problems.error("", "an export must be a JSON or YAML object, found " + root.getNodeType());
            return Optional.empty();
        }
        SpecFormat format = detectFormat(root, problems);
        if (format == null) {
            return Optional.empty();
        }
        OpenAPI api;
        List<String> messages;
        Map<String, String> anyMethodPaths = Map.of();
        if (format == SpecFormat.SWAGGER_2_0) {
            Swagger2Reader.Converted converted = new Swagger2Reader().read((ObjectNode) root, problems);
            api = converted.api();
            messages = converted.messages();
            anyMethodPaths = converted.anyMethodPaths();
            problems.locateInFile(new Swagger2Locations(root));
        } else {
            ParseOptions options = new ParseOptions();
            // Never follow references to other files or URLs at build time: exports are single documents, and a
            // build must not reach the network. Unresolved references are reported by the schema converter.
            // (The Swagger 2 reader resolves nothing either.)
            options.setResolve(false);
            options.setResolveFully(false);
            options.setValidateInternalRefs(true);
            SwaggerParseResult result = new OpenApiTreeParser().parse(UnreadMembers.prune(root), options);
            api = result == null ? null : result.getOpenAPI();
            messages = result == null || result.getMessages() == null ? List.of() : result.getMessages();
        }
        for (String message : messages) {
            if (ParserMessages.reported(message)) {
                problems.warning(ParserMessages.pointer(message), "swagger-parser: " + message);
            }
        }
        if (api == null) {
            problems.error("", "not a usable OpenAPI document (see the parser messages above)");
            return Optional.empty();
        }
        return Optional.of(new ModelBuilder(api, root, format, problems, refsIntoPaths.join(), anyMethodPaths).build());
    }

    /** Whether {@code text} (UTF-8) contains {@code ascii}: a cheap test before looking for something rare. */
    static boolean mentions(byte[] text, byte[] ascii) {
        byte first = ascii[0];
        for (int i = 0, last = text.length - ascii.length; i <= last; i++) {
            if (text[i] == first && java.util.Arrays.equals(text, i, i + ascii.length, ascii, 0, ascii.length)) {
                return true;
            }
        }
        return false;
    }

    /** Parses the bytes directly (no 13 MB String for a large export); JSON when it starts with '{' or '['. */
    private static JsonNode parseTree(byte[] bytes, ProblemCollector problems) {
        int first = 0;
        while (first < bytes.length
                && (bytes[first] == ' '
                        || bytes[first] == '\n'
                        || bytes[first] == '\r'
                        || bytes[first] == '\t'
                        || bytes[first] == (byte) 0xEF
                        || bytes[first] == (byte) 0xBB
                        || bytes[first] == (byte) 0xBF)) {
            first++; // whitespace and a UTF-8 byte-order mark
        }
        if (first == bytes.length) {
            problems.error("", "export file is empty");
            return null;
        }
        boolean json = bytes[first] == '{' || bytes[first] == '[';
        ObjectMapper mapper = json ? TREE_READER : Yaml.mapper();
        try {
            JsonNode node = mapper.readTree(bytes, first, bytes.length - first);
            if (node == null || node.isMissingNode()) {
                problems.error("", "export file is empty");
                return null;
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            problems.error(
                    "",
                    "malformed " + (json ? "JSON" : "YAML") + ": " + where
                            + JacksonMessages.withPlainLocations(e.getOriginalMessage()));
            return null;
        } catch (IOException e) {
            // Reading from a byte array fails only on malformed content (for example invalid UTF-8).
            problems.error("", "unreadable export: " + e.getMessage());
            return null;
        }
    }

    private static SpecFormat detectFormat(JsonNode root, ProblemCollector problems) {
        JsonNode swagger = root.get("swagger");
        if (swagger != null) {
            if ("2.0".equals(swagger.asText())) {
                return SpecFormat.SWAGGER_2_0;
            }
            problems.error("/swagger", "unsupported Swagger version '" + swagger.asText() + "' (only 2.0)");
            return null;
        }
        JsonNode openapi = root.get("openapi");
        if (openapi == null) {
            problems.error("", "neither 'openapi' nor 'swagger' is present: not an OpenAPI or Swagger document");
            return null;
        }
        String version = openapi.asText();
        if (version.startsWith("3.0")) {
            return SpecFormat.OPENAPI_3_0;
        }
        if (version.startsWith("3.1")) {
            return SpecFormat.OPENAPI_3_1;
        }
        problems.error("/openapi", "unsupported OpenAPI version '" + version + "' (3.0.x, 3.1.x or Swagger 2.0)");
        return null;
    }
}
