package dev.apigwmcp.generator.emit.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigwmcp.generator.GeneratedFile;
import dev.apigwmcp.generator.compile.BodyBinding;
import dev.apigwmcp.generator.compile.CompiledTarget;
import dev.apigwmcp.generator.compile.CompiledTool;
import dev.apigwmcp.generator.emit.JsonOutput;
import dev.apigwmcp.generator.emit.ResourcePaths;
import dev.apigwmcp.generator.model.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Writes a target's {@code search.json}: one compact line per tool, in the target's tool order (by name), with
 * the fields the runtime's search weighs separately (format in docs/contract.md):
 * <pre>
 * {"searchVersion":1,"tools":[
 * {"name":"petstore___getPet","words":"get pet","title":"...","description":"...","arguments":"...",
 *  "body":"...","path":"pets","tags":"pets","method":"GET"},
 * ...
 * ]}
 * </pre>
 * A field a tool has nothing for is an empty string, so every line has the same keys in the same order.
 */
public final class SearchDocumentEmitter {

    public static final int VERSION = 1;
    public static final String FILE = "search.json";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    public GeneratedFile emit(CompiledTarget target) {
        StringBuilder out = new StringBuilder("{\"searchVersion\":").append(VERSION).append(",\"tools\":[\n");
        List<CompiledTool> tools = target.tools();
        Boilerplate boilerplate = Boilerplate.of(tools.stream().map(SearchDocumentEmitter::sentences).toList());
        for (int i = 0; i < tools.size(); i++) {
            out.append(JsonOutput.compact(document(tools.get(i), boilerplate)));
            out.append(i < tools.size() - 1 ? ",\n" : "\n");
        }
        out.append("]}\n");
        return new GeneratedFile(GeneratedFile.Kind.RESOURCE, ResourcePaths.targetFolder(target.name()) + FILE,
                out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** One tool's search document. */
    static ObjectNode document(CompiledTool tool, Boilerplate boilerplate) {
        ObjectNode node = JSON.objectNode();
        node.put("name", tool.name());
        node.put("words", SearchText.wordText(tool.baseName()));
        node.put("title", SearchText.prose(tool.title()));
        node.put("description", boilerplate.without(SearchText.prose(tool.description())));
        BodyBinding body = tool.body();
        String bodyArgument = body == null ? null : body.argument();
        StringJoiner arguments = new StringJoiner(" ; ");
        String bodyText = "";
        JsonNode properties = tool.inputSchema().path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            if (property.getKey().equals(bodyArgument)) {
                bodyText = describedProperties(property.getValue(), boilerplate);
            } else {
                arguments.add(described(property.getKey(), property.getValue(), boilerplate));
            }
        }
        node.put("arguments", arguments.toString());
        node.put("body", bodyText);
        node.put("path", pathWords(tool.operation().path()));
        node.put("tags", SearchText.prose(String.join(" ; ", tool.operation().tags())));
        node.put("method", method(tool));
        return node;
    }

    /**
     * {@code owner id: The owner's id.}: an argument's name as words and its description, without the sentences
     * many tools share.
     */
    private static String described(String name, JsonNode schema, Boilerplate boilerplate) {
        String description = boilerplate.without(SearchText.prose(schema.path("description").asText("")));
        String words = SearchText.wordText(name);
        return description.isEmpty() ? words : words + ": " + description;
    }

    /** A JSON body's top-level members, each as {@link #described}; a body that is not an object says nothing. */
    private static String describedProperties(JsonNode bodySchema, Boilerplate boilerplate) {
        StringJoiner members = new StringJoiner(" ; ");
        for (Iterator<Map.Entry<String, JsonNode>> it = bodySchema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            members.add(described(member.getKey(), member.getValue(), boilerplate));
        }
        return members.toString();
    }

    /** Every sentence of a tool's description and of its arguments' and body members' descriptions. */
    private static List<String> sentences(CompiledTool tool) {
        List<String> sentences = new ArrayList<>(SearchText.sentences(SearchText.prose(tool.description())));
        collectSentences(tool.inputSchema().path("properties"), sentences, 2);
        return sentences;
    }

    private static void collectSentences(JsonNode properties, List<String> into, int depth) {
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            JsonNode schema = it.next().getValue();
            into.addAll(SearchText.sentences(SearchText.prose(schema.path("description").asText(""))));
            if (depth > 1) {
                collectSentences(schema.path("properties"), into, depth - 1);
            }
        }
    }

    /** The path's fixed segments as words: {@code /repos/{owner}/{repo}/forks} → {@code repos forks}. */
    static String pathWords(String path) {
        List<String> words = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty() && !segment.startsWith("{")) {
                words.addAll(SearchText.words(segment));
            }
        }
        return String.join(" ", words);
    }

    /** The HTTP method; for an ANY tool the methods it may call, space-separated. */
    private static String method(CompiledTool tool) {
        if (tool.operation().method() != HttpMethod.ANY || tool.anyMethods().isEmpty()) {
            return tool.method();
        }
        StringJoiner methods = new StringJoiner(" ");
        tool.anyMethods().forEach(m -> methods.add(m.name()));
        return methods.toString();
    }
}
