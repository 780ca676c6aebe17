package dev.apigwmcp.generator.emit.search;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.apigwmcp.generator.GeneratedFile;
import dev.apigwmcp.generator.compile.CompiledTarget;
import dev.apigwmcp.generator.compile.CompiledTool;
import dev.apigwmcp.generator.emit.JsonOutput;
import dev.apigwmcp.generator.emit.ResourcePaths;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Writes a target's {@code search-vectors.json} with a {@link TextEmbedder}: each tool's embedding (of its title
 * and its name as words, the text that matched users' phrasing best on the labelled queries) as signed bytes, so
 * that small differences in floating point between machines rarely change a byte and the file stays the same
 * across builds:
 * <pre>
 * {"searchVectorsVersion":1,"model":"...","dimensions":384,"tools":[
 * {"name":"petstore___getPet","vector":"&lt;base64 of one signed byte per dimension: round(127 x value)&gt;"},
 * ...
 * ]}
 * </pre>
 */
public final class SearchVectorEmitter {

    public static final int VERSION = 1;
    public static final String FILE = "search-vectors.json";

    private final TextEmbedder embedder;

    public SearchVectorEmitter(TextEmbedder embedder) {
        this.embedder = embedder;
    }

    public GeneratedFile emit(CompiledTarget target) {
        List<CompiledTool> tools = target.tools();
        List<String> texts = new ArrayList<>(tools.size());
        tools.forEach(tool -> texts.add(text(tool)));
        List<float[]> vectors = tools.isEmpty() ? List.of() : embedder.embed(texts);
        if (vectors.size() != tools.size()) {
            throw new IllegalStateException("the embedding model " + embedder.model() + " answered "
                    + vectors.size() + " vectors for " + tools.size() + " texts");
        }
        int dimensions = vectors.isEmpty() ? 0 : vectors.get(0).length;
        StringBuilder out = new StringBuilder("{\"searchVectorsVersion\":").append(VERSION)
                .append(",\"model\":").append(JsonOutput.compact(TextNode.valueOf(embedder.model())))
                .append(",\"dimensions\":").append(dimensions).append(",\"tools\":[\n");
        for (int i = 0; i < tools.size(); i++) {
            out.append("{\"name\":").append(JsonOutput.compact(TextNode.valueOf(tools.get(i).name())))
                    .append(",\"vector\":\"").append(Base64.getEncoder().encodeToString(bytes(vectors.get(i))))
                    .append("\"}").append(i < tools.size() - 1 ? ",\n" : "\n");
        }
        out.append("]}\n");
        return new GeneratedFile(GeneratedFile.Kind.RESOURCE, ResourcePaths.targetFolder(target.name()) + FILE,
                out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** What a tool's vector embeds: {@code Get a pet by id. get pet}. */
    static String text(CompiledTool tool) {
        String title = SearchText.prose(tool.title());
        String words = SearchText.wordText(tool.baseName());
        return title.isEmpty() ? words : title + ". " + words;
    }

    private static byte[] bytes(float[] vector) {
        byte[] out = new byte[vector.length];
        for (int i = 0; i < vector.length; i++) {
            out[i] = (byte) Math.max(-127, Math.min(127, Math.round(vector[i] * 127)));
        }
        return out;
    }
}
