package dev.apigwmcp.generator.emit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigwmcp.generator.GeneratedFile;
import dev.apigwmcp.generator.compile.ArgumentBinding;
import dev.apigwmcp.generator.compile.BodyBinding;
import dev.apigwmcp.generator.compile.CompiledTarget;
import dev.apigwmcp.generator.compile.CompiledTool;
import dev.apigwmcp.generator.compile.TokenLocation;
import dev.apigwmcp.generator.model.AuthKind;

/** Writes {@code bindings.json}: how each tool of a target maps to HTTP (format in docs/contract.md). */
public final class BindingsEmitter {

    public static final int VERSION = 1;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    public GeneratedFile emit(CompiledTarget target) {
        ObjectNode root = JSON.objectNode();
        root.put("bindingsVersion", VERSION);
        root.put("target", target.name());
        root.put("source", target.config().displayFile());
        ObjectNode server = root.putObject("server");
        server.put("url", target.serverUrl());
        server.put("region", target.region());
        if (target.apiKeyName() == null) {
            root.putNull("apiKey");
        } else {
            ObjectNode apiKey = root.putObject("apiKey");
            apiKey.put("in", target.apiKeyIn());
            apiKey.put("name", target.apiKeyName());
        }
        ArrayNode tools = root.putArray("tools");
        for (CompiledTool tool : target.tools()) {
            tools.add(tool(tool));
        }
        return GeneratedFile.text(
                GeneratedFile.Kind.RESOURCE,
                ResourcePaths.targetFolder(target.name()) + "bindings.json",
                JsonOutput.pretty(root));
    }

    private static ObjectNode tool(CompiledTool tool) {
        ObjectNode node = JSON.objectNode();
        node.put("name", tool.name());
        node.put("operationId", tool.operation().operationId());
        node.put("method", tool.method());
        node.put("path", tool.operation().path());
        ArrayNode auth = node.putArray("auth");
        for (AuthKind kind : tool.auth().kinds()) {
            auth.add(kind.name());
        }
        TokenLocation token = tool.auth().token();
        if (token != null) {
            // Only BEARER tools have the member, so the bindings of every other tool read as before.
            ObjectNode t = node.putObject("token");
            t.put("in", token.in());
            t.put("name", token.name());
            t.put("prefix", token.prefix());
        }
        ArrayNode arguments = node.putArray("arguments");
        for (ArgumentBinding argument : tool.arguments()) {
            ObjectNode a = arguments.addObject();
            a.put("name", argument.name());
            a.put("in", argument.in());
            a.put("parameter", argument.parameter());
            a.put("required", argument.required());
            if (argument.greedy()) {
                a.put("greedy", true);
            }
            if (argument.style() != null) {
                a.put("style", argument.style());
            }
            if (argument.explode() != null) {
                a.put("explode", argument.explode());
            }
        }
        BodyBinding body = tool.body();
        if (body == null) {
            node.putNull("body");
        } else {
            ObjectNode b = node.putObject("body");
            b.put("argument", body.argument());
            b.put("mediaType", body.mediaType());
            b.put("required", body.required());
            if (body.kind() == BodyBinding.Kind.FORM) {
                // Only form bodies carry the key, so JSON and text bindings stay as they were.
                ObjectNode form = b.putObject("form");
                body.form()
                        .forEach((property, style) -> form.putObject(property)
                                .put("style", style.style())
                                .put("explode", style.explode()));
            }
            if (body.kind() == BodyBinding.Kind.MULTIPART) {
                ObjectNode files = b.putObject("files");
                body.files().forEach(files::put);
            }
            if (body.kind() == BodyBinding.Kind.BINARY) {
                b.put("contentEncoding", "base64");
                if (body.contentTypeArgument() != null) {
                    b.put("contentTypeArgument", body.contentTypeArgument());
                }
            }
        }
        ObjectNode output = node.putObject("output");
        output.put("mediaType", tool.outputMediaType());
        output.put("wrap", tool.outputWrap());
        output.put("schema", tool.outputSchema() != null);
        if (tool.timeoutMs() == null) {
            node.putNull("timeoutMs");
        } else {
            node.put("timeoutMs", tool.timeoutMs());
        }
        return node;
    }
}
