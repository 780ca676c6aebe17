package dev.apigwmcp.runtime.execution;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Lossless scalar coercion of one tool's parameter arguments. Models often send {@code 7} for a string
 * {@code petId}; a path, query, header or cookie value travels as text anyway, so where the input schema asks for a
 * string (or an array of strings) and the model sent a JSON number or boolean, the value becomes its JSON text
 * ({@code 7} to {@code "7"}, {@code 1.50} to {@code "1.50"}, {@code true} to {@code "true"}). Runs before schema
 * validation, so the validator and the generated argument reader see the same strings. Objects, nulls, arrays
 * whose items are not strings and values the schema accepts as they are never change.
 *
 * <p>Models also often send an object or array argument as its JSON text ({@code "body": "{\"type\":\"dog\"}"}).
 * Where the schema of any top-level argument accepts an object or an array but not a string, a string whose text
 * parses as such a value becomes that value; a string that does not parse stays as it is, and validation names it.
 */
final class ArgumentCoercion {

    static final ArgumentCoercion NONE = new ArgumentCoercion(Map.of());

    /** How deep {@code $ref}s to the schema's own definitions are followed. */
    private static final int MAX_REFS = 8;

    /** The JSON types a schema accepts, as far as coercion needs them. */
    record Accepts(boolean string, boolean number, boolean integer, boolean bool, boolean object, boolean array) {
        static final Accepts UNKNOWN = new Accepts(false, false, false, false, false, false);

        Accepts or(Accepts other) {
            return new Accepts(
                    string || other.string,
                    number || other.number,
                    integer || other.integer,
                    bool || other.bool,
                    object || other.object,
                    array || other.array);
        }

        /** Whether a string argument may be JSON text for the object or array the schema asks for instead. */
        boolean wantsStructureNotText() {
            return (object || array) && !string;
        }

        /** Whether {@code value} parsed from a string is what the schema asks for. */
        boolean acceptsStructure(JsonNode value) {
            return value.isObject() ? object : value.isArray() && array;
        }

        /** Whether {@code value} (a number or boolean) must become text to be accepted. */
        boolean needsText(JsonNode value) {
            if (!string) {
                return false;
            }
            if (value.isBoolean()) {
                return !bool;
            }
            return value.isNumber() && !number && !(integer && isIntegral(value));
        }
    }

    /**
     * An argument's coercion: of the value itself, or of each element of an array value ({@code parameter}: scalars
     * become text only for parameters, which travel as text).
     */
    private record Rule(Accepts scalar, Accepts items, boolean parameter) {}

