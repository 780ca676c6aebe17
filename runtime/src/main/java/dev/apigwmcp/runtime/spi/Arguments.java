package dev.apigwmcp.runtime.spi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Reads typed values out of validated JSON arguments, and turns them back into the text forms HTTP needs.
 * Generated code calls these so that it holds no parsing logic of its own. Absent and JSON {@code null} values
 * read as Java {@code null}.
 */
public final class Arguments {

    private Arguments() {
    }

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
     * The text form of a scalar for a path, query, header or cookie value: numbers without exponent, booleans as
     * {@code true}/{@code false}, JSON values as compact JSON.
     */
    public static String text(Object value) {
        if (value == null) {
            return null;
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
