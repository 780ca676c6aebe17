package dev.apigwmcp.generator.compile;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigwmcp.generator.model.ApiOperation;
import dev.apigwmcp.generator.model.ApiRequestBody;
import dev.apigwmcp.generator.model.JsonPointer;
import dev.apigwmcp.generator.model.MediaTypes;
import dev.apigwmcp.generator.problem.ProblemCollector;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Map;
import java.util.Optional;

/**
 * The request body as an argument ({@code body}, or {@code requestBody} when a parameter took that name): JSON
 * bodies with their schema, text bodies as a string, {@code application/x-www-form-urlencoded} bodies as an
 * object ({@link FormBody}). Other media types cannot be sent by a model.
 */
final class BodyArgument {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private BodyArgument() {}

    /**
     * Adds the body to {@code draft}. Empty when the operation needs a body no tool can send (a warning says why);
     * else a result whose binding is {@code null} when there is no body argument.
     */
    static Optional<Result> add(ApiOperation operation, InputSchemaBuilder.Draft draft, ProblemCollector problems) {
        ApiRequestBody requestBody = operation.requestBody();
        if (requestBody == null || requestBody.content().isEmpty()) {
            return Optional.of(new Result(null));
        }
        Optional<Map.Entry<String, Schema<?>>> media = pickMediaType(requestBody);
        if (media.isEmpty()) {
            return leftOut(operation, requestBody, problems);
        }
        String mediaType = media.get().getKey();
        String at = requestBody.pointer() + "/content/" + JsonPointer.escape(mediaType);
        Schema<?> source = media.get().getValue();
        Optional<MultipartBody> multipart = MediaTypes.isMultipartForm(mediaType)
                ? MultipartBody.of(source, requestBody.encoding(mediaType), draft, at)
                : Optional.empty();
        if (MediaTypes.isMultipartForm(mediaType) && multipart.isEmpty()) {
            return leftOut(operation, requestBody, problems);
        }
        ArgumentNames.Claimed claimed = draft.names.claim("body", "body");
        String argument =
                claimed.renamed() ? draft.names.claim("requestBody", "body").name() : claimed.name();
        BodyBinding binding;
        ObjectNode schema;
        if (MediaTypes.isJson(mediaType)) {
            schema = source == null ? JSON.objectNode() : draft.document.convert(source, at + "/schema");
            binding = new BodyBinding(argument, mediaType, requestBody.required(), true);
        } else if (MediaTypes.isForm(mediaType)) {
            FormBody form = FormBody.of(source, requestBody.encoding(mediaType), draft, at);
            schema = form.schema();
            binding = form.binding(argument, mediaType, requestBody.required());
        } else if (multipart.isPresent()) {
            schema = multipart.get().schema();
            binding = multipart.get().binding(argument, mediaType, requestBody.required());
        } else {
            schema = JSON.objectNode();
            schema.put("type", "string");
            binding = new BodyBinding(argument, mediaType, requestBody.required(), false);
        }
        schema = PropertySchemas.describe(
                schema,
                requestBody.description() != null
                        ? requestBody.description()
                        : "Request body (" + MediaTypes.essence(mediaType) + ").");
        draft.properties.set(argument, schema);
        if (requestBody.required()) {
            draft.required.add(argument);
        }
        return Optional.of(new Result(binding));
    }

    /** Empty (and a warning) when the body is required, else no body argument (and a warning). */
    private static Optional<Result> leftOut(
            ApiOperation operation, ApiRequestBody requestBody, ProblemCollector problems) {
        String types = String.join(", ", requestBody.content().keySet());
        if (requestBody.required()) {
            problems.warning(
                    requestBody.pointer(),
                    operation.label() + " is left out: its required request" + " body is not JSON or text (" + types
                            + ")");
            return Optional.empty();
        }
        problems.warning(
                requestBody.pointer(),
                "the optional request body of " + operation.label() + " is not JSON or text (" + types
                        + ") and is not exposed");
        return Optional.of(new Result(null));
    }

    /**
     * The first JSON media type, else the first text one, else a wildcard ({@code *}{@code /*},
     * {@code application/*}) with a schema: a schema describes JSON, so such a body is sent as JSON. Else the first
     * {@code application/x-www-form-urlencoded} one, else the first {@code multipart/form-data} one: a model writes
     * JSON best, so forms come last.
     */
    private static Optional<Map.Entry<String, Schema<?>>> pickMediaType(ApiRequestBody body) {
        Map.Entry<String, Schema<?>> text = null;
        Map.Entry<String, Schema<?>> wildcard = null;
        Map.Entry<String, Schema<?>> form = null;
        Map.Entry<String, Schema<?>> multipart = null;
        for (Map.Entry<String, Schema<?>> entry : body.content().entrySet()) {
            if (MediaTypes.isJson(entry.getKey())) {
                return Optional.of(entry);
            }
            if (text == null && MediaTypes.isText(entry.getKey())) {
                text = entry;
            }
            String essence = MediaTypes.essence(entry.getKey());
            if (wildcard == null
                    && entry.getValue() != null
                    && (essence.equals("*/*") || essence.equals("application/*"))) {
                wildcard = Map.entry("application/json", entry.getValue());
            }
            if (form == null && MediaTypes.isForm(entry.getKey())) {
                form = entry;
            }
            if (multipart == null && MediaTypes.isMultipartForm(entry.getKey())) {
                multipart = entry;
            }
        }
        return Optional.ofNullable(text != null ? text : wildcard != null ? wildcard : form != null ? form : multipart);
    }

    /** @param binding the body argument, or {@code null} when the tool has none */
    record Result(BodyBinding binding) {}
}