    /** Reads a string argument's JSON text; trailing content after the value makes it not JSON. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final Map<String, Rule> rules;

    private ArgumentCoercion(Map<String, Rule> rules) {
        this.rules = Map.copyOf(rules);
    }

    /**
     * The coercion of a tool's arguments from its input schema: scalars to text for the arguments named in
     * {@code parameters} (those bound to path, query, header or cookie parameters), JSON text to objects and arrays
     * for every argument.
     */
    static ArgumentCoercion of(JsonNode inputSchema, Set<String> parameters) {
        JsonNode properties = inputSchema == null ? null : inputSchema.get("properties");
        if (properties == null || !properties.isObject()) {
            return NONE;
        }
        Map<String, Rule> rules = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : properties.properties()) {
            String name = entry.getKey();
            JsonNode property = resolve(inputSchema, entry.getValue());
            if (property == null) {
                continue;
            }
            Accepts scalar = accepts(inputSchema, property);
            JsonNode items = resolve(inputSchema, property.get("items"));
            Accepts elements =
                    items != null && types(property).contains("array") ? accepts(inputSchema, items) : Accepts.UNKNOWN;
            boolean parameter = parameters.contains(name) && (scalar.string() || elements.string());
            if (parameter || scalar.wantsStructureNotText()) {
                rules.put(name, new Rule(scalar, elements, parameter));
            }
        }
        return rules.isEmpty() ? NONE : new ArgumentCoercion(rules);
    }

    /**
     * The arguments with every coercible value as text: {@code arguments} itself when nothing changes, else a
     * copy (the caller's tree is never modified).
     */
    JsonNode apply(JsonNode arguments) {
        if (rules.isEmpty() || !arguments.isObject()) {
            return arguments;
        }
        ObjectNode copy = null;
        for (Map.Entry<String, Rule> entry : rules.entrySet()) {
            JsonNode value = arguments.get(entry.getKey());
            if (value == null) {
                continue;
            }
            JsonNode coerced = coerce(value, entry.getValue());
            if (coerced != value) {
                if (copy == null) {
                    copy = ((ObjectNode) arguments).deepCopy();
                }
                copy.set(entry.getKey(), coerced);
            }
        }
        return copy == null ? arguments : copy;
    }

    private static JsonNode coerce(JsonNode value, Rule rule) {
        if (value.isString() && rule.scalar().wantsStructureNotText()) {
            return parsed(value, rule.scalar());
        }
        if (!rule.parameter()) {
            return value;
        }
        if (rule.scalar().needsText(value)) {
            return text(value);
        }
        if (!value.isArray() || !rule.items().string()) {
            return value;
        }
        ArrayNode array = null;
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            if (rule.items().needsText(element)) {
                if (array == null) {
                    array = ((ArrayNode) value).deepCopy();
                }
                array.set(i, text(element));
            }
        }
        return array == null ? value : array;
    }

    /** The object or array a string's text holds, when the schema asks for it; else the string itself. */
    private static JsonNode parsed(JsonNode value, Accepts accepts) {
        String text = value.stringValue().strip();
        if (!(text.startsWith("{") && accepts.object()) && !(text.startsWith("[") && accepts.array())) {
            return value;
        }
        try {
            JsonNode structure = JSON.readTree(text);
            return structure != null && accepts.acceptsStructure(structure) ? structure : value;
        } catch (JacksonException e) {
            return value;
        }
    }

    /** The value's JSON text as a string node; a non-finite double (never from JSON text) is left alone. */
    private static JsonNode text(JsonNode value) {
        if (value.isBoolean()) {
            return JsonNodeFactory.instance.stringNode(value.booleanValue() ? "true" : "false");
        }
        if (value.isIntegralNumber()) {
            return JsonNodeFactory.instance.stringNode(value.bigIntegerValue().toString());
        }
        if (value.isBigDecimal()) {
            // Kept as the parser read it: 1.50 stays 1.50 (plain notation for 1E+3).
            return JsonNodeFactory.instance.stringNode(value.decimalValue().toPlainString());
        }
        double number = value.doubleValue();
        if (!Double.isFinite(number)) {
            return value;
        }
        return JsonNodeFactory.instance.stringNode(BigDecimal.valueOf(number).toPlainString());
    }

    static boolean isIntegral(JsonNode value) {
        if (value.isIntegralNumber()) {
            return true;
        }
        if (value.isBigDecimal()) {
            BigDecimal decimal = value.decimalValue();
            return decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0;
        }
        double number = value.doubleValue();
        return Double.isFinite(number) && number == Math.rint(number);
    }

    private static Accepts accepts(JsonNode root, JsonNode schema) {
        Set<String> types = types(schema);
        Accepts accepts = new Accepts(
                types.contains("string"),
                types.contains("number"),
                types.contains("integer"),
                types.contains("boolean"),
                types.contains("object"),
                types.contains("array"));
        if (types.isEmpty() && !schema.has("anyOf") && !schema.has("oneOf")) {
            // A typeless enum or const of strings only asks for a string.
            JsonNode values = schema.has("enum")
                    ? schema.get("enum")
                    : schema.has("const") ? JsonNodeFactory.instance.arrayNode().add(schema.get("const")) : null;
            boolean strings = values != null && values.isArray() && !values.isEmpty();
            for (int i = 0; strings && i < values.size(); i++) {
                strings = values.get(i).isString();
            }
            return strings ? new Accepts(true, false, false, false, false, false) : Accepts.UNKNOWN;
        }
        for (String keyword : new String[] {"anyOf", "oneOf"}) {
            JsonNode branches = schema.get(keyword);
            if (branches != null && branches.isArray()) {
                for (JsonNode branch : branches) {
                    JsonNode resolved = resolve(root, branch);
                    if (resolved != null) {
                        accepts = accepts.or(accepts(root, resolved));
                    }
                }
            }
        }
        return accepts;
    }

    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return Set.of();
        }
        if (type.isString()) {
            return Set.of(type.stringValue());
        }
        java.util.HashSet<String> types = new java.util.HashSet<>();
        for (Iterator<JsonNode> it = type.iterator(); it.hasNext(); ) {
            JsonNode each = it.next();
            if (each.isString()) {
                types.add(each.stringValue());
            }
        }
        return types;
    }

    /** The schema itself, or what its local {@code $ref} ({@code #/$defs/...}) points to; null when neither. */
    private static JsonNode resolve(JsonNode root, JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < MAX_REFS && current != null && current.isObject(); i++) {
            JsonNode ref = current.get("$ref");
            if (ref == null || !ref.isString() || !ref.stringValue().startsWith("#")) {
                return current;
            }
            JsonNode target = root.at(ref.stringValue().substring(1));
            current = target.isMissingNode() ? null : target;
        }
        return current != null && current.isObject() ? current : null;
    }
}
