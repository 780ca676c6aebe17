package dev.apigwmcp.runtime.execution;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Validates tool arguments against the tool's input schema (JSON Schema 2020-12). Each schema is compiled once, on
 * the tool's first call (or all at start when asked): compiling every schema of a large API at start would delay
 * the first answer, while a first call pays only for its own tool's schema.
 */
final class ArgumentValidator {

    /** At most this many problems are reported; the rest are summarised. */
    private static final int MAX_PROBLEMS = 20;

    private final ConcurrentHashMap<String, Schema> compiled = new ConcurrentHashMap<>();
    /** Created on first use: loading the library takes a few hundred ms of a cold start that does not need it. */
    private volatile SchemaRegistry registry;

    /** Compiles the schema of {@code tool} now if it is not yet; throws on an invalid schema. */
    void compile(String tool, Supplier<JsonNode> inputSchema) {
        schema(tool, inputSchema);
    }

    private SchemaRegistry registry() {
        SchemaRegistry current = registry;
        if (current == null) {
            synchronized (this) {
                current = registry;
                if (current == null) {
                    current = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
                    registry = current;
                }
            }
        }
        return current;
    }

    private Schema schema(String tool, Supplier<JsonNode> inputSchema) {
        return compiled.computeIfAbsent(tool, name -> {
            // Read here, not at start: only the schemas of tools that are called ever become trees.
            Schema schema = registry().getSchema(inputSchema.get());
            // Validators are built lazily inside the library; build them here, once, not racing on a first call.
            schema.initializeValidators();
            return schema;
        });
    }

    /**
     * Loads the validator library and its 2020-12 meta-schemas (the slow part; each tool schema is cheap after it)
     * without touching any tool's schema.
     */
    void warmUp() {
        registry()
                .getSchema(tools.jackson.databind.node.JsonNodeFactory.instance
                        .objectNode()
                        .put("type", "object"))
                .validate(tools.jackson.databind.node.JsonNodeFactory.instance.objectNode());
    }

    /** One line per problem ({@code $.path: reason}); empty when the arguments are valid. */
    List<String> validate(String tool, Supplier<JsonNode> inputSchema, JsonNode arguments) {
        return ValidationProblems.describe(schema(tool, inputSchema).validate(arguments), MAX_PROBLEMS);
    }
}
