package dev.apigwmcp.generator.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigwmcp.generator.model.MediaTypes;
import dev.apigwmcp.generator.problem.ProblemCollector;
import java.util.Set;
import java.util.TreeSet;

/**
 * The export's {@code x-amazon-apigateway-binary-media-types}: the media types API Gateway passes through as bytes.
 * The console and CLI write a type's {@code /} as {@code ~1} (a JSON Patch path); both spellings are read.
 */
final class BinaryMediaTypes {

    static final String EXTENSION = "x-amazon-apigateway-binary-media-types";

    private BinaryMediaTypes() {}

    /** The listed types, lower case without parameters; an entry that is not a media type is warned about. */
    static Set<String> read(JsonNode root, ProblemCollector problems) {
        JsonNode list = root == null ? null : root.get(EXTENSION);
        if (list == null || list.isNull()) {
            return Set.of();
        }
        String pointer = "/" + EXTENSION;
        if (!list.isArray()) {
            problems.warning(pointer, EXTENSION + " is not a list of media types and is ignored");
            return Set.of();
        }
        Set<String> types = new TreeSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            String type =
                    entry.isTextual() ? MediaTypes.essence(entry.textValue().replace("~1", "/")) : "";
            if (type.indexOf('/') <= 0 || type.endsWith("/")) {
                problems.warning(
                        pointer + "/" + i,
                        "binary media type " + entry + " is not a media type (type/subtype) and is ignored");
            } else {
                types.add(type);
            }
        }
        return types;
    }
}
