package dev.apigwmcp.generator.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.Map;

/** Parses a spec the way the generator does (resolve, not resolveFully) and converts its schemas. */
final class Fixture {
    private static final ObjectMapper JSON = new ObjectMapper();
    final OpenAPI openApi;
    final SchemaConverter converter;

    private Fixture(OpenAPI openApi, SchemaConverter converter) {
        this.openApi = openApi;
        this.converter = converter;
    }

    static OpenAPI parse(String text) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(text, null, options);
        if (result.getOpenAPI() == null) {
            throw new IllegalArgumentException("spec does not parse: " + result.getMessages());
        }
        return result.getOpenAPI();
    }

    static Fixture of(String spec) {
        OpenAPI openApi = parse(spec);
        boolean openApi31 = openApi.getOpenapi() != null && openApi.getOpenapi().startsWith("3.1");
        boolean swagger2 = spec.contains("swagger:") || spec.contains("\"swagger\"");
        return new Fixture(
                openApi,
                new SchemaConverter(
                        schemas(openApi),
                        openApi31,
                        swagger2 ? SchemaConverter.SWAGGER2_DEFINITIONS : SchemaConverter.OPENAPI_COMPONENTS));
    }

    /** An OpenAPI 3.0 spec with the given YAML under components.schemas (indented by 4). */
    static Fixture oas30(String schemasYaml) {
        return of(header("3.0.3") + indent(schemasYaml));
    }

    static Fixture oas31(String schemasYaml) {
        return of(header("3.1.0") + indent(schemasYaml));
    }

    private static String header(String version) {
        return "openapi: " + version + "\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n";
    }

    private static String indent(String yaml) {
        return yaml.stripIndent().lines().map(line -> "    " + line).reduce("", (a, b) -> a + b + "\n");
    }

    @SuppressWarnings("rawtypes")
    static Map<String, Schema> schemas(OpenAPI openApi) {
        return openApi.getComponents() == null ? null : openApi.getComponents().getSchemas();
    }

    static Schema<?> ref(String name) {
        return new Schema<>().$ref("#/components/schemas/" + name);
    }

    /** A document holding just the named component, as the generator would emit it. */
    Result component(String name, Direction direction) {
        SchemaDocument document = converter.newDocument(direction);
        ObjectNode node = document.convert(ref(name), "/test/" + name);
        return Result.of(node, document);
    }

    Result convert(Schema<?> schema, Direction direction) {
        SchemaDocument document = converter.newDocument(direction);
        return Result.of(document.convert(schema, "/test"), document);
    }

    /** The assembled document (node + $defs at the root) and the document's issues. */
    record Result(ObjectNode node, ObjectNode root, SchemaDocument document) {
        static Result of(ObjectNode node, SchemaDocument document) {
            ObjectNode root = node.deepCopy();
            if (!document.defs().isEmpty()) {
                root.putObject("$defs").setAll(document.defs());
            }
            return new Result(node, root, document);
        }

        String json() {
            return Fixture.json(root);
        }

        JsonNode at(String pointer) {
            return root.at(pointer);
        }
    }

    static String json(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
