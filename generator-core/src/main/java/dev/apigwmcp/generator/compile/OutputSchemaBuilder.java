package dev.apigwmcp.generator.compile;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigwmcp.generator.TargetConfig;
import dev.apigwmcp.generator.emit.JsonOutput;
import dev.apigwmcp.generator.model.ApiOperation;
import dev.apigwmcp.generator.model.ApiResponse;
import dev.apigwmcp.generator.model.JsonPointer;
import dev.apigwmcp.generator.read.MediaTypes;
import dev.apigwmcp.generator.read.ProblemCollector;
import dev.apigwmcp.generator.schema.Direction;
import dev.apigwmcp.generator.schema.SchemaConverter;
import dev.apigwmcp.generator.schema.SchemaDocument;

/**
 * Compile step: a tool's result shape. A JSON success response with a schema gets an output schema; one that is not
 * an object is wrapped as {@code {"result": ...}}, because {@code structuredContent} is always an object.
 */
final class OutputSchemaBuilder {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final SchemaConverter converter;
    private final int maxBytes;

    OutputSchemaBuilder(SchemaConverter converter, TargetConfig config) {
        this.converter = converter;
        this.maxBytes = config.outputSchemaMaxBytes();
    }

    ToolOutput build(ApiOperation operation, String toolName, ProblemCollector problems) {
        ApiResponse response = operation.successResponse();
        String mediaType = response == null ? null : response.mediaType();
        if (response == null || response.schema() == null || !MediaTypes.isJson(response.mediaType())) {
            return ToolOutput.none(mediaType);
        }
        SchemaDocument output = converter.newDocument(Direction.OUTPUT);
        ObjectNode converted = output.convert(response.schema(), response.pointer() + "/content/"
                + JsonPointer.escape(response.mediaType()) + "/schema");
        SchemaParts.report(output.issues(), problems);
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
        long size = JsonOutput.compactSize(schema, maxBytes);
        if (size > maxBytes) {
            problems.warning(response.pointer(), "output schema of " + toolName + " is larger than " + maxBytes
                    + " bytes and is left out (outputSchemaMaxBytes " + maxBytes
                    + "); the response is still returned as text");
            return ToolOutput.none(mediaType);
        }
        return new ToolOutput(schema, wrap, mediaType);
    }
}
