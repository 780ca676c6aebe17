package dev.apigwmcp.samples.realexports;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One {@code tools/call} the SDK client made, from its transcript.
 *
 * @param call              the call number (announced to the upstream before the call)
 * @param tool              the tool name
 * @param shape             the answer shape the upstream was told to use
 * @param arguments         the arguments sent
 * @param argumentProblems  where the client could not build arguments valid for the inputSchema
 * @param threw             whether {@code client.callTool} threw
 * @param message           the thrown error's message, or {@code null}
 * @param result            the {@code CallToolResult}, or a missing node when it threw
 */
record ClientCall(
        int call,
        String tool,
        String shape,
        JsonNode arguments,
        List<String> argumentProblems,
        boolean threw,
        String message,
        JsonNode result) {

    ClientCall {
        argumentProblems = List.copyOf(argumentProblems);
    }

    static ClientCall of(JsonNode record) {
        List<String> problems = new ArrayList<>();
        record.path("argumentProblems").forEach(problem -> problems.add(problem.asString()));
        return new ClientCall(
                record.path("call").asInt(),
                record.path("tool").asString(),
                record.path("shape").asString(),
                record.path("arguments"),
                problems,
                record.path("threw").asBoolean(false),
                record.has("message") ? record.path("message").asString() : null,
                record.path("result"));
    }

    boolean isError() {
        return result.path("isError").asBoolean(false);
    }

    boolean structured() {
        return result.has("structuredContent");
    }

    /** The texts of the result's text content. */
    List<String> texts() {
        List<String> texts = new ArrayList<>();
        result.path("content").forEach(item -> {
            if ("text".equals(item.path("type").asString())) {
                texts.add(item.path("text").asString());
            }
        });
        return texts;
    }

    /** The result's first text, shortened to one line, for a report. */
    String firstText() {
        List<String> texts = texts();
        if (texts.isEmpty()) {
            return "(no text)";
        }
        String text = texts.get(0).replaceAll("\\s+", " ").strip();
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
