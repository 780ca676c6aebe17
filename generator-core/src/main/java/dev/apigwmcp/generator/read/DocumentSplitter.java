package dev.apigwmcp.generator.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cuts a large OpenAPI 3 tree into parts that swagger-parser can deserialize independently (on several cores),
 * and joins the parts' models back into the model of the whole document.
 *
 * <p>The entries of {@code components.schemas} and of {@code paths}, in document order, are dealt out in contiguous
 * runs, one run per part. A part is a document with the same {@code openapi}, {@code info} and components as the
 * original, except that its schemas other than its own are empty stand-ins ({@code {}}) under their real names, and
 * its {@code paths} hold only its own entries. The stand-ins keep swagger-parser's reference checks exactly as they
 * are for the whole document: a {@code $ref} to a schema another part owns still finds the name. Only the first
 * part keeps what sits at the root besides those (servers, tags, security, extensions), so nothing else is read
 * twice. Joining takes every schema and path item from the part that owns it, so the joined model has the
 * document's order whatever the parts' timing.
 */
final class DocumentSplitter {

    /** What a part after the first keeps of the root: what the deserializer needs to read schemas and paths. */
    private static final List<String> PART_ROOT_FIELDS = List.of("openapi", "info", "components", "paths");

    private final ObjectNode root;
    private final ObjectNode schemas;
    private final ObjectNode paths;

    private DocumentSplitter(ObjectNode root, ObjectNode schemas, ObjectNode paths) {
        this.root = root;
        this.schemas = schemas;
        this.paths = paths;
    }

    /**
     * The document to cut, or null when it has no {@code components.schemas} object or a {@code paths} member that
     * is not an object (such a document is read whole).
     */
    static DocumentSplitter of(JsonNode root) {
        if (!(root instanceof ObjectNode object)) {
            return null;
        }
        JsonNode schemas = root.path("components").path("schemas");
        JsonNode paths = root.get("paths");
        if (!(schemas instanceof ObjectNode schemaObject) || paths != null && !(paths instanceof ObjectNode)) {
            return null;
        }
        return new DocumentSplitter(object, schemaObject, (ObjectNode) paths);
    }

    /** How many schemas and path entries the document has: the measure of its size for the split. */
    int entries() {
        return schemas.size() + (paths == null ? 0 : paths.size());
    }

    /** The document cut into {@code count} parts of about the same number of entries, in document order. */
    List<Part> split(int count) {
        List<String> schemaKeys = new ArrayList<>(schemas.size());
        schemas.fieldNames().forEachRemaining(schemaKeys::add);
        List<String> pathKeys = new ArrayList<>(paths == null ? 0 : paths.size());
        if (paths != null) {
            paths.fieldNames().forEachRemaining(pathKeys::add);
        }
        int total = schemaKeys.size() + pathKeys.size();
        List<Part> parts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int from = (int) ((long) total * i / count);
            int to = (int) ((long) total * (i + 1) / count);
            List<String> ownSchemas = slice(schemaKeys, from, to, 0);
            List<String> ownPaths = slice(pathKeys, from, to, schemaKeys.size());
            parts.add(new Part(partRoot(i == 0, ownSchemas, ownPaths), ownSchemas, ownPaths));
        }
        return parts;
    }

    /** The keys of {@code keys} whose place in the run of all entries ({@code offset} + index) is in [from, to). */
    private static List<String> slice(List<String> keys, int from, int to, int offset) {
        int start = Math.max(0, Math.min(keys.size(), from - offset));
        int end = Math.max(0, Math.min(keys.size(), to - offset));
        return keys.subList(start, end);
    }

    private ObjectNode partRoot(boolean first, List<String> ownSchemas, List<String> ownPaths) {
        ObjectNode part = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (first || PART_ROOT_FIELDS.contains(field.getKey())) {
                part.set(field.getKey(), field.getValue());
            }
        }
        ObjectNode partSchemas = JsonNodeFactory.instance.objectNode();
        ObjectNode standIn = JsonNodeFactory.instance.objectNode(); // one per part: nodes are mutable
        Set<String> own = new HashSet<>(ownSchemas);
        for (Map.Entry<String, JsonNode> schema : schemas.properties()) {
            partSchemas.set(schema.getKey(), own.contains(schema.getKey()) ? schema.getValue() : standIn);
        }
        ObjectNode components = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> section : root.get("components").properties()) {
            components.set(section.getKey(), section.getKey().equals("schemas") ? partSchemas : section.getValue());
        }
        part.set("components", components);
        if (paths != null) {
            ObjectNode partPaths = JsonNodeFactory.instance.objectNode();
            for (String key : ownPaths) {
                partPaths.set(key, paths.get(key));
            }
            part.set("paths", partPaths);
        }
        return part;
    }

    /**
     * The first part's model with every part's own schemas and path items, in document order. Entries the
     * deserializer did not keep (it reported why) stay out, as they would from the whole document.
     */
    static OpenAPI join(List<Part> parts, List<OpenAPI> models) {
        OpenAPI joined = models.get(0);
        Map<String, Schema> schemas = new LinkedHashMap<>();
        Paths paths = joined.getPaths() == null ? null : new Paths();
        for (int i = 0; i < parts.size(); i++) {
            OpenAPI model = models.get(i);
            Map<String, Schema> partSchemas =
                    model.getComponents() == null ? null : model.getComponents().getSchemas();
            if (partSchemas != null) {
                for (String key : parts.get(i).schemaKeys()) {
                    Schema schema = partSchemas.get(key);
                    if (schema != null) {
                        schemas.put(key, schema);
                    }
                }
            }
            if (paths != null && model.getPaths() != null) {
                for (String key : parts.get(i).pathKeys()) {
                    PathItem item = model.getPaths().get(key);
                    if (item != null) {
                        paths.addPathItem(key, item);
                    }
                }
                if (model.getPaths().getExtensions() != null) {
                    model.getPaths().getExtensions().forEach(paths::addExtension);
                }
            }
        }
        if (joined.getComponents() != null && joined.getComponents().getSchemas() != null) {
            joined.getComponents().setSchemas(schemas);
        }
        if (paths != null) {
            joined.setPaths(paths);
        }
        return joined;
    }

    /**
     * One part: the document to deserialize and the entries it owns.
     *
     * @param root        the part's document
     * @param schemaKeys  the component schemas it owns (the others are stand-ins)
     * @param pathKeys    the {@code paths} entries it holds
     */
    record Part(ObjectNode root, List<String> schemaKeys, List<String> pathKeys) {}
}
