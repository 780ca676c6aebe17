package dev.apigwmcp.generator.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares two JSON Schemas of one tool keyword by keyword and records each difference with its severity. The
 * position (input or output) decides which direction breaks clients; see the package documentation.
 */
final class SchemaComparer {

    /** Where a schema sits: what clients send, or what they get back. */
    enum Position {
        INPUT,
        OUTPUT
    }

    private enum Direction {
        NARROWED,
        WIDENED,
        CHANGED
    }

    /** Keywords handled by their own rules; every other keyword falls to the generic rule. */
    private static final Set<String> STRUCTURAL = Set.of("type", "enum", "properties", "required", "items", "$defs");
    /** Keywords that only document a schema; changing them cannot break a client. */
    private static final Set<String> DOCUMENTATION = Set.of(
            "description",
            "title",
            "examples",
            "example",
            "default",
            "deprecated",
            "$comment",
            "readOnly",
            "writeOnly");
    /** Lower bounds: a larger value admits fewer instances. */
    private static final Set<String> LOWER_BOUNDS =
            Set.of("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties", "minContains");
    /** Upper bounds: a smaller value admits fewer instances. */
    private static final Set<String> UPPER_BOUNDS =
            Set.of("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties", "maxContains");

    private final String tool;
    private final Position position;
    private final List<CatalogChange> changes;

    SchemaComparer(String tool, Position position, List<CatalogChange> changes) {
        this.tool = tool;
        this.position = position;
        this.changes = changes;
    }

    /** Compares the schemas at {@code location} (for example {@code input} or {@code input.body}). */
    void compare(String location, JsonNode before, JsonNode after) {
        if (before.equals(after)) {
            return;
        }
        if (!before.isObject() || !after.isObject()) {
            // Boolean schemas (true/false) or malformed ones: no finer rule applies.
            add(location, ChangeKind.CONSTRAINT_CHANGED, Direction.CHANGED, before + " → " + after);
            return;
        }
        compareTypes(location, before.get("type"), after.get("type"));
        compareEnums(location, before.get("enum"), after.get("enum"));
        compareProperties(location, before, after);
        compareChild(location + "[]", before.get("items"), after.get("items"), "items");
        compareDefs(location, before.get("$defs"), after.get("$defs"));
        compareOtherKeywords(location, before, after);
    }

    private void compareTypes(String location, JsonNode before, JsonNode after) {
        Set<String> old = typeSet(before);
        Set<String> now = typeSet(after);
        if (old == null && now == null || old != null && old.equals(now)) {
            return;
        }
        String detail = describeTypes(old) + " → " + describeTypes(now);
        if (admits(now, old)) {
            add(location, ChangeKind.TYPE_WIDENED, Direction.WIDENED, detail);
        } else if (admits(old, now)) {
            add(location, ChangeKind.TYPE_NARROWED, Direction.NARROWED, detail);
        } else {
            add(location, ChangeKind.TYPE_CHANGED, Direction.CHANGED, detail);
        }
    }

    /** The declared types, or {@code null} when any type is allowed. */
    private static Set<String> typeSet(JsonNode type) {
        if (type == null || type.isNull()) {
            return null;
        }
        Set<String> types = new TreeSet<>();
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else {
            types.add(type.asText());
        }
        return types;
    }

    /** Whether every instance of {@code narrow} is also one of {@code wide} ({@code null} = any type). */
    private static boolean admits(Set<String> wide, Set<String> narrow) {
        if (wide == null) {
            return true;
        }
        if (narrow == null) {
            return false;
        }
        for (String type : narrow) {
            boolean covered = wide.contains(type) || type.equals("integer") && wide.contains("number");
            if (!covered) {
                return false;
            }
        }
        return true;
    }

    private static String describeTypes(Set<String> types) {
        return types == null ? "any" : String.join("|", types);
    }

