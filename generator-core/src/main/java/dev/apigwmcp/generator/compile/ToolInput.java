package dev.apigwmcp.generator.compile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * A tool's arguments, decided by {@link InputSchemaBuilder}.
 *
 * @param schema    JSON Schema 2020-12 of the arguments (an object schema; never shared, never mutated)
 * @param arguments parameter arguments in schema order
 * @param body      the body argument, or {@code null}
 */
public record ToolInput(ObjectNode schema, List<ArgumentBinding> arguments, BodyBinding body) {
    public ToolInput {
        Objects.requireNonNull(schema, "schema");
        arguments = List.copyOf(arguments);
    }
}
