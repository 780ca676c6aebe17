package dev.apigwmcp.generator.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigwmcp.generator.GeneratedFile;
import dev.apigwmcp.generator.GenerationResult;
import dev.apigwmcp.generator.ToolSummary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a successful generation must satisfy whatever the spec: every emitted {@code *.input.json} and
 * {@code *.output.json}, and every tool's schemas in each {@code tools.json}, are valid JSON Schema 2020-12 with
 * resolvable local references; input and output schemas are objects (MCP requires it); every tool name is one
 * that all major LLM clients accept. Holds a {@link SchemaCheck}, so one instance per thread.
 */
final class OutputCheck {

    static final Pattern TOOL_NAME = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");
    /** Enough to diagnose; a broken converter can produce thousands of identical findings on one big spec. */
    private static final int MAX_PROBLEMS = 20;

    private static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private final ObjectMapper json = new ObjectMapper();
    private final SchemaCheck schemas = new SchemaCheck();

    /** Problems of a result that has no errors; empty when the output is valid. */
    List<String> problems(GenerationResult result) {
        List<String> problems = new ArrayList<>();
        if (result.files().isEmpty()) {
            problems.add("no files were emitted although the run reported no errors");
        }
        for (ToolSummary tool : result.tools()) {
            if (!TOOL_NAME.matcher(tool.name()).matches()) {
                problems.add("tool name '" + tool.name() + "' (" + tool.method() + " " + tool.path()
                        + ") does not match " + TOOL_NAME.pattern());
            }
        }
        // tools.json repeats the schema files (without $schema), and the catalog repeats the target's tools.json:
        // each distinct schema text is validated once.
        Set<String> validated = new HashSet<>();
        for (GeneratedFile file : result.files()) {
            String path = file.relativePath();
            if (path.endsWith(".input.json") || path.endsWith(".output.json")) {
                JsonNode schema = parse(file, problems);
                if (schema != null) {
                    checkSchema(path, schema, validated, problems);
                }
            } else if (path.endsWith("/tools.json")) {
                JsonNode tools = parse(file, problems);
                if (tools != null) {
                    checkToolList(path, tools, validated, problems);
                }
            }
            if (problems.size() >= MAX_PROBLEMS) {
                break;
            }
        }
        return problems.size() > MAX_PROBLEMS ? List.copyOf(problems.subList(0, MAX_PROBLEMS)) : problems;
    }

    private void checkToolList(String path, JsonNode list, Set<String> validated, List<String> problems) {
        JsonNode tools = list.path("tools");
        if (!tools.isArray()) {
            problems.add(path + ": no \"tools\" array");
            return;
        }
        for (int i = 0; i < tools.size(); i++) {
            JsonNode tool = tools.get(i);
            String at = path + "#/tools/" + i;
            String name = tool.path("name").asText("");
            if (!TOOL_NAME.matcher(name).matches()) {
                problems.add(at + "/name '" + name + "' does not match " + TOOL_NAME.pattern());
            }
            JsonNode input = tool.get("inputSchema");
            if (input == null) {
                problems.add(at + ": tool " + name + " has no inputSchema");
            } else {
                checkToolSchema(at + "/inputSchema", input, validated, problems);
            }
            JsonNode output = tool.get("outputSchema");
            if (output != null) {
                checkToolSchema(at + "/outputSchema", output, validated, problems);
            }
        }
    }

    private void checkToolSchema(String at, JsonNode schema, Set<String> validated, List<String> problems) {
        if (!"object".equals(schema.path("type").asText())) {
            problems.add(at + ": MCP requires \"type\": \"object\", found " + schema.get("type"));
        }
        checkSchema(at, schema, validated, problems);
    }

    /**
     * A schema file is the tool's schema with {@code $schema} in front: checking the dialect and then the rest
     * once lets the file and its copies in both {@code tools.json} share one meta-schema validation.
     */
    private void checkSchema(String at, JsonNode schema, Set<String> validated, List<String> problems) {
        JsonNode body = schema;
        if (schema.isObject() && schema.has("$schema")) {
            if (!DIALECT.equals(schema.get("$schema").asText())) {
                problems.add(at + ": $schema is " + schema.get("$schema") + ", not " + DIALECT);
            }
            body = ((ObjectNode) schema).deepCopy().without("$schema");
        }
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            problems.add(at + ": cannot serialise: " + e.getOriginalMessage());
            return;
        }
        if (!validated.add(text)) {
            return;
        }
        for (String problem : schemas.problems(body, text)) {
            problems.add(at + ": " + problem);
        }
    }

    private JsonNode parse(GeneratedFile file, List<String> problems) {
        try {
            return json.readTree(file.content());
        } catch (java.io.IOException e) {
            problems.add(file.relativePath() + ": not JSON: " + e.getMessage());
            return null;
        }
    }
}
