package dev.apigwmcp.generator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One emitted JSON Schema document under construction (a tool's input or output schema): the caller converts the
 * schemas it places in the document, then puts {@link #defs()} under {@code $defs} at the document root, so that the
 * {@code "#/$defs/<Name>"} references of recursive schemas resolve.
 *
 * <p>Issues of a component are reported by every document that uses it (with the component's pointer), so callers
 * that collect issues across documents should deduplicate them ({@link SchemaIssue} is a record).
 */
public final class SchemaDocument {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final DirectionTranslator translator;
    private final ComponentIndex index;
    private final ConversionLog collector = new ConversionLog();
    /** $defs bodies by target key, filled by {@link #closeDefs()}. */
    private final Map<String, ConvertedTarget> defBodies = new LinkedHashMap<>();

    SchemaDocument(DirectionTranslator translator, ComponentIndex index) {
        this.translator = translator;
        this.index = index;
    }

    public Direction direction() {
        return translator.direction();
    }

    /**
     * Converts one schema; references are inlined, references that recurse become {@code {"$ref":"#/$defs/<Name>"}}.
     * The returned object is the caller's to extend (e.g. with a description), but the nodes below it may be shared
     * with other documents and must not be mutated.
     *
     * @param schema  the schema (null converts to {@code {}})
     * @param pointer JSON pointer of {@code schema} in the export (e.g. {@code /paths/~1pets/get/parameters/0/schema}),
     *                used in issues
     */
    public ObjectNode convert(Schema<?> schema, String pointer) {
        Objects.requireNonNull(pointer, "pointer");
        ObjectNode copy = NODES.objectNode();
        if (schema == null) {
            return copy;
        }
        JsonNode node = translator.translate(schema, pointer, collector, 0);
        if (node.isObject()) {
            copy.setAll((ObjectNode) node);
        } else if (!node.booleanValue()) {
            copy.putObject("not"); // the schema `false`: nothing is valid
        }
        return copy;
    }

    /**
     * The {@code $defs} this document needs at its root, sorted by name, empty when none. Call after all
     * {@link #convert} calls. The nodes are shared and must not be mutated.
     */
    public SortedMap<String, ObjectNode> defs() {
        closeDefs();
        SortedMap<String, ObjectNode> defs = new TreeMap<>();
        defBodies.forEach((key, body) -> defs.put(index.defName(key), asObject(body.node())));
        return Collections.unmodifiableSortedMap(defs);
    }

    /** Problems found so far (pointer into the export, message, severity), in discovery order. */
    public List<SchemaIssue> issues() {
        closeDefs();
        return List.copyOf(collector.issues());
    }

    /** Whether any issue so far is an error. */
    public boolean hasErrors() {
        return issues().stream().anyMatch(SchemaIssue::error);
    }

    /** Adds the bodies of all $defs targets referenced so far, and of those their bodies reference. */
    private void closeDefs() {
        Deque<String> work = new ArrayDeque<>(collector.defKeys());
        while (!work.isEmpty()) {
            String key = work.removeFirst();
            if (defBodies.containsKey(key)) {
                continue;
            }
            ConvertedTarget body = translator.defBody(key);
            defBodies.put(key, body);
            collector.addAll(body);
            work.addAll(body.defKeys());
        }
    }

    private static ObjectNode asObject(JsonNode node) {
        if (node instanceof ObjectNode object) {
            return object;
        }
        ObjectNode wrapped = NODES.objectNode();
        if (!node.booleanValue()) {
            wrapped.putObject("not");
        }
        return wrapped;
    }
}
