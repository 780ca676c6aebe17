package dev.apigwmcp.runtime.upstream;

import dev.apigwmcp.runtime.spi.ArgumentException;
import dev.apigwmcp.runtime.spi.QueryStyle;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Encodes an object argument as an {@code application/x-www-form-urlencoded} body: one {@code name=value} pair per
 * member in the object's order, names and values percent-encoded from UTF-8 as the WHATWG URL standard's form
 * serializer does (space as {@code +}; only {@code A-Z a-z 0-9 * - . _} kept).
 *
 * <p>Members follow OpenAPI's {@code encoding} defaults (style {@code form}, explode {@code true}): {@code null}
 * members are left out, strings are sent as they are, numbers and booleans as their JSON text, arrays as one pair
 * per element. A member named in {@code styles} follows its declared style instead: an array joined
 * ({@link QueryStyle#FORM} with {@code ,}, {@link QueryStyle#SPACE_DELIMITED} with a space,
 * {@link QueryStyle#PIPE_DELIMITED} with {@code |}), an object as {@code name[key]=value}
 * ({@link QueryStyle#DEEP_OBJECT}), one pair per member ({@link QueryStyle#FORM_EXPLODED}) or
 * {@code name=key,value,...} ({@link QueryStyle#FORM}). Any other object, and any nested array or object, is sent
 * as its compact JSON text: a form has no other way to carry it, and JSON is what OpenAPI names as an object
 * property's default content type.
 */
final class FormEncoder {

    private final String argument;
    private final Map<String, QueryStyle> styles;
    private final StringBuilder out = new StringBuilder();

    private FormEncoder(String argument, Map<String, QueryStyle> styles) {
        this.argument = argument;
        this.styles = styles;
    }

    /**
     * The encoded form; throws {@link ArgumentException} naming {@code argument} when {@code body} is not an
     * object, an array holds {@code null} or a text is not valid Unicode.
     */
    static String encode(String argument, JsonNode body, Map<String, QueryStyle> styles) {
        if (!body.isObject()) {
            throw FormValues.notAnObject(argument, body);
        }
        FormEncoder encoder = new FormEncoder(argument, styles);
        for (Map.Entry<String, JsonNode> member : body.properties()) {
            encoder.member(member.getKey(), member.getValue());
        }
        return encoder.out.toString();
    }

    private void member(String name, JsonNode value) {
        if (value.isNull() || value.isMissingNode()) {
            return;
        }
        QueryStyle style = styles.get(name);
        if (value.isArray()) {
            array(name, value, style == null ? QueryStyle.FORM_EXPLODED : style);
        } else if (value.isObject() && style != null) {
            object(name, value, style);
        } else {
            pair(name, text(name, value));
        }
    }

    private void array(String name, JsonNode array, QueryStyle style) {
        List<String> texts = new ArrayList<>(array.size());
        for (JsonNode element : array) {
            if (element.isNull()) {
                throw new ArgumentException(
                        argument, "member '" + name + "' contains null; array elements must have a value");
            }
            texts.add(text(name, element));
        }
        String separator = separator(style);
        if (separator == null) {
            texts.forEach(text -> pair(name, text));
        } else if (!texts.isEmpty()) {
            pair(name, String.join(separator, texts));
        }
    }

    private void object(String name, JsonNode object, QueryStyle style) {
        List<String> flat = new ArrayList<>();
        for (Map.Entry<String, JsonNode> member : object.properties()) {
            JsonNode value = member.getValue();
            if (value.isNull()) {
                continue;
            }
            String text = text(name, value);
            switch (style) {
                case DEEP_OBJECT -> pair(name + "[" + member.getKey() + "]", text);
                case FORM_EXPLODED -> pair(member.getKey(), text);
                default -> {
                    flat.add(member.getKey());
                    flat.add(text);
                }
            }
        }
        if (!flat.isEmpty()) {
            pair(name, String.join(separator(style), flat));
        }
    }

    /** The separator of a joined array, {@code null} for one pair per element. */
    private static String separator(QueryStyle style) {
        return switch (style) {
            case FORM -> ",";
            case SPACE_DELIMITED -> " ";
            case PIPE_DELIMITED -> "|";
            case TAB_DELIMITED -> "\t";
            case FORM_EXPLODED, DEEP_OBJECT -> null;
        };
    }

    private String text(String name, JsonNode value) {
        return FormValues.text(argument, name, value);
    }

    private void pair(String name, String value) {
        FormValues.checkUnicode(argument, name, name);
        if (!out.isEmpty()) {
            out.append('&');
        }
        out.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
}
