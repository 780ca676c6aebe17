package dev.apigwmcp.generator.compile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigwmcp.generator.model.ApiEncoding;
import io.swagger.v3.oas.models.media.Schema;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code multipart/form-data} body as an object argument, sent by the runtime as one part per member. A property
 * that holds bytes ({@code format: binary}, a {@code contentMediaType}, or an array of them) is a file: its
 * argument is the file's bytes in base64 ({@code contentEncoding: base64}), sent as a file part with the
 * {@code encoding} object's {@code contentType} when it names one type, else the schema's {@code contentMediaType},
 * else {@code application/octet-stream}.
 *
 * @param schema the argument's schema
 * @param files  file property name to its part's Content-Type, in schema order
 */
record MultipartBody(ObjectNode schema, Map<String, String> files) {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String OCTETS = "application/octet-stream";

    /** Empty when the schema can never be an object: such a body has no parts to describe. */
    static Optional<MultipartBody> of(
            Schema<?> source, Map<String, ApiEncoding> encoding, InputSchemaBuilder.Draft draft, String mediaPointer) {
        ObjectNode schema = source == null
                ? JSON.objectNode().put("type", "object")
                : draft.document.convert(source, mediaPointer + "/schema");
        if (!FormBody.mayBeObject(schema)) {
            return Optional.empty();
        }
        Map<String, String> files = new LinkedHashMap<>();
        JsonNode properties = schema.path("properties");
        if (properties instanceof ObjectNode members) {
            for (Map.Entry<String, JsonNode> member : members.properties()) {
                if (!(member.getValue() instanceof ObjectNode property)) {
                    continue;
                }
                ApiEncoding declared = encoding.get(member.getKey());
                String declaredType = declared == null ? null : declared.contentType();
                ObjectNode items = property.get("items") instanceof ObjectNode i ? i : null;
                if (isBytes(property)) {
                    files.put(member.getKey(), partType(declaredType, property));
                    members.set(member.getKey(), base64(property, files.get(member.getKey())));
                } else if (items != null && isBytes(items)) {
                    files.put(member.getKey(), partType(declaredType, items));
                    property.set("items", base64(items, files.get(member.getKey())));
                }
            }
        }
        return Optional.of(new MultipartBody(schema, files));
    }

    BodyBinding binding(String argument, String mediaType, boolean required) {
        return new BodyBinding(argument, mediaType, required, BodyBinding.Kind.MULTIPART, Map.of(), files);
    }

    private static boolean isBytes(JsonNode schema) {
        return "binary".equals(schema.path("format").asText(null))
                || schema.has("contentMediaType") && !schema.has("contentEncoding");
    }

    /** One concrete declared type (not a list, not a wildcard), else the schema's, else octets. */
    private static String partType(String declared, JsonNode schema) {
        if (isConcrete(declared)) {
            return declared.trim();
        }
        String own = schema.path("contentMediaType").asText(null);
        return isConcrete(own) ? own.trim() : OCTETS;
    }

    private static boolean isConcrete(String type) {
        return type != null && !type.isBlank() && !type.contains(",") && !type.contains("*");
    }

    /** The file's schema: base64 text of the given media type, its description kept. */
    private static ObjectNode base64(ObjectNode bytes, String contentType) {
        ObjectNode schema = JSON.objectNode().put("type", "string");
        String description = bytes.path("description").asText("");
        schema.put(
                "description",
                (description.isBlank() ? "" : description.strip() + " ") + "The file's bytes, base64-encoded.");
        schema.put("contentEncoding", "base64");
        schema.put("contentMediaType", contentType);
        return schema;
    }
}
