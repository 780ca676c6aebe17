package dev.apigwmcp.generator.compile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigwmcp.generator.model.ApiOperation;
import dev.apigwmcp.generator.model.AuthKind;
import dev.apigwmcp.generator.model.HttpMethod;
import java.util.List;
import java.util.Objects;

/**
 * One tool, ready for the emitters: everything about it is decided by the compile steps, emitters only format.
 * Each part is the result of the one step that owns that decision.
 *
 * @param target      the target's name
 * @param naming      the name ({@link ToolNaming})
 * @param text        title and description ({@link ToolDescriber})
 * @param operation   the operation it calls
 * @param anyMethods  for ANY operations the methods it may call; else empty
 * @param input       arguments and their schema ({@link InputSchemaBuilder})
 * @param output      result shape ({@link OutputSchemaBuilder})
 * @param annotations MCP tool annotations ({@link ToolAnnotations})
 * @param auth        credentials the call needs, sorted, all applied together ({@link AuthResolver})
 */
public record CompiledTool(
        String target,
        ToolName naming,
        ToolText text,
        ApiOperation operation,
        List<HttpMethod> anyMethods,
        ToolInput input,
        ToolOutput output,
        ObjectNode annotations,
        List<AuthKind> auth) {

    public CompiledTool {
        Objects.requireNonNull(naming, "naming");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        anyMethods = List.copyOf(anyMethods);
        auth = List.copyOf(auth);
    }

    /** The same tool under another name. */
    CompiledTool withNaming(ToolName other) {
        return new CompiledTool(target, other, text, operation, anyMethods, input, output, annotations, auth);
    }

    /** Final MCP name (prefix included). */
    public String name() {
        return naming.name();
    }

    /** Name before prefix (for Java class names). */
    public String baseName() {
        return naming.baseName();
    }

    /** Human title (the operation's summary), or {@code null}. */
    public String title() {
        return text.title();
    }

    public String description() {
        return text.description();
    }

    /** JSON Schema 2020-12 of the arguments (an object schema; never shared, never mutated). */
    public ObjectNode inputSchema() {
        return input.schema();
    }

    /** Parameter arguments in schema order. */
    public List<ArgumentBinding> arguments() {
        return input.arguments();
    }

    /** The body argument, or {@code null}. */
    public BodyBinding body() {
        return input.body();
    }

    /** JSON Schema 2020-12 of {@code structuredContent}, or {@code null}. */
    public ObjectNode outputSchema() {
        return output.schema();
    }

    /** {@code "result"} when the response body is wrapped as {@code {"result": body}}. */
    public String outputWrap() {
        return output.wrap();
    }

    /** Media type of the success response, or {@code null}. */
    public String outputMediaType() {
        return output.mediaType();
    }

    /** Integration timeout from the export, or {@code null}. */
    public Integer timeoutMs() {
        return operation.timeoutMs();
    }

    /** {@code GET}, or {@code ANY}. */
    public String method() {
        return operation.method().name();
    }
}
