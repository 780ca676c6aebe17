package dev.apigwmcp.generator.compile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigwmcp.generator.model.ApiEncoding;
import io.swagger.v3.oas.models.media.Schema;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An {@code application/x-www-form-urlencoded} body as a tool argument. A schema that may be an object (or none)
 * becomes an object argument with the converted schema, encoded by the runtime as {@code name=value} pairs; the
 * {@code encoding} object's {@code style} and {@code explode} are kept for the properties it names. A schema that
 * can never be an object (a string, say) has no pairs to describe: the argument is then the already encoded form
 * text, sent as it is.
 *
 * @param schema the argument's schema
 * @param object whether the argument is an object to encode (else the encoded text)
 * @param styles property name to its declared serialisation
 */
record FormBody(ObjectNode schema, boolean object, Map<String, FormStyle> styles) {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    static FormBody of(
            Schema<?> source, Map<String, ApiEncoding> encoding, InputSchemaBuilder.Draft draft, String mediaPointer) {
        ObjectNode schema =
                source == null ? JSON.objectNode() : draft.document.convert(source, mediaPointer + "/schema");
        if (source == null) {
            schema.put("type", "object");
        }
        if (!mayBeObject(schema)) {
            ObjectNode text = JSON.objectNode();
            text.put("type", "string");
            return new FormBody(text, false, Map.of());
        }
        return new FormBody(schema, true, styles(encoding));
    }

    BodyBinding binding(String argument, String mediaType, boolean required) {
        return object
                ? new BodyBinding(argument, mediaType, required, BodyBinding.Kind.FORM, styles, Map.of())
                : new BodyBinding(argument, mediaType, required, false);
    }

    /** A schema without a {@code type} (a reference, a composition) may still be an object. */
    static boolean mayBeObject(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return true;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if ("object".equals(t.asText())) {
                    return true;
                }
            }
            return false;
        }
        return "object".equals(type.asText());
    }

    /**
     * OpenAPI's defaults: style {@code form}; explode {@code true} for {@code form}, else {@code false}. The parser
     * fills in {@code form} and {@code true} for an entry that only names a {@code contentType}, so such an entry
     * is taken as the content type alone: its value is sent as the runtime's default (an object as JSON text).
     */
    private static Map<String, FormStyle> styles(Map<String, ApiEncoding> encoding) {
        Map<String, FormStyle> styles = new LinkedHashMap<>();
        encoding.forEach((property, declared) -> {
            String style = declared.style() == null ? "form" : declared.style();
            boolean explode = declared.explode() == null ? style.equals("form") : declared.explode();
            boolean onlyContentType = declared.contentType() != null && style.equals("form") && explode;
            if ((declared.style() != null || declared.explode() != null) && !onlyContentType) {
                styles.put(property, new FormStyle(style, explode));
            }
        });
        return styles;
    }
}
