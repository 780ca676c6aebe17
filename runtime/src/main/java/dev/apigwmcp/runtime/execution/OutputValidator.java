package dev.apigwmcp.runtime.execution;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Checks candidate {@code structuredContent} against a tool's output schema before it is sent: MCP says it must
 * conform, and spec-following clients throw when it does not. The checks are at least as strict as the official
 * TypeScript SDK client's (ajv with ajv-formats): {@code format} is asserted with the same set of formats
 * ({@link ClientFormats}), {@code multipleOf} is computed in floating point ({@link JavaScriptMultipleOf}) and
 * patterns match as in JavaScript ({@link EcmaScriptPatterns}). Each schema is compiled on the tool's first
 * successful answer. A schema that cannot be compiled or run never breaks calls: it is logged once and the tool's
 * answers are then sent unchecked, as before this check existed.
 */
final class OutputValidator {

    private static final Logger LOG = LoggerFactory.getLogger(OutputValidator.class);

    /** Problems quoted in a result: enough to see what drifted, short enough for a model's context. */
    static final int MAX_PROBLEMS = 5;

    /** Compiled schemas by tool; empty for a schema that cannot be used. */
    private final ConcurrentHashMap<String, Optional<Schema>> compiled = new ConcurrentHashMap<>();
    /** Created on first use: a gateway whose tools have no output schema never loads it. */
    private volatile SchemaRegistry registry;

    private SchemaRegistry registry() {
        SchemaRegistry current = registry;
        if (current == null) {
            synchronized (this) {
                current = registry;
                if (current == null) {
                    Dialect dialect = Dialect.builder(Dialects.getDraft202012())
                            .formats(ClientFormats::align)
                            .keyword(new JavaScriptMultipleOf())
                            .build();
                    current = SchemaRegistry.withDefaultDialect(
                            dialect,
                            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                                    .formatAssertionsEnabled(true)
                                    .regularExpressionFactory(EcmaScriptPatterns.INSTANCE)
                                    .build()));
                    registry = current;
                }
            }
        }
        return current;
    }

    /**
     * The ways {@code candidate} breaks the output schema of {@code tool}, as {@code $.path: reason} lines (at most
     * {@link #MAX_PROBLEMS} and a count of the rest); empty when it conforms or the schema cannot be used.
     */
    List<String> problems(String tool, Supplier<JsonNode> outputSchema, JsonNode candidate) {
        Optional<Schema> schema = compiled.computeIfAbsent(tool, name -> compile(name, outputSchema));
        if (schema.isEmpty()) {
            return List.of();
        }
        try {
            return ValidationProblems.describe(schema.get().validate(candidate), MAX_PROBLEMS);
        } catch (RuntimeException | StackOverflowError e) {
            // A keyword that only fails on some instances (a pattern that backtracks too deep, a recursion limit):
            // from now on this tool's answers go unchecked, which is what they were before the check existed. Only
            // the kind is logged: a message could quote the answer.
            if (compiled.replace(tool, schema, Optional.empty())) {
                LOG.warn(
                        "tool '{}': its output schema cannot be checked ({}); its answers are sent without the"
                                + " conformance check",
                        tool,
                        e.getClass().getName());
            }
            return List.of();
        }
    }

    private Optional<Schema> compile(String tool, Supplier<JsonNode> outputSchema) {
        try {
            Schema schema = registry().getSchema(outputSchema.get());
            schema.initializeValidators();
            return Optional.of(schema);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.warn(
                    "tool '{}': its output schema cannot be compiled ({}); its answers are sent without the"
                            + " conformance check",
                    tool,
                    String.valueOf(e).lines().findFirst().orElse(""));
            return Optional.empty();
        }
    }
}
