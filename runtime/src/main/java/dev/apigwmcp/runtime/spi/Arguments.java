package dev.apigwmcp.runtime.spi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads typed values out of validated JSON arguments, and turns them back into the text forms HTTP needs.
 * Generated code calls these so that it holds no parsing logic of its own. Absent and JSON {@code null} values
 * read as Java {@code null}.
 */
public final class Arguments {

    private Arguments() {}

    /** The member {@code name} of {@code object}, or {@code null} when absent or JSON null. */
    public static JsonNode json(JsonNode object, String name) {
        if (object == null) {
            return null;
        }
        JsonNode value = object.get(name);
        return value == null || value.isNull() ? null : value;
    }

    public static String string(JsonNode object, String name) {
        return asString(json(object, name));
    }

    public static Long integer(JsonNode object, String name) {
        return asInteger(json(object, name));
    }

    public static BigDecimal number(JsonNode object, String name) {
        return asNumber(json(object, name));
    }

    public static Boolean bool(JsonNode object, String name) {
        return asBool(json(object, name));
    }

    /** The array member {@code name} with each element read by {@code element}, or {@code null} when absent. */
    public static <T> List<T> list(JsonNode object, String name, Function<JsonNode, T> element) {
        return asList(json(object, name), element);
    }

    /** The object member {@code name} read by {@code reader}, or {@code null} when absent or JSON null. */
    public static <T> T object(JsonNode object, String name, Function<JsonNode, T> reader) {
        JsonNode value = json(object, name);
        return value == null ? null : reader.apply(value);
    }

    /**
     * The member {@code name} as it is, JSON {@code null} included (so that an explicit null survives a round
     * trip through a generated record), or Java {@code null} when absent.
     */
    public static JsonNode raw(JsonNode object, String name) {
        return object == null ? null : object.get(name);
    }

    /** The members of {@code object} not in {@code known}, in document order; empty when there are none. */
    public static Map<String, JsonNode> extras(JsonNode object, Set<String> known) {
        if (object == null || !object.isObject() || object.size() == known.size() && allKnown(object, known)) {
            return Map.of();
        }
        Map<String, JsonNode> extras = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : object.properties()) {
            if (!known.contains(member.getKey())) {
                extras.put(member.getKey(), member.getValue());
            }
        }
        return Collections.unmodifiableMap(extras);
    }

    private static boolean allKnown(JsonNode object, Set<String> known) {
        for (String name : object.propertyNames()) {
            if (!known.contains(name)) {
                return false;
            }
        }
        return true;
    }

    /** Sets {@code object.name} to {@code value} as JSON, unless {@code value} is Java {@code null}. */
    public static void put(ObjectNode object, String name, Object value) {
        if (value != null) {
            object.set(name, toJson(value));
        }
    }

    /** A typed value (String, Long, BigDecimal, Boolean, List, Map, JsonNode, JsonWritable) as JSON. */
    public static JsonNode toJson(Object value) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        if (value == null) {
            return json.nullNode();
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof JsonWritable writable) {
            return writable.toJson();
        }
        if (value instanceof String text) {
            return json.stringNode(text);
        }
        if (value instanceof Long number) {
            return json.numberNode(number);
        }
        if (value instanceof Integer number) {
            return json.numberNode(number);
        }
        if (value instanceof BigDecimal number) {
            return json.numberNode(number);
        }
        if (value instanceof Boolean bool) {
            return json.booleanNode(bool);
        }
        if (value instanceof List<?> list) {
            ArrayNode array = json.arrayNode(list.size());
            for (Object item : list) {
                array.add(toJson(item));
            }
            return array;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = json.objectNode();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                object.set(String.valueOf(entry.getKey()), toJson(entry.getValue()));
            }
            return object;
        }
        throw new IllegalArgumentException(
                "not a JSON-mappable value: " + value.getClass().getName());
    }

    public static String asString(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isString() ? value.stringValue() : value.toString();
    }

    public static Long asInteger(JsonNode value) {
        return value == null || value.isNull() ? null : value.asLong();
    }

    public static BigDecimal asNumber(JsonNode value) {
        return value == null || value.isNull() ? null : value.decimalValue();
    }

    public static Boolean asBool(JsonNode value) {
        return value == null || value.isNull() ? null : value.asBoolean();
    }

    public static JsonNode asJson(JsonNode value) {
        return value == null || value.isNull() ? null : value;
    }

    public static <T> List<T> asList(JsonNode value, Function<JsonNode, T> element) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            return List.of(element.apply(value));
        }
        List<T> out = new ArrayList<>(value.size());
        for (JsonNode item : value) {
            out.add(element.apply(item));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The text form of a value for a path, query, header or cookie value: numbers without exponent, booleans as
     * {@code true}/{@code false}, JSON values as compact JSON, a list as its elements' text joined with {@code ,}
     * (OpenAPI's {@code simple} style).
     */
    public static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            return String.join(",", texts(list));
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value.toString();
    }

    /** {@link #text(Object)} of each element. */
    public static List<String> texts(List<?> values) {
        if (values == null) {
            return null;
        }
        List<String> out = new ArrayList<>(values.size());
        for (Object value : values) {
            out.add(text(value));
        }
        return out;
    }
}
