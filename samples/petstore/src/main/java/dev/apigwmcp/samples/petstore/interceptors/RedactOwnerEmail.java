package dev.apigwmcp.samples.petstore.interceptors;

import dev.apigwmcp.runtime.spi.InterceptedCall;
import dev.apigwmcp.runtime.spi.InterceptedResult;
import dev.apigwmcp.runtime.spi.ToolInterceptor;
import dev.apigwmcp.runtime.spi.ToolSelector;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Worked example: pets come back with their owner's e-mail address, which the model has no need to see. Every
 * {@code email} member in the structured result becomes {@link #REDACTED}; the gateway then writes the text block
 * that mirrors the structured result again, so the address is gone from both. An error result carries the
 * upstream's body as text (a 4xx message, or an answer off the output schema), so addresses are scrubbed from its
 * text too.
 */
public final class RedactOwnerEmail implements ToolInterceptor {

    /** Still a valid address, so that an output schema asking for {@code format: email} stays satisfied. */
    static final String REDACTED = "redacted@example.invalid";

    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

    @Override
    public int order() {
        // Outermost of the sample's interceptors: its afterCall is the last to touch the result.
        return -100;
    }

    @Override
    public ToolSelector selector() {
        // Every tool: an address is as private in one answer as in another. ToolSelector.tools("petstore___*"),
        // targets(...) or readOnly() would narrow it.
        return ToolSelector.all();
    }

    @Override
    public void afterCall(InterceptedCall call, InterceptedResult result) {
        JsonNode structured = result.structuredContent();
        if (structured != null) {
            redact(structured);
        }
        if (result.isError()) {
            for (JsonNode block : result.result().path("content")) {
                if (block.path("text").isString()) {
                    ((ObjectNode) block)
                            .put(
                                    "text",
                                    ADDRESS.matcher(block.path("text").asString())
                                            .replaceAll(REDACTED));
                }
            }
        }
    }

    private static void redact(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (String name : List.copyOf(object.propertyNames())) {
                JsonNode value = object.get(name);
                if (name.equals("email") && value.isString()) {
                    object.put(name, REDACTED);
                } else {
                    redact(value);
                }
            }
        } else if (node.isArray()) {
            node.forEach(RedactOwnerEmail::redact);
        }
    }
}
