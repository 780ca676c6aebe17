package dev.apigwmcp.generator.emit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigwmcp.generator.GeneratedFile;
import dev.apigwmcp.generator.compile.CompiledTarget;
import dev.apigwmcp.generator.compile.CompiledTool;
import java.util.ArrayList;
import java.util.List;

/** Writes each tool's input and output schema as a standalone JSON Schema 2020-12 document. */
public final class SchemaFileEmitter {

    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    public List<GeneratedFile> emit(CompiledTarget target) {
        String folder = ResourcePaths.targetFolder(target.name()) + "schemas/";
        // Independent per tool: serialise in parallel, keeping the order.
        return target.tools().parallelStream().flatMap(tool -> {
            List<GeneratedFile> files = new ArrayList<>(2);
            files.add(GeneratedFile.text(GeneratedFile.Kind.RESOURCE, folder + tool.name() + ".input.json",
                    JsonOutput.pretty(standalone(tool.inputSchema()))));
            if (tool.outputSchema() != null) {
                files.add(GeneratedFile.text(GeneratedFile.Kind.RESOURCE, folder + tool.name() + ".output.json",
                        JsonOutput.pretty(standalone(tool.outputSchema()))));
            }
            return files.stream();
        }).toList();
    }

    /** The schema with {@code $schema} first, so editors and validators pick the right dialect. */
    public static ObjectNode standalone(ObjectNode schema) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.put("$schema", DIALECT);
        document.setAll(schema);
        return document;
    }
}
