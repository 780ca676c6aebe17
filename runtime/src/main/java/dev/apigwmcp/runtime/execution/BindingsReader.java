package dev.apigwmcp.runtime.execution;

import dev.apigwmcp.runtime.auth.ApiKeyPlacement;
import dev.apigwmcp.runtime.auth.AuthKind;
import dev.apigwmcp.runtime.auth.CredentialLocation;
import dev.apigwmcp.runtime.auth.TokenPlacement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code bindings.json} (format in {@code docs/contract.md}) into {@link TargetBindings}. Every fault names
 * the file and the JSON location, for example {@code tools[2].method}.
 */
final class BindingsReader {

    static final int SUPPORTED_VERSION = 1;

    private final String file;

    BindingsReader(String file) {
        this.file = file;
    }

    TargetBindings read(JsonNode root) {
        object(root, "(root)");
        JsonNode version = root.get("bindingsVersion");
        if (version == null || !version.canConvertToInt() || version.asInt() != SUPPORTED_VERSION) {
            throw fault(
                    "bindingsVersion",
                    "is " + version + "; this runtime reads version " + SUPPORTED_VERSION
                            + " (regenerate the tools with a matching generator)");
        }
        String target = requiredText(root, "target", "target");
        JsonNode server = root.get("server");
        String url = null;
        String region = null;
        if (server != null && !server.isNull()) {
            object(server, "server");
            url = optionalText(server, "url", "server.url");
            region = optionalText(server, "region", "server.region");
        }
        ApiKeyPlacement apiKey = null;
        JsonNode key = root.get("apiKey");
        if (key != null && !key.isNull()) {
            object(key, "apiKey");
            apiKey = new ApiKeyPlacement(location(key, "apiKey.in"), requiredText(key, "name", "apiKey.name"), "");
        }
        JsonNode tools = root.get("tools");
        if (tools == null || !tools.isArray()) {
            throw fault("tools", "must be an array");
        }
        List<ToolBinding> bindings = new ArrayList<>();
        for (int i = 0; i < tools.size(); i++) {
            bindings.add(tool(tools.get(i), "tools[" + i + "]"));
        }
        return new TargetBindings(target, url, region, apiKey, bindings);
    }

    private ToolBinding tool(JsonNode node, String at) {
        object(node, at);
        String name = requiredText(node, "name", at + ".name");
        String method = requiredText(node, "method", at + ".method").toUpperCase(Locale.ROOT);
        String path = requiredText(node, "path", at + ".path");
        List<AuthKind> auth = new ArrayList<>();
        JsonNode authNode = node.get("auth");
        if (authNode != null && !authNode.isNull()) {
            if (!authNode.isArray()) {
                throw fault(at + ".auth", "must be an array");
            }
            for (int i = 0; i < authNode.size(); i++) {
                String kind =
                        authNode.get(i).isString() ? authNode.get(i).stringValue() : String.valueOf(authNode.get(i));
                try {
                    auth.add(AuthKind.valueOf(kind));
                } catch (IllegalArgumentException e) {
                    throw fault(at + ".auth[" + i + "]", "is '" + kind + "'; expected SIGV4, API_KEY, BEARER or BASIC");
                }
            }
        }
        List<ArgumentBinding> arguments = arguments(node.get("arguments"), at + ".arguments");
        BodyBinding body = null;
        JsonNode bodyNode = node.get("body");
        if (bodyNode != null && !bodyNode.isNull()) {
            object(bodyNode, at + ".body");
            body = new BodyBinding(
                    requiredText(bodyNode, "argument", at + ".body.argument"),
                    optionalText(bodyNode, "mediaType", at + ".body.mediaType"),
                    bodyNode.path("required").asBoolean(false));
        }
        OutputBinding output = new OutputBinding(null, null, false);
        JsonNode outputNode = node.get("output");
        if (outputNode != null && !outputNode.isNull()) {
            object(outputNode, at + ".output");
            output = new OutputBinding(
                    optionalText(outputNode, "mediaType", at + ".output.mediaType"),
                    optionalText(outputNode, "wrap", at + ".output.wrap"),
                    outputNode.path("schema").asBoolean(false));
        }
        TokenPlacement token = token(node.get("token"), at + ".token");
        Long timeout = null;
        JsonNode timeoutNode = node.get("timeoutMs");
        if (timeoutNode != null && !timeoutNode.isNull()) {
            if (!timeoutNode.canConvertToLong() || timeoutNode.asLong() <= 0) {
                throw fault(at + ".timeoutMs", "must be a positive number of milliseconds");
            }
            timeout = timeoutNode.asLong();
        }
        return new ToolBinding(
                name,
                optionalText(node, "operationId", at + ".operationId"),
                method,
                path,
                auth,
                arguments,
                body,
                output,
                token,
                timeout);
    }

    /** {@code tools[].arguments}: how each argument reaches the request; empty when absent. */
    private List<ArgumentBinding> arguments(JsonNode args, String at) {
        List<ArgumentBinding> arguments = new ArrayList<>();
        if (args == null || args.isNull()) {
            return arguments;
        }
        if (!args.isArray()) {
            throw fault(at, "must be an array");
        }
        for (int i = 0; i < args.size(); i++) {
            String argAt = at + "[" + i + "]";
            JsonNode arg = args.get(i);
            object(arg, argAt);
            JsonNode explode = arg.get("explode");
            arguments.add(new ArgumentBinding(
                    requiredText(arg, "name", argAt + ".name"),
                    requiredText(arg, "in", argAt + ".in"),
                    optionalText(arg, "parameter", argAt + ".parameter"),
                    arg.path("required").asBoolean(false),
                    arg.path("greedy").asBoolean(false),
                    optionalText(arg, "style", argAt + ".style"),
                    explode == null || explode.isNull() ? null : explode.asBoolean()));
        }
        return arguments;
    }

    /** {@code tools[].token}: where the bearer token goes; {@code null} when absent (the Authorization header). */
    private TokenPlacement token(JsonNode node, String at) {
        if (node == null || node.isNull()) {
            return null;
        }
        object(node, at);
        CredentialLocation in = location(node, at + ".in");
        String name = requiredText(node, "name", at + ".name");
        String nameProblem = TokenPlacement.nameProblem(in, name);
        if (nameProblem != null) {
            throw fault(at + ".name", nameProblem);
        }
        String prefix = optionalText(node, "prefix", at + ".prefix");
        String prefixProblem = prefix == null ? null : TokenPlacement.prefixProblem(prefix);
        if (prefixProblem != null) {
            throw fault(at + ".prefix", prefixProblem);
        }
        return new TokenPlacement(in, name, prefix);
    }

    private CredentialLocation location(JsonNode node, String at) {
        String in = requiredText(node, "in", at);
        return switch (in) {
            case "header" -> CredentialLocation.HEADER;
            case "query" -> CredentialLocation.QUERY;
            default -> throw fault(at, "is '" + in + "'; expected 'header' or 'query'");
        };
    }

    private void object(JsonNode node, String at) {
        if (node == null || !node.isObject()) {
            throw fault(at, "must be a JSON object");
        }
    }

    private String requiredText(JsonNode node, String field, String at) {
        String value = optionalText(node, field, at);
        if (value == null || value.isEmpty()) {
            throw fault(at, "is missing");
        }
        return value;
    }

    private String optionalText(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw fault(at, "must be a string");
        }
        return value.stringValue();
    }

    private IllegalArgumentException fault(String at, String message) {
        return new IllegalArgumentException(file + ": " + at + " " + message);
    }
}
