package dev.apigwmcp.generator.schema;

import dev.apigwmcp.generator.model.JsonPointer;

/**
 * Schemas that live under {@code #/paths} rather than {@code #/components/schemas}: an OpenAPI 3 document may
 * {@code $ref} the schema of another operation's parameter, request body or response (and anything inside it).
 * This finds the pointer of that schema's root, the object the reader deserialises, so the rest of a reference can
 * be followed like one into a component:
 * <pre>
 * /paths/{path}[/{operation}]/parameters/{i}/schema
 * /paths/{path}[/{operation}]/parameters/{i}/content/{media type}/schema
 * /paths/{path}/{operation}/requestBody/content/{media type}/schema
 * /paths/{path}/{operation}/responses/{status}/content/{media type}/schema
 * /paths/{path}/{operation}/responses/{status}/headers/{name}/schema
 * </pre>
 * Pointers stay in their escaped form ({@code ~1} for '/'), as in the document's {@code $ref}s.
 */
public final class PathSchemaPointer {

    private static final String PREFIX = "/paths/";

    private PathSchemaPointer() {}

    /**
     * The pointer (escaped, without '#') of the path schema a local {@code $ref} points into, or {@code null} when
     * the reference is not one (not under {@code #/paths}, malformed, or not at a schema position).
     */
    public static String rootOfRef(String ref) {
        if (ref == null || !ref.startsWith("#" + PREFIX)) {
            return null;
        }
        String pointer = JsonPointer.percentDecode(ref.substring(1));
        return pointer == null ? null : root(pointer);
    }

    /** The root schema's pointer for a decoded JSON pointer under {@code /paths}, or {@code null}. */
    static String root(String pointer) {
        if (!pointer.startsWith(PREFIX)) {
            return null;
        }
        String[] s = pointer.substring(1).split("/", -1); // s[0] = "paths", s[1] = the path item
        if (s.length < 4 || s[1].isEmpty()) {
            return null;
        }
        int i = 2;
        if (!s[i].equals("parameters")) {
            i++; // an operation: get, post, ..., or x-amazon-apigateway-any-method
        }
        int end = switch (at(s, i)) {
            case "parameters" -> parameterSchema(s, i + 2);
            case "requestBody" -> i > 2 ? mediaTypeSchema(s, i + 1) : -1;
            case "responses" -> i > 2 && s.length > i + 2 ? responseSchema(s, i + 2) : -1;
            default -> -1;
        };
        if (end < 0) {
            return null;
        }
        return "/" + String.join("/", java.util.Arrays.copyOfRange(s, 0, end + 1));
    }

    /** After {@code parameters/{i}}: {@code schema} or {@code content/{media type}/schema}. */
    private static int parameterSchema(String[] s, int i) {
        if (!at(s, i - 1).matches("0|[1-9][0-9]{0,8}")) {
            return -1;
        }
        return at(s, i).equals("schema") ? i : mediaTypeSchema(s, i);
    }

    /** After a response's status: {@code content/{media type}/schema} or {@code headers/{name}/schema}. */
    private static int responseSchema(String[] s, int i) {
        if (at(s, i).equals("headers")) {
            return at(s, i + 2).equals("schema") && !s[i + 1].isEmpty() ? i + 2 : -1;
        }
        return mediaTypeSchema(s, i);
    }

    /** {@code content/{media type}/schema} from {@code i}; the index of {@code schema} or -1. */
    private static int mediaTypeSchema(String[] s, int i) {
        return at(s, i).equals("content")
                        && !at(s, i + 1).isEmpty()
                        && at(s, i + 2).equals("schema")
                ? i + 2
                : -1;
    }

    private static String at(String[] s, int i) {
        return i < s.length ? s[i] : "";
    }
}
