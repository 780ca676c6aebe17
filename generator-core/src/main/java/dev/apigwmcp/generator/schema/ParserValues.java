package dev.apigwmcp.generator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Date;
import java.util.Map;

/**
 * Turns the Java values swagger-parser stores for {@code default}, {@code enum}, {@code example} and {@code const}
 * back into JSON. The parser "casts" values by format ({@code format: date} becomes a {@link Date},
 * {@code date-time} an {@link OffsetDateTime}, {@code byte} a {@code byte[]}), so those are written back in
 * their JSON string form, independent of the machine's time zone.
 */
final class ParserValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ParserValues() {}

    static JsonNode toJson(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof String s) {
            return NODES.textNode(s);
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return NODES.numberNode(((Number) value).longValue());
        }
        if (value instanceof BigInteger i) {
            return NODES.numberNode(i);
        }
        if (value instanceof BigDecimal d) {
            return number(d);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? number(BigDecimal.valueOf(d)) : NODES.textNode(Double.toString(d));
        }
        if (value instanceof Date date) {
            return NODES.textNode(date(date));
        }
        if (value instanceof OffsetDateTime time) {
            return NODES.textNode(time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        }
        if (value instanceof byte[] bytes) {
            // swagger-parser keeps a `format: byte` value's text as its bytes (it does not decode the base64).
            return NODES.textNode(new String(bytes, StandardCharsets.UTF_8));
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((k, v) -> object.set(String.valueOf(k), toJson(v)));
            return object;
        }
        if (value instanceof Collection<?> items) {
            ArrayNode array = NODES.arrayNode(items.size());
            items.forEach(item -> array.add(toJson(item)));
            return array;
        }
        if (value instanceof Object[] items) {
            ArrayNode array = NODES.arrayNode(items.length);
            for (Object item : items) {
                array.add(toJson(item));
            }
            return array;
        }
        // UUID, URI and other value types print their canonical text.
        return NODES.textNode(value.toString());
    }

    /** Integral values print without a fraction ("0", not "0.0"), so output does not depend on how they were typed. */
    static JsonNode number(BigDecimal value) {
        BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        // Only integers that fit a long print in plain form; huge ones such as 1E+308 keep exponent notation.
        if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 18) {
            return NODES.numberNode(stripped.longValueExact());
        }
        return NODES.numberNode(stripped);
    }

    /** swagger-parser parses {@code format: date} values as midnight UTC. */
    private static String date(Date date) {
        Instant instant = date.toInstant();
        OffsetDateTime utc = instant.atOffset(ZoneOffset.UTC);
        if (utc.toLocalTime().toNanoOfDay() == 0) {
            return utc.toLocalDate().toString();
        }
        return instant.toString();
    }
}
