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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a target's {@code search-vectors.json} with a {@link TextEmbedder}: one vector per tool, as signed bytes,
 * so that small differences in floating point between machines rarely change a byte and the file stays the same
 * across builds. The vector is mostly that of the tool's title and name as words (short texts that say what the
 * tool does match users' phrasing best; a long description dilutes a vector), with a share of the same followed
 * by the first sentence of the description that says more than the title, which brings the words the title
 * leaves out ("Lists the people who starred the project" for "List stargazers"):
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

    /** The detail text's share of a tool's vector (chosen on the tuning queries, BENCHMARKS.md). */
    static final double DETAIL = 0.2;

    private final TextEmbedder embedder;

    public SearchVectorEmitter(TextEmbedder embedder) {
        this.embedder = embedder;
    }

    public GeneratedFile emit(CompiledTarget target) {
        List<CompiledTool> tools = target.tools();
        List<SearchDocumentEmitter.ToolProse> prose =
                tools.parallelStream().map(SearchDocumentEmitter.ToolProse::of).toList();
        Boilerplate boilerplate = Boilerplate.of(
                prose.stream().map(SearchDocumentEmitter.ToolProse::sentences).toList());
        List<String> main = prose.stream().map(tool -> text(tool.tool())).toList();
        List<String> details =
                prose.stream().map(tool -> detail(tool, boilerplate)).toList();
        Map<String, float[]> embedded =
                embed(Stream.concat(main.stream(), details.stream()).toList());
        List<float[]> vectors = new ArrayList<>(tools.size());
        for (int i = 0; i < tools.size(); i++) {
            vectors.add(blend(embedded.get(main.get(i)), embedded.get(details.get(i))));
        }
        int dimensions = vectors.isEmpty() ? 0 : vectors.get(0).length;
        StringBuilder out = new StringBuilder("{\"searchVectorsVersion\":")
                .append(VERSION)
                .append(",\"model\":")
                .append(JsonOutput.compact(TextNode.valueOf(embedder.model())))
                .append(",\"dimensions\":")
                .append(dimensions)
                .append(",\"tools\":[\n");
        for (int i = 0; i < tools.size(); i++) {
            out.append("{\"name\":")
                    .append(JsonOutput.compact(TextNode.valueOf(tools.get(i).name())))
                    .append(",\"vector\":\"")
                    .append(Base64.getEncoder().encodeToString(bytes(vectors.get(i))))
                    .append("\"}")
                    .append(i < tools.size() - 1 ? ",\n" : "\n");
        }
        out.append("]}\n");
        return new GeneratedFile(
                GeneratedFile.Kind.RESOURCE,
                ResourcePaths.targetFolder(target.name()) + FILE,
                out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Each distinct text's vector, from one call of the model. */
    private Map<String, float[]> embed(List<String> texts) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(texts));
        List<float[]> vectors = distinct.isEmpty() ? List.of() : embedder.embed(distinct);
        if (vectors.size() != distinct.size()) {
            throw new IllegalStateException("the embedding model " + embedder.model() + " answered " + vectors.size()
                    + " vectors for " + distinct.size() + " texts");
        }
        Map<String, float[]> byText = new HashMap<>();
        for (int i = 0; i < distinct.size(); i++) {
            byText.put(distinct.get(i), vectors.get(i));
        }
        return byText;
    }

    /** The main text of a tool's vector: {@code Get a pet by id. get pet}. */
    static String text(CompiledTool tool) {
        String title = SearchText.prose(tool.title());
        String words = SearchText.wordText(tool.baseName());
        return title.isEmpty() ? words : title + ". " + words;
    }

    /**
     * The main text and the description's first sentence that is neither the title again (many descriptions
     * start with it) nor one many tools share; the main text alone when there is none.
     */
    static String detail(SearchDocumentEmitter.ToolProse tool, Boilerplate boilerplate) {
        String title = bare(SearchText.prose(tool.tool().title()));
        for (String sentence : tool.description()) {
            if (!sentence.isBlank() && !bare(sentence).equals(title) && !boilerplate.shared(sentence)) {
                return text(tool.tool()) + ". " + sentence;
            }
        }
        return text(tool.tool());
    }

    private static String bare(String sentence) {
        String lower = sentence.strip().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") || lower.endsWith("!") || lower.endsWith("?")
                ? lower.substring(0, lower.length() - 1)
                : lower;
    }

    /** {@code (1 - DETAIL) x main + DETAIL x detail}, unit length. */
    static float[] blend(float[] main, float[] detail) {
        float[] out = new float[main.length];
        double norm = 0;
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) ((1 - DETAIL) * main[i] + DETAIL * detail[i]);
            norm += out[i] * out[i];
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < out.length; i++) {
            out[i] *= scale;
        }
        return out;
    }

    private static byte[] bytes(float[] vector) {
        byte[] out = new byte[vector.length];
        for (int i = 0; i < vector.length; i++) {
            out[i] = (byte) Math.max(-127, Math.min(127, Math.round(vector[i] * 127)));
        }
        return out;
    }
}
