package dev.apigwmcp.generator.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigwmcp.generator.model.HttpMethod;
import java.util.Iterator;
import java.util.function.Consumer;

/**
 * Takes out of an OpenAPI 3 tree what the generator never reads, before swagger-parser turns it into objects:
 * example objects ({@code components.examples} and the {@code examples} of media types; schema examples stay) and
 * specification extensions at the root, on path items and on operations, except API Gateway's
 * ({@code x-amazon-apigateway-*}). swagger-parser converts every extension value into maps and lists one by one,
 * and large descriptions carry megabytes of both (BENCHMARKS.md, "Generator"). None of it can reach a tool, so
 * leaving it out changes no output; the only
 * messages that go with it are swagger-parser's notes on malformed example objects, which nothing uses.
 */
final class UnreadMembers {

    private static final String KEPT_EXTENSIONS = "x-amazon-apigateway-";

    private UnreadMembers() {}

    /** Removes the unread members from {@code root} (in place) and returns it. */
    static JsonNode prune(JsonNode root) {
        if (!(root instanceof ObjectNode document)) {
            return root;
        }
        removeExtensions(document);
        if (document.get("components") instanceof ObjectNode components) {
            components.remove("examples");
            eachObject(components.get("responses"), UnreadMembers::removeContentExamples);
            eachObject(components.get("requestBodies"), UnreadMembers::removeContentExamples);
        }
        eachObject(document.get("paths"), item -> {
            removeExtensions(item);
            for (HttpMethod method : HttpMethod.values()) {
                // API Gateway's ANY method (an extension, kept as written) is read as a whole by the model builder.
                if (method != HttpMethod.ANY && item.get(method.key()) instanceof ObjectNode operation) {
                    removeExtensions(operation);
                    removeContentExamples(operation.get("requestBody"));
                    eachObject(operation.get("responses"), UnreadMembers::removeContentExamples);
                }
            }
        });
        return root;
    }

    private static void removeExtensions(ObjectNode object) {
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (name.startsWith("x-") && !name.startsWith(KEPT_EXTENSIONS)) {
                names.remove();
            }
        }
    }

    /** The {@code examples} of each media type under a request body's or response's {@code content}. */
    private static void removeContentExamples(JsonNode bodyOrResponse) {
        if (bodyOrResponse instanceof ObjectNode object) {
            eachObject(object.get("content"), mediaType -> mediaType.remove("examples"));
        }
    }

    private static void eachObject(JsonNode map, Consumer<ObjectNode> action) {
        if (map instanceof ObjectNode object) {
            for (JsonNode value : object) {
                if (value instanceof ObjectNode member) {
                    action.accept(member);
                }
            }
        }
    }
}
