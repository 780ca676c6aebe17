package dev.apigwmcp.generator.agentcore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigwmcp.generator.model.JsonPointer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One JSON object of the AgentCore file, read member by member: a missing required member or a wrong type is an
 * error at its JSON pointer, and {@link #unread} turns every member nobody read into a note, so nothing in the file
 * is dropped without a word.
 */
final class JsonObject {

    private final JsonNode node;
    private final String pointer;
    private final Findings findings;
    private final Set<String> read = new LinkedHashSet<>();

    private JsonObject(JsonNode node, String pointer, Findings findings) {
        this.node = node;
        this.pointer = pointer;
        this.findings = findings;
    }

    /** The object at {@code pointer}, or {@code null} (with an error) when {@code node} is not an object. */
    static JsonObject of(JsonNode node, String pointer, Findings findings) {
        if (!node.isObject()) {
            findings.error(pointer, "must be a JSON object, is " + kind(node));
            return null;
        }
        return new JsonObject(node, pointer, findings);
    }

    String pointer() {
        return pointer;
    }

    String pointer(String member) {
        return JsonPointer.append(pointer, member);
    }

    boolean has(String member) {
        return node.has(member) && !node.get(member).isNull();
    }

    /** The member names, in file order. */
    List<String> members() {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Marks members as known and deliberately not imported (read-only state such as {@code status}). */
    void ignore(String... members) {
        read.addAll(List.of(members));
    }

    /** A string member; blank counts as missing. */
    String string(String member, boolean required) {
        JsonNode value = value(member, required);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            findings.error(pointer(member), "must be a string, is " + kind(value));
            return null;
        }
        if (value.asText().isBlank()) {
            if (required) {
                findings.error(pointer(member), "is empty");
            }
            return null;
        }
        return value.asText().trim();
    }

    /** An optional string member exactly as written, surrounding spaces included. */
    String rawString(String member) {
        JsonNode value = value(member, false);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            findings.error(pointer(member), "must be a string, is " + kind(value));
            return null;
        }
        return value.asText();
    }

    JsonObject object(String member, boolean required) {
        JsonNode value = value(member, required);
        return value == null ? null : of(value, pointer(member), findings);
    }

    /** An array of objects; {@code null} when absent (or wrong, with an error). */
    List<JsonObject> objects(String member, boolean required) {
        JsonNode value = array(member, required);
        if (value == null) {
            return null;
        }
        List<JsonObject> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonObject element = of(value.get(i), pointer(member) + "/" + i, findings);
            if (element != null) {
                out.add(element);
            }
        }
        return out;
    }

    /** An array of strings; {@code null} when absent (or wrong, with an error). */
    List<String> strings(String member, boolean required) {
        JsonNode value = array(member, required);
        if (value == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            if (element.isTextual()) {
                out.add(element.asText().trim());
            } else {
                findings.error(pointer(member) + "/" + i, "must be a string, is " + kind(element));
            }
        }
        return out;
    }

    /** A note for every member that was neither read nor ignored. */
    void unread(String reason) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!read.contains(name)) {
                findings.note(pointer(name), reason);
            }
        }
    }

    private JsonNode array(String member, boolean required) {
        JsonNode value = value(member, required);
        if (value != null && !value.isArray()) {
            findings.error(pointer(member), "must be a JSON array, is " + kind(value));
            return null;
        }
        return value;
    }

    private JsonNode value(String member, boolean required) {
        read.add(member);
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            if (required) {
                findings.error(pointer(member), "is missing");
            }
            return null;
        }
        return value;
    }

    static String kind(JsonNode node) {
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        return "null";
    }
}
