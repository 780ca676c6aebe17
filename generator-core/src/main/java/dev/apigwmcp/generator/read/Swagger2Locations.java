package dev.apigwmcp.generator.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigwmcp.generator.Problem;
import dev.apigwmcp.generator.model.JsonPointer;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Puts a problem found in the OpenAPI 3 model that swagger-parser converted from a Swagger 2.0 export back into
 * the user's file: its JSON pointer into the original document, and the sections its message names into their
 * Swagger 2 names. The conversion moves things: {@code definitions} become {@code components.schemas}, a body
 * parameter becomes {@code requestBody/content/<type>/schema} (and leaves the parameter list, so the indices of
 * the parameters after it shift), a response's {@code schema} moves under {@code content/<type>}, a parameter's
 * own keywords move under {@code schema}, {@code host}/{@code basePath}/{@code schemes} become {@code servers}.
 *
 * <p>Every pointer this gives exists in the original document: a part that has no counterpart there (a keyword
 * the conversion added) is cut back to the nearest enclosing node that exists.
 */
final class Swagger2Locations implements UnaryOperator<Problem> {

    private static final Set<String> SERIALIZABLE = Set.of("query", "header", "path");
    /** The converted model's vocabulary in messages, and the Swagger 2 words for it. */
    private static final List<String[]> WORDS = List.of(
            new String[] {"components.securitySchemes", "securityDefinitions"},
            new String[] {"#/components/schemas/", "#/definitions/"},
            new String[] {"#/components/schemas", "#/definitions"},
            new String[] {"#/components/parameters/", "#/parameters/"},
            new String[] {"#/components/requestBodies/", "#/parameters/"},
            new String[] {"#/components/responses/", "#/responses/"},
            new String[] {"#/components/securitySchemes/", "#/securityDefinitions/"});

    /** How many references a pointer is followed through (a chain of them, or a cycle). */
    private static final int MAX_JUMPS = 8;

    private final JsonNode original;

    Swagger2Locations(JsonNode original) {
        this.original = original;
    }

    @Override
    public Problem apply(Problem problem) {
        if (problem.file() == null) {
            return problem; // configuration, not the export
        }
        return new Problem(problem.target(), problem.file(), pointer(problem.pointer()), message(problem.message()));
    }

    /** The pointer into the original document of a pointer into the converted model. */
    String pointer(String converted) {
        if (converted == null || converted.isEmpty()) {
            return converted;
        }
        if (!converted.startsWith("/")) {
            return "";
        }
        return existing(translate(converted.substring(1).split("/", -1)));
    }

    /** The message with the converted model's section names replaced by the Swagger 2 ones. */
    static String message(String message) {
        if (!message.contains("components")) {
            return message;
        }
        String out = message;
        for (String[] word : WORDS) {
            out = out.replace(word[0], word[1]);
        }
        return out;
    }

    private String translate(String[] s) {
        return switch (s[0]) {
            case "components" -> s.length < 3 ? "" : component(s);
            case "servers" -> firstExisting("/host", "/basePath", "/schemes");
            case "paths" -> s.length < 3 ? join(s, 0) : path(s);
            default -> join(s, 0);
        };
    }

    private String component(String[] s) {
        String name = s[2];
        String[] rest = Arrays.copyOfRange(s, 3, s.length);
        return switch (s[1]) {
            case "schemas" -> "/definitions/" + name + join(rest, 0);
            case "parameters" -> "/parameters/" + name + parameterRest(rest);
            case "requestBodies" -> "/parameters/" + name + bodyRest(rest);
            case "responses" -> "/responses/" + name + responseRest(rest);
            case "securitySchemes" -> "/securityDefinitions/" + name + join(rest, 0);
            default -> "";
        };
    }

    /** {@code /paths/<path>/...}: path-level parameters, or an operation's parameters, body and responses. */
    private String path(String[] s) {
        String item = "/paths/" + s[1];
        if (s[2].equals("parameters")) {
            // The converter keeps every path-level parameter, in order.
            return s.length < 4
                    ? item + "/parameters"
                    : item + "/parameters/" + s[3] + parameterRest(Arrays.copyOfRange(s, 4, s.length));
        }
        String operation = item + "/" + s[2];
        if (s.length < 4) {
            return operation;
        }
        String[] rest = Arrays.copyOfRange(s, 4, s.length);
        return switch (s[3]) {
            case "parameters" ->
                s.length < 5
                        ? operation + "/parameters"
                        : parameter(operation, s[4]) + parameterRest(Arrays.copyOfRange(s, 5, s.length));
            case "requestBody" -> body(operation, rest);
            case "responses" ->
                s.length < 5
                        ? operation + "/responses"
                        : operation + "/responses/" + s[4] + responseRest(Arrays.copyOfRange(s, 5, s.length));
            default -> join(s, 0);
        };
    }

    /** The original parameter behind the converted list's {@code index}: body and formData ones left that list. */
    private String parameter(String operation, String index) {
        int wanted;
        try {
            wanted = Integer.parseInt(index);
        } catch (NumberFormatException e) {
            return operation + "/parameters";
        }
        JsonNode parameters = at(operation + "/parameters");
        int converted = -1;
        for (int i = 0; i < parameters.size(); i++) {
            if (staysAParameter(parameters.get(i)) && ++converted == wanted) {
                return operation + "/parameters/" + i;
            }
        }
        return operation + "/parameters";
    }

