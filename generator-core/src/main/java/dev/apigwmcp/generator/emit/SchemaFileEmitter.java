package dev.apigwmcp.generator.emit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigwmcp.generator.GeneratedFile;
import dev.apigwmcp.generator.compile.CompiledTool;
import java.util.ArrayList;
import java.util.List;

/** Writes each tool's input and output schema as a standalone JSON Schema 2020-12 document. */
public final class SchemaFileEmitter {

    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    private static final String DIALECT_MEMBER = "  \"$schema\": " + JsonOutput.string(DIALECT);

    private SchemaFileEmitter() {
    }

    /** The tool's schema files, from the schemas' pretty text ({@link JsonOutput#pretty}; output may be null). */
    static List<GeneratedFile> files(CompiledTool tool, String prettyInput, String prettyOutput) {
        String folder = ResourcePaths.targetFolder(tool.target()) + "schemas/";
        List<GeneratedFile> files = new ArrayList<>(2);
        files.add(GeneratedFile.text(GeneratedFile.Kind.RESOURCE, folder + tool.name() + ".input.json",
                standaloneText(tool.inputSchema(), prettyInput)));
        if (tool.outputSchema() != null) {
            files.add(GeneratedFile.text(GeneratedFile.Kind.RESOURCE, folder + tool.name() + ".output.json",
                    standaloneText(tool.outputSchema(), prettyOutput)));
        }
        return files;
    }

    /**
     * {@code JsonOutput.pretty(standalone(schema))}, assembled from the schema's own pretty text: the
     * {@code $schema} member goes in front of the others, which keep their lines.
     */
    static String standaloneText(ObjectNode schema, String pretty) {
        if (schema.has("$schema")) {
            return JsonOutput.pretty(standalone(schema)); // setAll would keep the old position: do it for real
        }
        if (schema.isEmpty()) {
            return "{\n" + DIALECT_MEMBER + "\n}\n";
        }
        return "{\n" + DIALECT_MEMBER + ",\n" + pretty.substring(2); // pretty starts with "{\n"
    }

    /** The schema with {@code $schema} first, so editors and validators pick the right dialect. */
    public static ObjectNode standalone(ObjectNode schema) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.put("$schema", DIALECT);
        document.setAll(schema);
        return document;
    }
}
