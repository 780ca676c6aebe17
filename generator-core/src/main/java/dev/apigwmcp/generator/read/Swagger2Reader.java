package dev.apigwmcp.generator.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigwmcp.generator.model.HttpMethod;
import dev.apigwmcp.generator.model.JsonPointer;
import dev.apigwmcp.generator.problem.FailureReason;
import dev.apigwmcp.generator.problem.ProblemCollector;
import io.swagger.parser.util.SwaggerDeserializationResult;
import io.swagger.parser.util.SwaggerDeserializer;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.converter.SwaggerConverter;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * Two things swagger-parser would do silently or fatally get a warning instead: a parameter whose {@code in} is
 * none of Swagger 2's is dropped by its deserializer without a word; an {@code enum} of an integer or number
 * parameter with a value that is not a 32-bit integer or a number ends the whole conversion with an exception,
 * so that enum is left out. The original tree is not changed (problems are located in it).
 */
final class Swagger2Reader {

    private static final String ANY_METHOD = HttpMethod.ANY.key();
    private static final List<String> OPERATION_KEYS =
            List.of("get", "put", "post", "delete", "options", "head", "patch", ANY_METHOD);
    private static final Set<String> LOCATIONS = Set.of("query", "header", "path", "formData", "body");

    /**
     * The converted document.
     *
     * @param api            the model, or {@code null} when the document could not be converted
     * @param messages       swagger-parser's messages, naming the original paths
     * @param anyMethodPaths the synthetic path keys, each to the path whose ANY method it holds (as {@code post})
     */
    record Converted(OpenAPI api, List<String> messages, Map<String, String> anyMethodPaths) {}

    Converted read(ObjectNode original, ProblemCollector problems) {
        ObjectNode root = original.deepCopy();
        prepareParameters(root, problems);
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
            // The converter trusts its input in places; what the preparation does not foresee still ends in a
            // message (and "not a usable document"), never in a stack trace.
            messages.add("cannot convert the Swagger 2.0 document (" + FailureReason.describe(e) + ")");
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

    /** Every parameter object of the document, each with its pointer (before the ANY methods move). */
    private static void prepareParameters(ObjectNode root, ProblemCollector problems) {
        prepare(root.get("parameters"), "/parameters", problems);
        if (root.get("paths") instanceof ObjectNode paths) {
            for (Map.Entry<String, JsonNode> item : paths.properties()) {
                String itemPointer = JsonPointer.append("/paths", item.getKey());
                prepare(item.getValue().get("parameters"), itemPointer + "/parameters", problems);
                for (String key : OPERATION_KEYS) {
                    prepare(
                            item.getValue().path(key).get("parameters"),
                            itemPointer + "/" + key + "/parameters",
                            problems);
                }
            }
        }
    }

    /** The parameters of a list ({@code parameters} of an operation) or map (the document's). */
    private static void prepare(JsonNode parameters, String pointer, ProblemCollector problems) {
        if (parameters == null || !parameters.isContainerNode()) {
            return;
        }
        List<String> keys = new ArrayList<>();
        if (parameters.isObject()) {
            parameters.fieldNames().forEachRemaining(keys::add);
        } else {
            for (int i = 0; i < parameters.size(); i++) {
                keys.add(Integer.toString(i));
            }
        }
        for (String key : keys) {
            JsonNode parameter = parameters.isObject() ? parameters.get(key) : parameters.get(Integer.parseInt(key));
            if (parameter instanceof ObjectNode object
                    && !object.has("$ref")
                    && object.get("in") != null
                    && object.get("in").isTextual()) {
                prepare(object, JsonPointer.append(pointer, key), problems);
            }
        }
    }

    private static void prepare(ObjectNode parameter, String pointer, ProblemCollector problems) {
        String in = parameter.get("in").textValue();
        String name = parameter.path("name").asText("");
        if (!LOCATIONS.contains(in)) {
            problems.warningInFile(
                    pointer + "/in",
                    "parameter '" + name + "' is in '" + in + "', which Swagger 2.0"
                            + " does not have (query, header, path, formData, body); it is left out");
            return;
        }
        if (in.equals("body")) {
            return;
        }
        if (!parameter.has("type")) {
            parameter.put("type", "string");
        }
        String type = parameter.path("type").asText();
        JsonNode values = parameter.get("enum");
        if (values != null && values.isArray() && (type.equals("integer") || type.equals("number"))) {
            for (JsonNode value : values) {
                if (!convertible(value.asText(), type)) {
                    parameter.remove("enum");
                    problems.warningInFile(
                            pointer + "/enum",
                            "the enum of " + type + " parameter '" + name
                                    + "' has the value " + value + ", which swagger-parser cannot read as "
                                    + (type.equals("integer") ? "a 32-bit integer" : "a number")
                                    + "; the enum is left out (the parameter accepts any " + type + ")");
                    return;
                }
            }
        }
    }

    /** Whether swagger-parser's converter can turn an enum value (as text) into the parameter's type. */
    private static boolean convertible(String text, String type) {
        try {
            if (type.equals("integer")) {
                Integer.parseInt(text);
            } else {
                new BigDecimal(text);
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
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
