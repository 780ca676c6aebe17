package dev.apigwmcp.generator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigwmcp.generator.model.JsonPointer;
import dev.apigwmcp.generator.schema.pattern.PortablePatterns;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Translates swagger-parser schemas into JSON Schema 2020-12 nodes for one {@link Direction}, and owns that
 * direction's cache of converted targets (each component converted once, then shared).
 *
 * <p>Keywords are written in {@link Keywords#ORDER}; properties in the export's order.
 */
final class DirectionTranslator {
    /** Deeper nesting than this (without references) is treated as malformed input rather than recursed into. */
    static final int MAX_DEPTH = 256;

    private static final Set<String> JSON_TYPES =
            Set.of("string", "number", "integer", "boolean", "object", "array", "null");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** How a warning about a dropped pattern ends. */
    private static final String DROPPED = "pattern dropped, so that every MCP client can compile the schema and"
            + " the gateway validates what the clients validate";

    private final Direction direction;
    private final boolean openApi31;
    private final ComponentIndex index;
    private final PortablePatterns patterns;
    // Shared by the compile runs on every core. A target converted by two threads at once is converted twice into
    // equal results; the first stored is kept. What is being converted is each thread's own business.
    private final Map<String, ConvertedTarget> cache = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> refNodes = new ConcurrentHashMap<>();
    private final ThreadLocal<Set<String>> inProgress = ThreadLocal.withInitial(HashSet::new);

    DirectionTranslator(Direction direction, boolean openApi31, ComponentIndex index, PortablePatterns patterns) {
        this.direction = direction;
        this.openApi31 = openApi31;
        this.index = index;
        this.patterns = patterns;
    }

    Direction direction() {
        return direction;
    }

    /** The {@code $defs} entry of a cyclic target, converted on first use. */
    ConvertedTarget defBody(String key) {
        return converted(index.target(key));
    }

    JsonNode translate(Schema<?> s, String ptr, ConversionLog out, int depth) {
        if (depth > MAX_DEPTH) {
            out.issue(SchemaIssue.error(
                    ptr,
                    "schema is nested more than " + MAX_DEPTH
                            + " levels deep; move inner parts into named schemas (#/components/schemas) and refer to them"
                            + " with $ref"));
            return NODES.objectNode();
        }
        Boolean booleanSchema = s.getBooleanSchemaValue();
        if (booleanSchema != null) {
            return NODES.booleanNode(booleanSchema);
        }
        boolean nullable = nullable(s);
        String ref = s.get$ref();
        if (ref != null) {
            JsonNode result = inline(ref, ptr + "/$ref", out);
            // OpenAPI 3.0 ignores keywords beside $ref (and swagger-parser drops them); 3.1 applies both.
            if (openApi31) {
                ObjectNode siblings = keywords(s, ptr, out, depth, false);
                if (!siblings.isEmpty()) {
                    result = withSiblings(result, siblings);
                }
            }
            return nullable ? anyOfNull(result) : result;
        }
        boolean composed =
                hasItems(s.getAllOf()) || hasItems(s.getAnyOf()) || hasItems(s.getOneOf()) || s.getNot() != null;
        ObjectNode node = keywords(s, ptr, out, depth, nullable && !composed);
        return nullable && composed ? anyOfNull(node) : node;
    }

    // ---------------------------------------------------------------- references

    private JsonNode inline(String ref, String refPtr, ConversionLog out) {
        ComponentIndex.Resolution resolution = index.resolve(ref);
        if (resolution instanceof ComponentIndex.Unresolved unresolved) {
            out.issue(SchemaIssue.error(
                    refPtr,
                    "cannot resolve $ref '" + ref + "': " + unresolved.reason()
                            + "; point it at a schema in the export, or add the schema it names"));
            return NODES.objectNode();
        }
        ComponentIndex.Target target = (ComponentIndex.Target) resolution;
        if (index.inDefs(target.key())) {
            out.defKey(target.key());
            return refNodes.computeIfAbsent(
                    target.key(), key -> NODES.objectNode().put("$ref", "#/$defs/" + index.defName(key)));
        }
        if (inProgress.get().contains(target.key())) {
            // The cycle analysis walks the same subschemas as this class, so this is a safety net only.
            out.issue(
                    SchemaIssue.error(
                            refPtr,
                            "$ref '" + ref + "' recurses in a way that cannot be converted;"
                                    + " break the cycle in the export (for example, refer to the schema from an optional property)"));
            return NODES.objectNode();
        }
        ConvertedTarget converted = converted(target);
        out.addAll(converted);
        return converted.node();
    }

    private ConvertedTarget converted(ComponentIndex.Target target) {
        ConvertedTarget known = cache.get(target.key());
        if (known != null) {
            return known;
        }
        Set<String> converting = inProgress.get();
        converting.add(target.key());
        ConversionLog own = new ConversionLog();
        JsonNode node;
        try {
            node = translate(target.schema(), target.pointer(), own, 0);
        } finally {
            converting.remove(target.key());
        }
        ConvertedTarget converted = own.freeze(node);
        ConvertedTarget raced = cache.putIfAbsent(target.key(), converted);
        return raced != null ? raced : converted;
    }

    /** A 3.1 {@code $ref} with sibling keywords: both apply. */
    private static JsonNode withSiblings(JsonNode target, ObjectNode siblings) {
        if (target instanceof ObjectNode t && t.has("$ref") && t.size() == 1) {
            // 2020-12 allows keywords beside a $ref; keep the reference to the $defs entry.
            return Keywords.merge(t, siblings);
        }
        if (target instanceof ObjectNode t && Keywords.onlyAnnotations(siblings)) {
            // A description or title beside a $ref documents the use site; it replaces the target's.
            return Keywords.merge(t, siblings);
        }
        if (target.isBoolean() && target.booleanValue() && Keywords.onlyAnnotations(siblings)) {
            return siblings;
        }
        ArrayNode allOf = NODES.arrayNode().add(target);
        if (siblings.get("allOf") instanceof ArrayNode existing) {
            allOf.addAll(existing);
        }
        ObjectNode withAllOf = NODES.objectNode().set("allOf", allOf);
        return Keywords.merge(siblings, withAllOf);
    }

    // ---------------------------------------------------------------- nullability

    private boolean nullable(Schema<?> s) {
        if (!openApi31 && Boolean.TRUE.equals(s.getNullable())) {
            return true;
        }
        Map<String, Object> extensions = s.getExtensions();
        if (extensions == null) {
            return false;
        }
        // Swagger 2 x-nullable (swagger-parser's converter already maps it to nullable; this covers 3.x exports
        // that use it anyway) and 3.1 exports that still write the 3.0 keyword, which the parser keeps as an
        // extension.
        return Boolean.TRUE.equals(extensions.get("x-nullable"))
                || (openApi31 && Boolean.TRUE.equals(extensions.get("nullable")));
    }

    /** {@code {annotations, anyOf: [schema, {"type": "null"}]}}: null or whatever the schema accepted. */
    private static JsonNode anyOfNull(JsonNode schema) {
        if (schema.isBoolean()) {
            return schema.booleanValue() ? schema : NODES.objectNode().put("type", "null");
        }
        ObjectNode outer = NODES.objectNode();
        ObjectNode inner = NODES.objectNode();
        for (Map.Entry<String, JsonNode> field : schema.properties()) {
            (Keywords.ANNOTATIONS.contains(field.getKey()) ? outer : inner).set(field.getKey(), field.getValue());
        }
        if (inner.isEmpty()) {
            return schema; // accepts anything already, null included
        }
        outer.set("anyOf", NODES.arrayNode().add(inner).add(NODES.objectNode().put("type", "null")));
        return outer;
    }

    // ---------------------------------------------------------------- keywords

    /** All keywords of {@code s} except {@code $ref}; {@code addNull} widens type and enum to admit null. */
    private ObjectNode keywords(Schema<?> s, String ptr, ConversionLog out, int depth, boolean addNull) {
        ObjectNode n = NODES.objectNode();
        List<String> declared = declaredTypes(s);
        List<String> types = types(declared, ptr, out);
        if (addNull && !types.isEmpty() && !types.contains("null")) {
            types.add("null");
        }
        if (types.size() == 1) {
            n.put("type", types.get(0));
        } else if (types.size() > 1) {
            ArrayNode array = n.putArray("type");
            types.forEach(array::add);
        }
        String format = s.getFormat();
        if (format == null && declared.contains("file")) {
            format = "binary"; // Swagger 2 file: a string of bytes
        }
        putText(n, "format", format);
        putText(n, "title", s.getTitle());
        putText(n, "description", s.getDescription());
        annotationsAndValues(s, n, addNull);
        numeric(s, ptr, n, out);
        strings(s, ptr, n, out);
        objects(s, ptr, n, out, depth);
        arrays(s, ptr, n, out, depth);
        composition(s, ptr, n, out, depth);
        return n;
    }

    private List<String> declaredTypes(Schema<?> s) {
        // swagger-parser fills `type` for 3.0 and `types` for 3.1; either may be missing on some schema classes.
        if (openApi31 && s.getTypes() != null && !s.getTypes().isEmpty()) {
            return List.copyOf(s.getTypes());
        }
        if (s.getType() != null) {
            return List.of(s.getType());
        }
        return s.getTypes() == null ? List.of() : List.copyOf(s.getTypes());
    }

    private static List<String> types(List<String> declared, String ptr, ConversionLog out) {
        List<String> types = new ArrayList<>(declared.size() + 1);
        for (String type : declared) {
            String t = "file".equals(type) ? "string" : type;
            if (!JSON_TYPES.contains(t)) {
                out.issue(
                        SchemaIssue.warning(
                                ptr + "/type",
                                "unknown type '" + type
                                        + "' (expected one of array, boolean, integer, null, number, object, string); type dropped"));
            } else if (!types.contains(t)) {
                types.add(t);
            }
        }
        return types;
    }

    private void annotationsAndValues(Schema<?> s, ObjectNode n, boolean addNull) {
        List<?> values = s.getEnum();
        if (values != null) {
            ArrayNode array = n.putArray("enum");
            boolean hasNull = false;
            for (Object value : values) {
                hasNull |= value == null;
                array.add(ParserValues.toJson(value));
            }
            if (addNull && !hasNull) {
                array.addNull();
            }
        }
        if (s.getConst() != null) {
            n.set("const", ParserValues.toJson(s.getConst()));
        }
        if (s.getDefault() != null || s.getDefaultSetFlag()) {
            n.set("default", ParserValues.toJson(s.getDefault()));
        }
        List<?> examples = s.getExamples();
        if (examples != null && !examples.isEmpty()) {
            ArrayNode array = n.putArray("examples");
            examples.forEach(e -> array.add(ParserValues.toJson(e)));
        } else if (s.getExample() != null) {
            // OpenAPI's single `example` is the 2020-12 `examples` array with one entry.
            n.putArray("examples").add(ParserValues.toJson(s.getExample()));
        }
        putBoolean(n, "deprecated", s.getDeprecated());
        putBoolean(n, "readOnly", s.getReadOnly());
        putBoolean(n, "writeOnly", s.getWriteOnly());
    }

    private static void numeric(Schema<?> s, String ptr, ObjectNode n, ConversionLog out) {
        BigDecimal multipleOf = s.getMultipleOf();
        if (multipleOf != null) {
            if (multipleOf.signum() > 0) {
                n.set("multipleOf", ParserValues.number(multipleOf));
            } else {
                out.issue(SchemaIssue.warning(
                        ptr + "/multipleOf",
                        "multipleOf must be greater than 0, got " + multipleOf.toPlainString() + "; dropped"));
            }
        }
        bound(
                s.getMinimum(),
                s.getExclusiveMinimum(),
                s.getExclusiveMinimumValue(),
                "minimum",
                "exclusiveMinimum",
                ptr,
                n,
                out);
        bound(
                s.getMaximum(),
                s.getExclusiveMaximum(),
                s.getExclusiveMaximumValue(),
                "maximum",
                "exclusiveMaximum",
                ptr,
                n,
                out);
    }

    /** OpenAPI 3.0's boolean exclusive flag turns the bound itself exclusive; 3.1 already has numeric bounds. */
    private static void bound(
            BigDecimal bound,
            Boolean exclusiveFlag,
            BigDecimal exclusiveValue,
            String keyword,
            String exclusiveKeyword,
            String ptr,
            ObjectNode n,
            ConversionLog out) {
        boolean exclusive = Boolean.TRUE.equals(exclusiveFlag);
        if (bound != null && !exclusive) {
            n.set(keyword, ParserValues.number(bound));
        }
        if (exclusiveValue != null) {
            n.set(exclusiveKeyword, ParserValues.number(exclusiveValue));
        } else if (exclusive && bound != null) {
            n.set(exclusiveKeyword, ParserValues.number(bound));
        } else if (exclusive) {
            out.issue(SchemaIssue.warning(
                    ptr + "/" + exclusiveKeyword,
                    exclusiveKeyword + ": true without " + keyword + " has no effect; dropped"));
        }
    }

    private void strings(Schema<?> s, String ptr, ObjectNode n, ConversionLog out) {
        nonNegative(n, "minLength", s.getMinLength(), ptr, out);
        nonNegative(n, "maxLength", s.getMaxLength(), ptr, out);
        String pattern = s.getPattern();
        if (pattern != null) {
            PortablePatterns.Verdict verdict = patterns.check(pattern);
            if (verdict instanceof PortablePatterns.Kept kept) {
                n.put("pattern", kept.pattern());
            } else {
                out.issue(SchemaIssue.warning(
                        ptr + "/pattern",
                        "pattern '" + pattern + "' " + ((PortablePatterns.Dropped) verdict).reason() + "; " + DROPPED));
            }
        }
        // OpenAPI's format "byte" is base64 text, which JSON Schema 2020-12 says with contentEncoding (a model reads
        // that; an unknown format tells it nothing).
        String encoding =
                s.getContentEncoding() == null && "byte".equals(s.getFormat()) ? "base64" : s.getContentEncoding();
        putText(n, "contentEncoding", encoding);
        putText(n, "contentMediaType", s.getContentMediaType());
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private void objects(Schema<?> s, String ptr, ObjectNode n, ConversionLog out, int depth) {
        Map<String, Schema> properties = s.getProperties();
        Set<String> dropped = new HashSet<>();
        if (properties != null) {
            ObjectNode node = n.putObject("properties");
            for (Map.Entry<String, Schema> p : properties.entrySet()) {
                if (p.getValue() == null) {
                    continue;
                }
                if (droppedInThisDirection(p.getValue())) {
                    dropped.add(p.getKey());
                    continue;
                }
                node.set(
                        p.getKey(),
                        child(p.getValue(), JsonPointer.append(ptr + "/properties", p.getKey()), out, depth));
            }
        }
        boolean patternEntryDropped = patternProperties(s.getPatternProperties(), ptr, n, out, depth);
        List<String> required = s.getRequired();
        if (required != null) {
            Set<String> names = new LinkedHashSet<>(required);
            names.removeAll(dropped);
            names.remove(null);
            if (!names.isEmpty()) {
                ArrayNode array = n.putArray("required");
                names.forEach(array::add);
            }
        }
        Object additional = s.getAdditionalProperties();
        if (patternEntryDropped && additional != null && !Boolean.TRUE.equals(additional)) {
            out.issue(SchemaIssue.warning(
                    ptr + "/additionalProperties",
                    "additionalProperties dropped because a"
                            + " patternProperties entry was: it would now reject the names that entry admitted"));
        } else if (additional instanceof Boolean b) {
            n.put("additionalProperties", b);
        } else if (additional instanceof Schema a) {
            n.set("additionalProperties", child(a, ptr + "/additionalProperties", out, depth));
        }
        single(n, "propertyNames", s.getPropertyNames(), ptr, out, depth);
        nonNegative(n, "minProperties", s.getMinProperties(), ptr, out);
        nonNegative(n, "maxProperties", s.getMaxProperties(), ptr, out);
        Map<String, List<String>> dependentRequired = s.getDependentRequired();
        if (dependentRequired != null) {
            ObjectNode node = n.putObject("dependentRequired");
            dependentRequired.forEach((name, names) -> {
                ArrayNode array = node.putArray(name);
                if (names != null) {
                    new LinkedHashSet<>(names).forEach(array::add);
                }
            });
        }
        Map<String, Schema> dependentSchemas = s.getDependentSchemas();
        if (dependentSchemas != null) {
            ObjectNode node = n.putObject("dependentSchemas");
            dependentSchemas.forEach((name, schema) -> {
                if (schema != null) {
                    node.set(name, child(schema, JsonPointer.append(ptr + "/dependentSchemas", name), out, depth));
                }
            });
        }
        if (patternEntryDropped && s.getUnevaluatedProperties() != null) {
            out.issue(SchemaIssue.warning(
                    ptr + "/unevaluatedProperties",
                    "unevaluatedProperties dropped because a"
                            + " patternProperties entry was: it would now reject the names that entry admitted"));
        } else {
            single(n, "unevaluatedProperties", s.getUnevaluatedProperties(), ptr, out, depth);
        }
    }

    /**
     * Writes {@code patternProperties} with portable keys; returns whether an entry had to be dropped. Two keys
     * that become one pattern keep both schemas ({@code allOf}), as both applied before.
     */
    @SuppressWarnings("rawtypes")
    private boolean patternProperties(
            Map<String, Schema> entries, String ptr, ObjectNode n, ConversionLog out, int depth) {
        if (entries == null) {
            return false;
        }
        boolean dropped = false;
        ObjectNode node = n.putObject("patternProperties");
        for (Map.Entry<String, Schema> p : entries.entrySet()) {
            String entryPtr = JsonPointer.append(ptr + "/patternProperties", p.getKey());
            PortablePatterns.Verdict verdict = patterns.check(p.getKey());
            if (verdict instanceof PortablePatterns.Dropped d) {
                out.issue(SchemaIssue.warning(
                        entryPtr, "patternProperties key '" + p.getKey() + "' " + d.reason() + "; entry dropped"));
                dropped = true;
            } else if (p.getValue() != null) {
                String key = ((PortablePatterns.Kept) verdict).pattern();
                JsonNode value = child(p.getValue(), entryPtr, out, depth);
                JsonNode earlier = node.get(key);
                node.set(
                        key,
                        earlier == null
                                ? value
                                : NODES.objectNode()
                                        .set(
                                                "allOf",
                                                NODES.arrayNode().add(earlier).add(value)));
            }
        }
        return dropped;
    }

    /** readOnly properties are not arguments; writeOnly ones never come back. The flag may sit on a referenced component. */
    private boolean droppedInThisDirection(Schema<?> property) {
        if (dropFlag(property)) {
            return true;
        }
        if (property.get$ref() != null) {
            Schema<?> target = index.schemaOf(property.get$ref());
            return target != null && dropFlag(target);
        }
        return false;
    }

    private boolean dropFlag(Schema<?> s) {
        return Boolean.TRUE.equals(direction == Direction.INPUT ? s.getReadOnly() : s.getWriteOnly());
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private void arrays(Schema<?> s, String ptr, ObjectNode n, ConversionLog out, int depth) {
        list(n, "prefixItems", (List) s.getPrefixItems(), ptr, out, depth);
        single(n, "items", s.getItems(), ptr, out, depth);
        single(n, "contains", s.getContains(), ptr, out, depth);
        nonNegative(n, "minContains", s.getMinContains(), ptr, out);
        nonNegative(n, "maxContains", s.getMaxContains(), ptr, out);
        nonNegative(n, "minItems", s.getMinItems(), ptr, out);
        nonNegative(n, "maxItems", s.getMaxItems(), ptr, out);
        putBoolean(n, "uniqueItems", s.getUniqueItems());
        single(n, "unevaluatedItems", s.getUnevaluatedItems(), ptr, out, depth);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private void composition(Schema<?> s, String ptr, ObjectNode n, ConversionLog out, int depth) {
        list(n, "allOf", (List) s.getAllOf(), ptr, out, depth);
        list(n, "anyOf", (List) s.getAnyOf(), ptr, out, depth);
        list(n, "oneOf", (List) s.getOneOf(), ptr, out, depth);
        single(n, "not", s.getNot(), ptr, out, depth);
        single(n, "if", s.getIf(), ptr, out, depth);
        single(n, "then", s.getThen(), ptr, out, depth);
        single(n, "else", s.getElse(), ptr, out, depth);
    }

    private JsonNode child(Schema<?> s, String ptr, ConversionLog out, int depth) {
        return translate(s, ptr, out, depth + 1);
    }

    private void single(ObjectNode n, String keyword, Schema<?> s, String ptr, ConversionLog out, int depth) {
        if (s != null) {
            n.set(keyword, child(s, ptr + "/" + keyword, out, depth));
        }
    }

    private void list(ObjectNode n, String keyword, List<Schema<?>> schemas, String ptr, ConversionLog out, int depth) {
        if (schemas == null) {
            return;
        }
        if (schemas.isEmpty()) {
            // 2020-12 requires at least one subschema; an empty list constrains nothing.
            out.issue(SchemaIssue.warning(ptr + "/" + keyword, keyword + " is empty; dropped"));
            return;
        }
        ArrayNode array = n.putArray(keyword);
        for (int i = 0; i < schemas.size(); i++) {
            Schema<?> schema = schemas.get(i);
            String childPtr = JsonPointer.append(ptr, keyword, i);
            if (schema == null) {
                out.issue(SchemaIssue.warning(childPtr, "empty entry; replaced by {}"));
                array.addObject();
            } else {
                array.add(child(schema, childPtr, out, depth));
            }
        }
    }

    private static void nonNegative(ObjectNode n, String keyword, Integer value, String ptr, ConversionLog out) {
        if (value == null) {
            return;
        }
        if (value < 0) {
            out.issue(SchemaIssue.warning(
                    ptr + "/" + keyword, keyword + " must not be negative, got " + value + "; dropped"));
            return;
        }
        n.put(keyword, value.intValue());
    }

    private static boolean hasItems(List<?> list) {
        return list != null && !list.isEmpty();
    }

    private static void putText(ObjectNode n, String keyword, String value) {
        if (value != null) {
            n.put(keyword, value);
        }
    }

    private static void putBoolean(ObjectNode n, String keyword, Boolean value) {
        if (value != null) {
            n.put(keyword, value.booleanValue());
        }
    }
}
