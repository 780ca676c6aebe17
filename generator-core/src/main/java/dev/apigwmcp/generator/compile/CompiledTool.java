package dev.apigwmcp.generator.compile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigwmcp.generator.model.ApiOperation;
import dev.apigwmcp.generator.model.AuthKind;
import dev.apigwmcp.generator.model.HttpMethod;
import java.util.List;

/**
 * One tool, ready for the emitters: everything about it is decided here, emitters only format.
 *
 * @param target          the target's name
 * @param name            final MCP name (prefix included)
 * @param baseName        name before prefix (for Java class names)
 * @param title           human title (the operation's summary), or {@code null}
 * @param description     final description
 * @param operation       the operation it calls
 * @param anyMethods      for ANY operations the methods it may call; else empty
 * @param inputSchema     JSON Schema 2020-12 of the arguments (an object schema; never shared, never mutated)
 * @param outputSchema    JSON Schema 2020-12 of {@code structuredContent}, or {@code null}
 * @param outputWrap      {@code "result"} when the response body is wrapped as {@code {"result": body}}
 * @param outputMediaType media type of the success response, or {@code null}
 * @param annotations     MCP tool annotations
 * @param arguments       parameter arguments in schema order
 * @param body            the body argument, or {@code null}
 * @param auth            credentials the call needs, sorted, all applied together
 * @param timeoutMs       integration timeout from the export, or {@code null}
 */
public record CompiledTool(
        String target,
        String name,
        String baseName,
        String title,
        String description,
        ApiOperation operation,
        List<HttpMethod> anyMethods,
        ObjectNode inputSchema,
        ObjectNode outputSchema,
        String outputWrap,
        String outputMediaType,
        ObjectNode annotations,
        List<ArgumentBinding> arguments,
        BodyBinding body,
        List<AuthKind> auth,
        Integer timeoutMs) {

    public CompiledTool {
        anyMethods = List.copyOf(anyMethods);
        arguments = List.copyOf(arguments);
        auth = List.copyOf(auth);
    }

    /** {@code GET}, or {@code ANY}. */
    public String method() {
        return operation.method().name();
    }
}
