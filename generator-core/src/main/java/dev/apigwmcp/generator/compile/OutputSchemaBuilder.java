package dev.apigwmcp.generator.compile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigwmcp.generator.OutputSchemaMode;
import dev.apigwmcp.generator.TargetConfig;
import dev.apigwmcp.generator.model.ApiOperation;
import dev.apigwmcp.generator.model.ApiResponse;
import dev.apigwmcp.generator.model.HttpMethod;
import dev.apigwmcp.generator.model.JsonPointer;
import dev.apigwmcp.generator.model.MediaTypes;
import dev.apigwmcp.generator.problem.ProblemCollector;
import dev.apigwmcp.generator.schema.Direction;
import dev.apigwmcp.generator.schema.SchemaConverter;
import dev.apigwmcp.generator.schema.SchemaDocument;
import dev.apigwmcp.generator.schema.SchemaSize;
import dev.apigwmcp.generator.schema.TolerantSchemas;
import java.util.Iterator;
import java.util.Set;

/**
 * Compile step: a tool's result shape. A JSON success response with a schema gets an output schema; one that is not
 * an object is wrapped as {@code {"result": ...}}, because {@code structuredContent} is always an object. MCP clients
 * fail a call whose result does not fit its output schema, so a tool gets one only where the schema says something
 * and the answer can fit it: none for a placeholder (API Gateway attaches the model {@code Empty}, an object with no
 * properties, to method responses by default), for HEAD (no body), or where the response may also come as something
 * other than JSON; and by default the schema is made tolerant ({@link TolerantSchemas}).
 */
final class OutputSchemaBuilder {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Keywords that describe without constraining: a schema of only these (and an object type) says nothing. */
    private static final Set<String> SAYS_NOTHING = Set.of(
            "type", "title", "description", "default", "examples", "deprecated", "readOnly", "writeOnly", "$comment");

    private final SchemaConverter converter;
    private final int maxBytes;
    private final OutputSchemaMode mode;

    OutputSchemaBuilder(SchemaConverter converter, TargetConfig config) {
        this.converter = converter;
        this.maxBytes = config.outputSchemaMaxBytes();
        this.mode = config.outputSchemas();
    }

    ToolOutput build(ApiOperation operation, String toolName, ProblemCollector problems) {
        ApiResponse response = operation.successResponse();
        String mediaType = response == null ? null : response.mediaType();
        if (mode == OutputSchemaMode.NONE
                || response == null
                || response.schema() == null
                || operation.method() == HttpMethod.HEAD
                || !response.mediaTypes().stream().allMatch(MediaTypes::isJson)) {
            return ToolOutput.none(mediaType);
        }
        SchemaDocument output = converter.newDocument(Direction.OUTPUT);
        ObjectNode converted = output.convert(
                response.schema(),
                response.pointer() + "/content/" + JsonPointer.escape(response.mediaType()) + "/schema");
        SchemaParts.report(output.issues(), problems);
        if (saysNothing(converted)) {
            return ToolOutput.none(mediaType);
        }
        ObjectNode schema = JSON.objectNode();
        String wrap = null;
        if (PropertySchemas.isObjectSchema(converted)) {
            // Shallow copy: converted nodes may be shared with other tools and must not be mutated.
            schema.setAll(converted);
        } else {
            wrap = "result";
            schema.put("type", "object");
            schema.putObject("properties").set("result", converted);
            schema.putArray("required").add("result");
        }
        SchemaParts.attachDefs(schema, output);
        if (mode == OutputSchemaMode.TOLERANT) {
            schema = TolerantSchemas.relax(schema);
        }
        long size = SchemaSize.compactSize(schema, maxBytes);
        if (size > maxBytes) {
            problems.warning(
                    response.pointer(),
                    "output schema of " + toolName + " is larger than " + maxBytes
                            + " bytes and is left out (outputSchemaMaxBytes " + maxBytes
                            + "); the response is still returned as text");
            return ToolOutput.none(mediaType);
        }
        return new ToolOutput(schema, wrap, mediaType);
    }

    /** A schema that accepts any object, or anything: as an output schema it only makes clients fail. */
    private static boolean saysNothing(ObjectNode schema) {
        JsonNode type = schema.get("type");
        if (type != null && !(type.isTextual() && type.asText().equals("object"))) {
            return false;
        }
        for (Iterator<String> names = schema.fieldNames(); names.hasNext(); ) {
            if (!SAYS_NOTHING.contains(names.next())) {
                return false;
            }
        }
        return true;
    }
}