    /** Whether swagger-parser keeps this Swagger 2 parameter as an OpenAPI 3 parameter. */
    private boolean staysAParameter(JsonNode parameter) {
        if (!parameter.isObject()) {
            return false;
        }
        JsonNode ref = parameter.get("$ref");
        if (ref != null) {
            if (!ref.isTextual()) {
                return false;
            }
            // A reference to a body or form parameter of the document becomes the body; any other stays.
            String in = in(parameter);
            return !in.equals("body") && !in.equals("formData");
        }
        return SERIALIZABLE.contains(parameter.path("in").asText());
    }

    /** The body parameter (or, for a form, the formData parameter a property stands for). */
    private String body(String operation, String[] rest) {
        JsonNode parameters = at(operation + "/parameters");
        for (int i = 0; i < parameters.size(); i++) {
            if (in(parameters.get(i)).equals("body")) {
                return operation + "/parameters/" + i + bodyRest(rest);
            }
        }
        // A form: content/<type>/schema/properties/<name>/... is the formData parameter <name>.
        if (rest.length >= 5 && rest[0].equals("content") && rest[2].equals("schema") && rest[3].equals("properties")) {
            String name = JsonPointer.unescape(rest[4]);
            for (int i = 0; i < parameters.size(); i++) {
                JsonNode parameter = resolved(parameters.get(i));
                if (in(parameters.get(i)).equals("formData")
                        && name.equals(parameter.path("name").asText())) {
                    return operation + "/parameters/" + i + join(rest, 5);
                }
            }
        }
        for (int i = 0; i < parameters.size(); i++) {
            if (in(parameters.get(i)).equals("formData")) {
                return operation + "/parameters/" + i; // the form as a whole: its first field
            }
        }
        return operation + "/parameters";
    }

    /** A parameter's {@code in}, through a reference to the document's parameters. */
    private String in(JsonNode parameter) {
        return resolved(parameter).path("in").asText();
    }

    private JsonNode resolved(JsonNode parameter) {
        JsonNode ref = parameter.get("$ref");
        if (ref != null && ref.isTextual()) {
            String pointer = JsonPointer.ofLocalRef(ref.textValue());
            return pointer == null ? parameter : at(pointer);
        }
        return parameter;
    }

    /** The node at {@code pointer} in the original document; missing for a malformed pointer too. */
    private JsonNode at(String pointer) {
        try {
            return original.at(pointer);
        } catch (IllegalArgumentException e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }

    /** Below a non-body parameter: its schema's keywords are the parameter's own. */
    private static String parameterRest(String[] rest) {
        if (rest.length > 0 && rest[0].equals("schema")) {
            return join(rest, 1);
        }
        if (rest.length >= 3 && rest[0].equals("content")) {
            return join(rest, 3);
        }
        return join(rest, 0);
    }

    /** Below a body: {@code content/<type>/schema/...} is the body parameter's {@code schema/...}. */
    private static String bodyRest(String[] rest) {
        if (rest.length >= 3 && rest[0].equals("content") && rest[2].equals("schema")) {
            return "/schema" + join(rest, 3);
        }
        if (rest.length > 0 && rest[0].equals("content")) {
            return "/schema";
        }
        return join(rest, 0);
    }

    /** Below a response: {@code content/<type>/schema/...} is its {@code schema/...}; headers carry no schema. */
    private static String responseRest(String[] rest) {
        if (rest.length >= 3 && rest[0].equals("content") && rest[2].equals("schema")) {
            return "/schema" + join(rest, 3);
        }
        if (rest.length > 0 && rest[0].equals("content")) {
            return "/schema";
        }
        if (rest.length >= 3 && rest[0].equals("headers")) {
            return "/headers/" + rest[1] + parameterRest(Arrays.copyOfRange(rest, 2, rest.length));
        }
        return join(rest, 0);
    }

    private String firstExisting(String... pointers) {
        for (String pointer : pointers) {
            if (!at(pointer).isMissingNode()) {
                return pointer;
            }
        }
        return "";
    }

    /**
     * {@code pointer} followed through the original document. Where it goes on below a {@code $ref} object (the
     * converted model has the referenced parameter, body or response in place) it goes on at the reference's
     * target; where it leads nowhere, the last node it reached.
     */
    private String existing(String pointer) {
        String[] tokens = pointer.substring(1).split("/", -1);
        String reached = "";
        JsonNode node = original;
        int jumps = 0;
        for (int i = 0; i < tokens.length; i++) {
            JsonNode child = child(node, tokens[i]);
            if (child == null
                    && jumps < MAX_JUMPS
                    && node.get("$ref") != null
                    && node.get("$ref").isTextual()) {
                String target = JsonPointer.ofLocalRef(node.get("$ref").textValue());
                if (target != null && !at(target).isMissingNode()) {
                    jumps++;
                    reached = target;
                    node = at(target);
                    i--;
                    continue;
                }
            }
            if (child == null) {
                break;
            }
            reached = reached + "/" + tokens[i];
            node = child;
        }
        return reached;
    }

    private static JsonNode child(JsonNode node, String token) {
        if (node.isObject()) {
            return node.get(JsonPointer.unescape(token));
        }
        if (node.isArray()) {
            try {
                return node.get(Integer.parseInt(token));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** The tokens from {@code from} on, each after a '/'. */
    private static String join(String[] tokens, int from) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < tokens.length; i++) {
            out.append('/').append(tokens[i]);
        }
        return out.toString();
    }
}
