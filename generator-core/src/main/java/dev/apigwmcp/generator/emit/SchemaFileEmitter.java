package dev.apigwmcp.generator.emit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigwmcp.generator.GeneratedFile;
import dev.apigwmcp.generator.compile.CompiledTool;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Writes each tool's input and output schema as a standalone JSON Schema 2020-12 document. */
public final class SchemaFileEmitter {

    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    private static final String DIALECT_MEMBER = "  \"$schema\": " + JsonOutput.string(DIALECT);
    private static final byte[] DOCUMENT_START = ("{\n" + DIALECT_MEMBER + ",\n").getBytes(StandardCharsets.UTF_8);
    private static final byte[] EMPTY_DOCUMENT = ("{\n" + DIALECT_MEMBER + "\n}\n").getBytes(StandardCharsets.UTF_8);
    private static final byte[] NEWLINE = {'\n'};

    private SchemaFileEmitter() {}

    /** The tool's schema files, from the schemas' pretty UTF-8 ({@link JsonOutput#prettyUtf8}; output may be null). */
    static List<GeneratedFile> files(CompiledTool tool, byte[] prettyInput, byte[] prettyOutput) {
        String folder = ResourcePaths.targetFolder(tool.target()) + "schemas/";
        List<GeneratedFile> files = new ArrayList<>(2);
        files.add(new GeneratedFile(
                GeneratedFile.Kind.RESOURCE,
                folder + tool.name() + ".input.json",
                standaloneUtf8(tool.inputSchema(), prettyInput)));
        if (tool.outputSchema() != null) {
            files.add(new GeneratedFile(
                    GeneratedFile.Kind.RESOURCE,
                    folder + tool.name() + ".output.json",
                    standaloneUtf8(tool.outputSchema(), prettyOutput)));
        }
        return files;
    }

    /**
     * {@code JsonOutput.pretty(standalone(schema))} as UTF-8, assembled from the schema's own pretty bytes: the
     * {@code $schema} member goes in front of the others, which keep their lines.
     */
    static byte[] standaloneUtf8(ObjectNode schema, byte[] pretty) {
        if (schema.has("$schema")) {
            // setAll would keep the old position: do it for real
            return JsonOutput.pretty(standalone(schema)).getBytes(StandardCharsets.UTF_8);
        }
        if (schema.isEmpty()) {
            return EMPTY_DOCUMENT;
        }
        // pretty starts with "{\n"
        return new Utf8Buffer(pretty.length + DOCUMENT_START.length + 1)
                .append(DOCUMENT_START)
                .append(pretty, 2, pretty.length)
                .append(NEWLINE)
                .toBytes();
    }

    /** The schema with {@code $schema} first, so editors and validators pick the right dialect. */
    public static ObjectNode standalone(ObjectNode schema) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.put("$schema", DIALECT);
        document.setAll(schema);
        return document;
    }
}
