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
 * A field a tool has nothing for is an empty string, so every line has the same keys in the same order. Each
 * tool's text is prepared once and the tools are prepared in parallel (the emitter runs on large catalogs beside
 * the others); only counting the shared sentences needs them all.
 */
public final class SearchDocumentEmitter {

    public static final int VERSION = 1;
    public static final String FILE = "search.json";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    public GeneratedFile emit(CompiledTarget target) {
        List<ToolProse> tools =
                target.tools().parallelStream().map(ToolProse::of).toList();
        Boilerplate boilerplate =
                Boilerplate.of(tools.stream().map(ToolProse::sentences).toList());
        List<String> lines = tools.parallelStream()
                .map(tool -> JsonOutput.compact(tool.document(boilerplate)))
                .toList();
        StringBuilder out =
                new StringBuilder("{\"searchVersion\":").append(VERSION).append(",\"tools\":[\n");
        for (int i = 0; i < lines.size(); i++) {
            out.append(lines.get(i)).append(i < lines.size() - 1 ? ",\n" : "\n");
        }
        out.append("]}\n");
        return new GeneratedFile(
                GeneratedFile.Kind.RESOURCE,
                ResourcePaths.targetFolder(target.name()) + FILE,
                out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** An argument or body member: its name as words and its description as prose, split into sentences. */
    private record Described(String words, List<String> sentences) {
        static Described of(String name, JsonNode schema) {
            return new Described(
                    SearchText.wordText(name),
                    SearchText.sentences(
                            SearchText.prose(schema.path("description").asText(""))));
        }

        /** {@code owner id: The owner's id.}, without the sentences many tools share. */
        String text(Boilerplate boilerplate) {
            String description = boilerplate.without(sentences);
            return description.isEmpty() ? words : words + ": " + description;
        }
    }

    /** What a tool's document is made of, each text prepared once. */
    record ToolProse(CompiledTool tool, List<String> description, List<Described> arguments, List<Described> body) {

        static ToolProse of(CompiledTool tool) {
            BodyBinding binding = tool.body();
            String bodyArgument = binding == null ? null : binding.argument();
            List<Described> arguments = new ArrayList<>();
            List<Described> body = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it =
                            tool.inputSchema().path("properties").fields();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                if (property.getKey().equals(bodyArgument)) {
                    // An object body's top-level members (JSON or a form); any other body says nothing here.
                    for (Iterator<Map.Entry<String, JsonNode>> members =
                                    property.getValue().path("properties").fields();
                            members.hasNext(); ) {
                        Map.Entry<String, JsonNode> member = members.next();
                        body.add(Described.of(member.getKey(), member.getValue()));
                    }
                } else {
                    arguments.add(Described.of(property.getKey(), property.getValue()));
                }
            }
            return new ToolProse(tool, SearchText.sentences(SearchText.prose(tool.description())), arguments, body);
        }

        /** Every sentence of the tool's description and of its arguments' and body members' descriptions. */
        List<String> sentences() {
            List<String> all = new ArrayList<>(description);
            arguments.forEach(argument -> all.addAll(argument.sentences()));
            body.forEach(member -> all.addAll(member.sentences()));
            return all;
        }

        ObjectNode document(Boilerplate boilerplate) {
            ObjectNode node = JSON.objectNode();
            node.put("name", tool.name());
            node.put("words", SearchText.wordText(tool.baseName()));
            node.put("title", SearchText.prose(tool.title()));
            node.put("description", boilerplate.without(description));
            node.put("arguments", joined(arguments, boilerplate));
            node.put("body", joined(body, boilerplate));
            node.put("path", pathWords(tool.operation().path()));
            node.put(
                    "tags", SearchText.prose(String.join(" ; ", tool.operation().tags())));
            node.put("method", method(tool));
            return node;
        }

        private static String joined(List<Described> described, Boilerplate boilerplate) {
            StringJoiner out = new StringJoiner(" ; ");
            described.forEach(one -> out.add(one.text(boilerplate)));
            return out.toString();
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
