package dev.apigwmcp.generator.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigwmcp.generator.model.HttpMethod;
import io.swagger.parser.util.SwaggerDeserializationResult;
import io.swagger.parser.util.SwaggerDeserializer;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.converter.SwaggerConverter;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Swagger 2.0 tree into swagger-parser's OpenAPI 3 model with its Swagger 2 converter, after two changes
 * to a copy of the tree that make the converter read it as API Gateway does:
 * <ul>
 *   <li>each {@code x-amazon-apigateway-any-method} is moved into a path item of its own under a synthetic key,
 *       as that item's {@code post} beside a copy of the path-level parameters. The converter knows nothing of
 *       the extension and would pass it on raw (untyped parameters, the body parameter and {@code consumes},
 *       {@code produces} and references not converted); in a slot it converts it exactly as a {@code post}. A
 *       slot of the original path item cannot be used: it may hold every method Swagger 2 has.</li>
 *   <li>a non-body parameter without {@code type} is given {@code type: string}: API Gateway reads every method
 *       request parameter as a string, and the converter would leave its schema empty.</li>
 * </ul>
 * The original tree is not changed (problems are located in it).
 */
final class Swagger2Reader {

    private static final String ANY_METHOD = HttpMethod.ANY.key();
    private static final List<String> OPERATION_KEYS = List.of("get", "put", "post", "delete", "options", "head",
            "patch", ANY_METHOD);

    /**
     * The converted document.
     *
     * @param api            the model, or {@code null} when the document could not be converted
     * @param messages       swagger-parser's messages, naming the original paths
     * @param anyMethodPaths the synthetic path keys, each to the path whose ANY method it holds (as {@code post})
     */
    record Converted(OpenAPI api, List<String> messages, Map<String, String> anyMethodPaths) {
    }

    Converted read(ObjectNode original) {
        ObjectNode root = original.deepCopy();
        typeUntypedParameters(root);
        Map<String, String> anyMethodPaths = moveAnyMethods(root);
        List<String> messages = new ArrayList<>();
        OpenAPI api = null;
        try {
            SwaggerDeserializationResult deserialized = new SwaggerDeserializer().deserialize(root);
            SwaggerParseResult converted = new SwaggerConverter().convert(deserialized);
            if (converted != null) {
                api = converted.getOpenAPI();
                if (converted.getMessages() != null) {
                    converted.getMessages().forEach(m -> messages.add(originalPaths(m, anyMethodPaths)));
                }
            }
        } catch (RuntimeException e) {
            // The converter trusts its input in places (an enum value of an integer parameter that is no integer
            // ends the conversion with NumberFormatException).
            messages.add("cannot convert the Swagger 2.0 document (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
            api = null;
        }
        return new Converted(api, messages, anyMethodPaths);
    }

    /** Moves every ANY method to a path item of its own, placed right after its own path item. */
    private static Map<String, String> moveAnyMethods(ObjectNode root) {
        if (!(root.get("paths") instanceof ObjectNode paths)) {
            return Map.of();
        }
        Map<String, String> anyMethodPaths = new LinkedHashMap<>();
        ObjectNode rebuilt = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> entry : paths.properties()) {
            rebuilt.set(entry.getKey(), entry.getValue());
            if (entry.getValue() instanceof ObjectNode item && item.get(ANY_METHOD) instanceof ObjectNode any) {
                item.remove(ANY_METHOD);
                ObjectNode slot = JsonNodeFactory.instance.objectNode();
                if (item.has("parameters")) {
                    slot.set("parameters", item.get("parameters"));
                }
                slot.set("post", any);
                String key = syntheticKey(entry.getKey(), paths);
                anyMethodPaths.put(key, entry.getKey());
                rebuilt.set(key, slot);
            }
        }
        if (!anyMethodPaths.isEmpty()) {
            root.set("paths", rebuilt);
        }
        return anyMethodPaths;
    }

    /** The path with a suffix no path of the document has (its template variables stay as they are). */
    private static String syntheticKey(String path, ObjectNode paths) {
        String key = path + " " + ANY_METHOD;
        while (paths.has(key)) {
            key += "+";
        }
        return key;
    }

    private static void typeUntypedParameters(ObjectNode root) {
        typeUntyped(root.get("parameters"));
        if (root.get("paths") instanceof ObjectNode paths) {
            for (JsonNode item : paths) {
                typeUntyped(item.get("parameters"));
                for (String key : OPERATION_KEYS) {
                    typeUntyped(item.path(key).get("parameters"));
                }
            }
        }
    }

    /** Each parameter object of a list ({@code parameters} of an operation) or map (the document's). */
    private static void typeUntyped(JsonNode parameters) {
        if (parameters == null || !parameters.isContainerNode()) {
            return;
        }
        for (JsonNode parameter : parameters) {
            if (parameter instanceof ObjectNode object && !object.has("$ref") && !object.has("type")
                    && object.get("in") != null && object.get("in").isTextual()
                    && !"body".equals(object.get("in").textValue())) {
                object.put("type", "string");
            }
        }
    }

    /** swagger-parser names a path {@code paths.'/a'}; a synthetic one becomes the ANY method of its path. */
    private static String originalPaths(String message, Map<String, String> anyMethodPaths) {
        String out = message;
        for (Map.Entry<String, String> slot : anyMethodPaths.entrySet()) {
            out = out.replace("'" + slot.getKey() + "'(post)", "'" + slot.getValue() + "'(" + ANY_METHOD + ")")
                    .replace("'" + slot.getKey() + "'", "'" + slot.getValue() + "'");
        }
        return out;
    }
}