    private void compareEnums(String location, JsonNode before, JsonNode after) {
        if (before == null && after == null || before != null && before.equals(after)) {
            return;
        }
        if (before == null) {
            add(location, ChangeKind.ENUM_VALUES_REMOVED, Direction.NARROWED, "now restricted to " + after);
            return;
        }
        if (after == null) {
            add(location, ChangeKind.ENUM_VALUES_ADDED, Direction.WIDENED, "no longer restricted to " + before);
            return;
        }
        List<String> removed = minus(before, after);
        List<String> added = minus(after, before);
        if (!removed.isEmpty()) {
            add(location, ChangeKind.ENUM_VALUES_REMOVED, Direction.NARROWED, String.join(", ", removed));
        }
        if (!added.isEmpty()) {
            add(location, ChangeKind.ENUM_VALUES_ADDED, Direction.WIDENED, String.join(", ", added));
        }
    }

    private static List<String> minus(JsonNode values, JsonNode other) {
        Set<JsonNode> remove = new LinkedHashSet<>();
        other.forEach(remove::add);
        List<String> out = new ArrayList<>();
        for (JsonNode value : values) {
            if (!remove.contains(value)) {
                out.add(value.toString());
            }
        }
        return out;
    }

    private void compareProperties(String location, JsonNode before, JsonNode after) {
        JsonNode oldProps = objectOrEmpty(before.get("properties"));
        JsonNode newProps = objectOrEmpty(after.get("properties"));
        Set<String> oldRequired = stringSet(before.get("required"));
        Set<String> newRequired = stringSet(after.get("required"));
        Set<String> names = new TreeSet<>();
        oldProps.fieldNames().forEachRemaining(names::add);
        newProps.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            String child = location + "." + name;
            JsonNode oldProp = oldProps.get(name);
            JsonNode newProp = newProps.get(name);
            boolean wasRequired = oldRequired.contains(name);
            boolean isRequired = newRequired.contains(name);
            if (oldProp == null) {
                propertyAdded(child, isRequired, newProp);
            } else if (newProp == null) {
                propertyRemoved(child, wasRequired);
            } else {
                if (wasRequired != isRequired) {
                    requirednessChanged(child, isRequired);
                }
                compare(child, oldProp, newProp);
            }
        }
    }

    private void propertyAdded(String location, boolean required, JsonNode schema) {
        String detail = (required ? "required" : "optional") + " " + describeTypes(typeSet(schema.get("type")));
        if (position == Position.INPUT) {
            add(location, ChangeKind.ARGUMENT_ADDED, required ? Severity.BREAKING : Severity.COMPATIBLE, detail);
        } else {
            add(location, ChangeKind.OUTPUT_FIELD_ADDED, Severity.COMPATIBLE, detail);
        }
    }

    private void propertyRemoved(String location, boolean wasRequired) {
        String detail = "was " + (wasRequired ? "required" : "optional");
        ChangeKind kind = position == Position.INPUT ? ChangeKind.ARGUMENT_REMOVED : ChangeKind.OUTPUT_FIELD_REMOVED;
        add(location, kind, Severity.BREAKING, detail);
    }

    private void requirednessChanged(String location, boolean nowRequired) {
        if (position == Position.INPUT) {
            add(
                    location,
                    nowRequired ? ChangeKind.ARGUMENT_NOW_REQUIRED : ChangeKind.ARGUMENT_NOW_OPTIONAL,
                    nowRequired ? Severity.BREAKING : Severity.COMPATIBLE,
                    "");
        } else {
            add(
                    location,
                    nowRequired ? ChangeKind.OUTPUT_FIELD_NOW_REQUIRED : ChangeKind.OUTPUT_FIELD_NOW_OPTIONAL,
                    nowRequired ? Severity.COMPATIBLE : Severity.BREAKING,
                    "");
        }
    }

    private void compareChild(String location, JsonNode before, JsonNode after, String keyword) {
        if (before == null && after == null) {
            return;
        }
        if (before == null || after == null) {
            // "items" appearing constrains array elements; disappearing frees them.
            Direction direction = before == null ? Direction.NARROWED : Direction.WIDENED;
            add(
                    location,
                    direction == Direction.NARROWED ? ChangeKind.CONSTRAINT_NARROWED : ChangeKind.CONSTRAINT_WIDENED,
                    direction,
                    keyword + ": " + (before == null ? "none" : before) + " → " + (after == null ? "none" : after));
            return;
        }
        compare(location, before, after);
    }

    private void compareDefs(String location, JsonNode before, JsonNode after) {
        JsonNode oldDefs = objectOrEmpty(before);
        JsonNode newDefs = objectOrEmpty(after);
        Set<String> names = new TreeSet<>();
        oldDefs.fieldNames().forEachRemaining(names::add);
        newDefs.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            compareChild(location + ".$defs." + name, oldDefs.get(name), newDefs.get(name), "$defs/" + name);
        }
    }

    private void compareOtherKeywords(String location, JsonNode before, JsonNode after) {
        Set<String> keywords = new TreeSet<>();
        before.fieldNames().forEachRemaining(keywords::add);
        after.fieldNames().forEachRemaining(keywords::add);
        List<String> documentation = new ArrayList<>();
        for (String keyword : keywords) {
            JsonNode old = before.get(keyword);
            JsonNode now = after.get(keyword);
            if (STRUCTURAL.contains(keyword) || old != null && old.equals(now)) {
                continue;
            }
            String detail = keyword + ": " + (old == null ? "none" : old) + " → " + (now == null ? "none" : now);
            if (DOCUMENTATION.contains(keyword)) {
                documentation.add(keyword);
            } else if (LOWER_BOUNDS.contains(keyword) || UPPER_BOUNDS.contains(keyword)) {
                Direction direction = boundDirection(keyword, old, now);
                ChangeKind kind = switch (direction) {
                    case NARROWED -> ChangeKind.CONSTRAINT_NARROWED;
                    case WIDENED -> ChangeKind.CONSTRAINT_WIDENED;
                    case CHANGED -> ChangeKind.CONSTRAINT_CHANGED;
                };
                add(location, kind, direction, detail);
            } else {
                add(location, ChangeKind.CONSTRAINT_CHANGED, Direction.CHANGED, detail);
            }
        }
        if (!documentation.isEmpty()) {
            add(
                    location,
                    ChangeKind.SCHEMA_DOCUMENTATION_CHANGED,
                    Severity.COMPATIBLE,
                    String.join(", ", documentation));
        }
    }

    private static Direction boundDirection(String keyword, JsonNode old, JsonNode now) {
        boolean lower = LOWER_BOUNDS.contains(keyword);
        if (old == null) {
            return Direction.NARROWED; // a new bound always excludes something
        }
        if (now == null) {
            return Direction.WIDENED;
        }
        if (!old.isNumber() || !now.isNumber()) {
            return Direction.CHANGED; // draft-4 style boolean exclusive bounds: direction unknown
        }
        int cmp = now.decimalValue().compareTo(old.decimalValue());
        boolean tighter = lower ? cmp > 0 : cmp < 0;
        return tighter ? Direction.NARROWED : Direction.WIDENED;
    }

    private void add(String location, ChangeKind kind, Direction direction, String detail) {
        Severity severity = switch (direction) {
            case NARROWED -> position == Position.INPUT ? Severity.BREAKING : Severity.COMPATIBLE;
            case WIDENED -> position == Position.INPUT ? Severity.COMPATIBLE : Severity.BREAKING;
            case CHANGED -> Severity.BREAKING;
        };
        add(location, kind, severity, detail);
    }

    private void add(String location, ChangeKind kind, Severity severity, String detail) {
        changes.add(new CatalogChange(tool, location, kind, severity, detail));
    }

    private static JsonNode objectOrEmpty(JsonNode node) {
        return node != null && node.isObject() ? node : JsonNodeFactory.instance.objectNode();
    }

    private static Set<String> stringSet(JsonNode array) {
        Set<String> out = new TreeSet<>();
        if (array != null && array.isArray()) {
            for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
                out.add(it.next().asText());
            }
        }
        return out;
    }
}
