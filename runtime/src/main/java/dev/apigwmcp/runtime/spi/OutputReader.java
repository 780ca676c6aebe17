package dev.apigwmcp.runtime.spi;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BigIntegerNode;
import tools.jackson.databind.node.DecimalNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads one JSON object of a tool's result into a generated output record ({@code GetOrderTool.Output}) without
 * losing anything: answers drift from their schema, so a declared member is read into its typed component only
 * when its value fits that type exactly (it writes back as an equal JSON node); a value that does not fit (a
 * string where a number was declared, an explicit {@code null}, a number too large for a {@code Long}, a list
 * with one misfit element) stays in the record's additional members, as it came, like every undeclared member.
 * So {@code read(json).toJson()} equals {@code json} for every JSON object. Used by generated code only, one
 * instance per object read, on one thread.
 */
public final class OutputReader {

    private final JsonNode object;
    /** The members read into typed components; the rest are additional. */
    private final Set<String> typed = new HashSet<>();

    private OutputReader(JsonNode object) {
        this.object = object;
    }

    /**
     * A reader of {@code object}.
     *
     * @throws IllegalArgumentException when {@code object} is not a JSON object
     */
    public static OutputReader of(JsonNode object) {
        if (object == null || !object.isObject()) {
            throw new IllegalArgumentException("an output record reads a JSON object, not "
                    + (object == null ? "null" : object.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
        return new OutputReader(object);
    }

    public String string(String name) {
        return take(name, Element.STRING);
    }

    public Long integer(String name) {
        return take(name, Element.INTEGER);
    }

    public BigDecimal number(String name) {
        return take(name, Element.NUMBER);
    }

    public Boolean bool(String name) {
        return take(name, Element.BOOLEAN);
    }

    /** A member the schema leaves free-form: any JSON value but {@code null}, as it came. */
    public JsonNode json(String name) {
        return take(name, Element.JSON);
    }

    /** A nested object read by {@code reader} (a generated record's {@code read}). */
    public <T> T object(String name, Function<JsonNode, T> reader) {
        return take(name, Element.record(reader));
    }

    /** An array whose every element is JSON {@code null} or fits {@code element}. */
    public <T> List<T> list(String name, Element<T> element) {
        JsonNode value = object.get(name);
        if (value == null || !value.isArray()) {
            return null;
        }
        List<T> out = new ArrayList<>(value.size());
        for (JsonNode item : value) {
            if (item.isNull()) {
                out.add(null);
            } else if (element.fits(item)) {
                out.add(element.reader.apply(item));
            } else {
                return null;
            }
        }
        typed.add(name);
        return Collections.unmodifiableList(out);
    }

    /** The members not read into a typed component, in document order (call it last). */
    public Map<String, JsonNode> additional() {
        if (typed.size() == object.size()) {
            return Map.of();
        }
        Map<String, JsonNode> extras = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : object.properties()) {
            if (!typed.contains(member.getKey())) {
                extras.put(member.getKey(), member.getValue());
            }
        }
        return Collections.unmodifiableMap(extras);
    }

    private <T> T take(String name, Element<T> element) {
        JsonNode value = object.get(name);
        if (value == null || !element.fits(value)) {
            return null;
        }
        typed.add(name);
        return element.reader.apply(value);
    }

    /** Sets {@code node.name} to a component's value, unless it is Java {@code null}. */
    public static void put(ObjectNode node, String name, Object value) {
        if (value != null) {
            node.set(name, toJson(value));
        }
    }

    /**
     * Adds the additional members no component set (a component set by the caller wins over an additional member
     * of the same name) and returns {@code node}.
     */
    public static ObjectNode withAdditional(ObjectNode node, Map<String, JsonNode> additional) {
        if (additional != null) {
            for (Map.Entry<String, JsonNode> extra : additional.entrySet()) {
                if (!node.has(extra.getKey())) {
                    node.set(extra.getKey(), extra.getValue());
                }
            }
        }
        return node;
    }

    /**
     * A component's value as JSON, in the node kind the gateway reads it as (integers as the smallest of int,
     * long, big integer; decimals as {@code BigDecimal}), so a value read from an answer writes back equal.
     */
    public static JsonNode toJson(Object value) {
        if (value == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (value instanceof Long number) {
            return integral(BigInteger.valueOf(number));
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.scale() == 0 ? integral(decimal.unscaledValue()) : DecimalNode.valueOf(decimal);
        }
        if (value instanceof List<?> list) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode(list.size());
            for (Object item : list) {
                array.add(toJson(item));
            }
            return array;
        }
        return Arguments.toJson(value);
    }

    private static JsonNode integral(BigInteger value) {
        if (value.bitLength() < 32) {
            return IntNode.valueOf(value.intValue());
        }
        return value.bitLength() < 64 ? LongNode.valueOf(value.longValue()) : BigIntegerNode.valueOf(value);
    }

    /** How one JSON value is read into a component or list element, and whether it fits. */
    public static final class Element<T> {

        public static final Element<String> STRING = new Element<>(JsonNode::isString, JsonNode::stringValue);
        public static final Element<Boolean> BOOLEAN = new Element<>(JsonNode::isBoolean, JsonNode::booleanValue);
        /** Integers that fit a {@code Long} and write back as the same node (not {@code 1.0}, not a double). */
        public static final Element<Long> INTEGER = new Element<>(
                v -> v.isIntegralNumber()
                        && v.canConvertToLong()
                        && toJson(v.longValue()).equals(v),
                JsonNode::longValue);
        /** Numbers that write back as the same node: integers and decimals as the gateway reads them. */
        public static final Element<BigDecimal> NUMBER =
                new Element<>(v -> v.isNumber() && toJson(v.decimalValue()).equals(v), JsonNode::decimalValue);

        /** Any JSON value but {@code null}, as it came (a member the schema leaves free-form). */
        public static final Element<JsonNode> JSON = new Element<>(v -> !v.isNull(), v -> v);

        private final Predicate<JsonNode> fits;
        private final Function<JsonNode, T> reader;

        private Element(Predicate<JsonNode> fits, Function<JsonNode, T> reader) {
            this.fits = fits;
            this.reader = reader;
        }

        /** JSON objects, read by a generated record's {@code read}. */
        public static <T> Element<T> record(Function<JsonNode, T> reader) {
            return new Element<>(JsonNode::isObject, reader);
        }

        boolean fits(JsonNode value) {
            return fits.test(value);
        }
    }
}
