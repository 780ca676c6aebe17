package dev.apigwmcp.generator.emit;

import dev.apigwmcp.generator.GeneratedFile;
import dev.apigwmcp.generator.compile.CompiledTool;
import java.util.List;

/**
 * One tool's JSON: its {@code tools/list} element (shared by the target's and the catalog's {@code tools.json})
 * and its schema files. Each schema is serialised once and its text reused by both (large APIs have thousands of
 * schemas; BENCHMARKS.md, "Generator"); the bytes equal serialising every document on its own.
 *
 * @param entry       the definition (UTF-8), pretty and indented as an element of the {@code tools} array
 * @param schemaFiles {@code <tool>.input.json} and, when there is an output schema, {@code <tool>.output.json}
 */
public record ToolJson(byte[] entry, List<GeneratedFile> schemaFiles) {

    public ToolJson {
        schemaFiles = List.copyOf(schemaFiles);
    }

    public static ToolJson of(CompiledTool tool) {
        byte[] input = JsonOutput.prettyUtf8(tool.inputSchema());
        byte[] output = tool.outputSchema() == null ? null : JsonOutput.prettyUtf8(tool.outputSchema());
        return new ToolJson(
                ToolDefinitions.prettyEntry(tool, input, output), SchemaFileEmitter.files(tool, input, output));
    }
}
