package dev.apigwmcp.samples.realexports;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Judges one client call of one tool against what the export means, one aspect per method: the call completed in
 * the client (no throw, no tool error, since the upstream answers 2xx); it reached the upstream exactly once with the
 * method and path the export defines (stage path kept); with the credentials the export asks for; and its result
 * carries the upstream's answer (text verbatim or as equal JSON, an image as the same bytes).
 *
 * @param stagePath   the export's stage path
 * @param credentials the credential check of the call's target
 */
record CallJudge(String stagePath, CredentialCheck credentials) {

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Whether the call completed in the client: no throw, and no tool error (every shape is a 2xx answer) — except
     * the runtime's documented fallback: a tool with an output schema whose answer cannot be sent as conforming
     * {@code structuredContent} is a tool error that says so first (the body follows; {@link #content} checks it).
     *
     * @param outputSchema the tool's {@code outputSchema} as listed, or a missing node
     */
    static List<String> completion(ClientCall call, JsonNode outputSchema) {
        if (call.threw()) {
            return List.of("client threw: " + call.message());
        }
        if (call.isError()) {
            boolean documentedFallback = outputSchema.isObject()
                    && call.result().path("content").size() >= 2
                    && !call.texts().isEmpty()
                    && call.texts().get(0).contains("output schema");
            if (!documentedFallback) {
                return List.of("tool error although the upstream answers 2xx: " + call.firstText());
            }
            if (call.structured()) {
                return List.of("a tool error with structuredContent: " + call.firstText());
            }
        }
        return List.of();
    }

    /**
     * Whether the call reached the upstream once, with the method and path of the export's operation.
     *
     * @param operation the export's operation the tool stands for, or {@code null} when none matches
     */
    List<String> request(ClientCall call, OperationExpectation operation, List<UpstreamExchange> exchanges) {
        if (exchanges.isEmpty()) {
            return List.of("no upstream request" + (call.threw() || call.isError() ? " (see the call's failure)" : ""));
        }
        List<String> problems = new ArrayList<>();
        if (exchanges.size() > 1) {
            problems.add(exchanges.size() + " upstream requests for one call");
        }
        if (operation != null) {
            Set<String> consumed = new HashSet<>();
            problems.addAll(methodAndPath(call, operation, exchanges.get(0), consumed));
            problems.addAll(otherArguments(call, exchanges.get(0), consumed));
        }
        return problems;
    }

    /** Whether each upstream request of the call carried exactly the credentials the operation needs. */
    List<String> credentials(OperationExpectation operation, List<UpstreamExchange> exchanges) {
        List<String> problems = new ArrayList<>();
        if (operation != null) {
            exchanges.forEach(exchange -> problems.addAll(credentials.problems(exchange, operation.credentials())));
        }
        return problems;
    }

    /**
     * Whether the result carries the upstream's answer, also in the output-schema fallback (HEAD answers have no
     * body to carry).
     */
    static List<String> content(ClientCall call, List<UpstreamExchange> exchanges) {
        if (call.threw()
                || exchanges.isEmpty()
                || "HEAD".equals(exchanges.get(0).method())) {
            return List.of();
        }
        return carried(call, exchanges.get(0).shape());
    }

    /** Checks method and path; adds the arguments they consumed (method, path variables) to {@code consumed}. */
    private List<String> methodAndPath(
            ClientCall call, OperationExpectation operation, UpstreamExchange exchange, Set<String> consumed) {
        List<String> problems = new ArrayList<>();
        String method = operation.method();
        if (method.equals("ANY")) {
            // 'httpMethod' when a parameter already took the name 'method' (the generator's rule).
            String argument = call.arguments().has("httpMethod") ? "httpMethod" : "method";
            JsonNode chosen = call.arguments().get(argument);
            consumed.add(argument);
            method = chosen == null ? null : chosen.asString().toUpperCase(Locale.ROOT);
            if (method == null) {
                problems.add("ANY tool has no 'method' (or 'httpMethod') argument");
            }
        }
        if (method != null && !method.equals(exchange.method())) {
            problems.add("sent " + exchange.method() + ", expected " + method);
        }
        StringBuilder expected = new StringBuilder(stagePath);
        Matcher variables = PATH_VARIABLE.matcher(operation.path());
        int end = 0;
        boolean complete = true;
        while (variables.find()) {
            expected.append(operation.path(), end, variables.start());
            end = variables.end();
            String variable = variables.group(1);
            boolean greedy = variable.endsWith("+");
            String name = greedy ? variable.substring(0, variable.length() - 1) : variable;
            String argument = call.arguments().has(name) ? name : name.replaceAll("[^A-Za-z0-9_.-]", "_");
            JsonNode value = call.arguments().get(argument);
            consumed.add(argument);
            if (value == null || value.isNull() || value.isContainer()) {
                problems.add("the tool has no argument for path variable {" + variable + "}");
                complete = false;
                continue;
            }
            expected.append(encode(value.asString(), greedy));
        }
        expected.append(operation.path().substring(end));
        String path = expected.isEmpty() ? "/" : expected.toString();
        // API Gateway serves a stage's root resource at both /stage and /stage/.
        boolean root = operation.path().equals("/") && exchange.rawPath().equals(stagePath) && !stagePath.isEmpty();
        if (complete && !path.equals(exchange.rawPath()) && !root) {
            problems.add("sent path " + exchange.rawPath() + ", expected " + path);
        }
        return problems;
    }

    /**
     * Checks that the other arguments reached the request: a body argument ({@code body}, or {@code requestBody}
     * when a parameter took that name) as an equal JSON body, and each scalar as a query parameter or header of its
     * name with its text. Arrays and objects outside the body are not checked (their serialisation has many forms).
     */
    private static List<String> otherArguments(ClientCall call, UpstreamExchange exchange, Set<String> consumed) {
        List<String> problems = new ArrayList<>();
        String bodyArgument = call.arguments().has("requestBody") ? "requestBody" : "body";
        Map<String, List<String>> query = CredentialCheck.queryValues(exchange.rawQuery());
        for (Map.Entry<String, JsonNode> argument : call.arguments().properties()) {
            String name = argument.getKey();
            JsonNode value = argument.getValue();
            if (consumed.contains(name)) {
                continue;
            }
            if (name.equals(bodyArgument)) {
                if (!sameBody(exchange, value)) {
                    problems.add("argument '" + name + "' did not arrive as the request body (received "
                            + (exchange.body().length == 0 ? "no body" : shorten(exchange.bodyText())) + ")");
                }
            } else if (value.isValueNode() && !value.isNull()) {
                String text = value.asString();
                List<String> sentType = exchange.headers().get("content-type");
                if (name.startsWith("contentType") && sentType != null && sentType.contains(text)) {
                    continue; // the media type argument of a binary body with a range of types
                }
                boolean inQuery = query.getOrDefault(name, List.of()).contains(text);
                List<String> header = exchange.headers().get(name.toLowerCase(Locale.ROOT));
                if (inQuery || (header != null && header.contains(text))) {
                    continue;
                }
                if (query.containsKey(name)) {
                    problems.add("argument '" + name + "' is " + text + " but query parameter " + name + " was sent as "
                            + query.get(name));
                } else if (header != null) {
                    problems.add(
                            "argument '" + name + "' is " + text + " but header " + name + " was sent as " + header);
                } else {
                    problems.add("argument '" + name + "' (" + text + ") was sent neither as query parameter nor"
                            + " as header " + name);
                }
            }
        }
        return problems;
    }

    /**
     * Whether the body argument arrived: as equal JSON, or, for a string argument, as its text (XML and other text
     * bodies) or as the bytes its base64 stands for (binary bodies).
     */
    private static boolean sameBody(UpstreamExchange exchange, JsonNode value) {
        if (sameJson(exchange.bodyText(), value.toString())) {
            return true;
        }
        if (!value.isString()) {
            return false;
        }
        if (exchange.bodyText().equals(value.asString())) {
            return true;
        }
        try {
            // Either alphabet, as the gateway reads it (a model may send URL-safe base64).
            String standard =
                    value.asString().replaceAll("\\s", "").replace('-', '+').replace('_', '/');
            return java.util.Arrays.equals(java.util.Base64.getDecoder().decode(standard), exchange.body());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String shorten(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "..." : text;
    }

    private static List<String> carried(ClientCall call, AnswerShape shape) {
        if (shape.textual()) {
            boolean carried = call.texts().stream()
                    .anyMatch(text -> text.contains(shape.text()) || (shape.json() && sameJson(text, shape.text())));
            return carried
                    ? List.of()
                    : List.of("the result text does not carry the upstream body (got: " + call.firstText() + ")");
        }
        if (shape == AnswerShape.PNG) {
            String data = Base64.getEncoder().encodeToString(shape.body());
            for (JsonNode item : call.result().path("content")) {
                if ("image".equals(item.path("type").asString())
                        && data.equals(item.path("data").asString())
                        && "image/png".equals(item.path("mimeType").asString())) {
                    return List.of();
                }
            }
            return List.of("the result has no image content with the upstream's PNG");
        }
        return List.of();
    }

    private static boolean sameJson(String text, String body) {
        try {
            return JSON.readTree(text).equals(JSON.readTree(body));
        } catch (JacksonException e) {
            return false;
        }
    }

    /** A path value as one segment (or, greedy, segments), percent-encoded outside RFC 3986's unreserved set. */
    private static String encode(String value, boolean greedy) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || "-._~".indexOf(c) >= 0
                    || (greedy && c == '/')) {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
            }
        }
        return out.toString();
    }
}
