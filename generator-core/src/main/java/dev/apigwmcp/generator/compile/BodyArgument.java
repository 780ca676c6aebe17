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
 * bodies with their schema, text bodies (also XML, YAML, ...) as a string sent as it is,
 * {@code application/x-www-form-urlencoded} bodies as an object ({@link FormBody}), {@code multipart/form-data}
 * bodies as an object with base64 files ({@link MultipartBody}), other bodies as base64 bytes ({@link BinaryBody}).
 * Only other {@code multipart/*} types and malformed media types cannot be sent.
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
        String argument = claimName(draft);
        Choice choice = choice(requestBody, mediaType, source).orElseThrow();
        BodyBinding binding;
        ObjectNode schema;
        BinaryBody binary = null;
        String description = requestBody.description() != null
                ? requestBody.description()
                : "Request body (" + MediaTypes.essence(mediaType) + ").";
        if (choice == Choice.JSON) {
            schema = source == null ? JSON.objectNode() : draft.document.convert(source, at + "/schema");
            binding = new BodyBinding(argument, mediaType, requestBody.required(), true);
        } else if (choice == Choice.FORM) {
            FormBody form = FormBody.of(source, requestBody.encoding(mediaType), draft, at);
            schema = form.schema();
            binding = form.binding(argument, mediaType, requestBody.required());
        } else if (multipart.isPresent()) {
            schema = multipart.get().schema();
            binding = multipart.get().binding(argument, mediaType, requestBody.required());
        } else if (choice == Choice.BINARY) {
            binary = BinaryBody.of(mediaType, draft);
            schema = binary.schema();
            binding = binary.binding(argument, requestBody.required());
            description = description.strip() + " " + binary.note();
        } else {
            schema = JSON.objectNode();
            schema.put("type", "string");
            binding = new BodyBinding(argument, mediaType, requestBody.required(), false);
            if (choice == Choice.OTHER_TEXT) {
                description =
                        description.strip() + " The raw " + MediaTypes.essence(mediaType) + " document, sent as it is.";
            }
        }
        schema = PropertySchemas.describe(schema, description);
        draft.properties.set(argument, schema);
        if (requestBody.required()) {
            draft.required.add(argument);
        }
        if (binary != null) {
            binary.addContentType(draft, requestBody.required());
        }
        return Optional.of(new Result(binding));
    }

    /** {@code body}, or {@code requestBody} when a parameter took that name. */
    static String claimName(InputSchemaBuilder.Draft draft) {
        ArgumentNames.Claimed claimed = draft.names.claim("body", "body");
        return claimed.renamed() ? draft.names.claim("requestBody", "body").name() : claimed.name();
    }

    /** Empty (and a warning) when the body is required, else no body argument (and a warning). */
    private static Optional<Result> leftOut(
            ApiOperation operation, ApiRequestBody requestBody, ProblemCollector problems) {
        String types = String.join(", ", requestBody.content().keySet());
        if (requestBody.required()) {
            problems.warning(
                    requestBody.pointer(),
                    operation.label() + " is left out: its required request body has no media type a tool can send ("
                            + types + ")");
            return Optional.empty();
        }
        problems.warning(
                requestBody.pointer(),
                "the optional request body of " + operation.label() + " has no media type a tool can send (" + types
                        + ") and is not exposed");
        return Optional.of(new Result(null));
    }

    /** The kinds of body in the order they are preferred when a request body offers several media types. */
    enum Choice {
        JSON,
        TEXT,
        WILDCARD,
        FORM,
        MULTIPART,
        OTHER_TEXT,
        BINARY
    }

    /**
     * The preferred media type: JSON, else {@code text/*}, else a wildcard ({@code *}{@code /*},
     * {@code application/*}) with a schema that is not bytes (a schema describes JSON, so such a body is sent as
     * JSON), else {@code application/x-www-form-urlencoded}, else {@code multipart/form-data} (a model writes JSON
     * best, so forms come after it), else other text (XML, YAML, ...), else bytes. The first of each kind in
     * declared order wins; a type the export lists in {@code x-amazon-apigateway-binary-media-types} is bytes
     * unless it is JSON or a form.
     */
    static Optional<Map.Entry<String, Schema<?>>> pickMediaType(ApiRequestBody body) {
        Map<Choice, Map.Entry<String, Schema<?>>> first = new java.util.EnumMap<>(Choice.class);
        for (Map.Entry<String, Schema<?>> entry : body.content().entrySet()) {
            choice(body, entry.getKey(), entry.getValue()).ifPresent(choice -> first.putIfAbsent(choice, entry));
        }
        if (first.isEmpty()) {
            return Optional.empty();
        }
        Map.Entry<Choice, Map.Entry<String, Schema<?>>> best =
                first.entrySet().iterator().next();
        return Optional.of(
                best.getKey() == Choice.WILDCARD
                        ? Map.entry("application/json", best.getValue().getValue())
                        : best.getValue());
    }

    /** How a body of {@code mediaType} would be sent, or empty when it cannot be. */
    static Optional<Choice> choice(ApiRequestBody body, String mediaType, Schema<?> schema) {
        String essence = MediaTypes.essence(mediaType);
        int slash = essence.indexOf('/');
        if (slash <= 0 || slash == essence.length() - 1) {
            return Optional.empty();
        }
        if (MediaTypes.isJson(mediaType)) {
            return Optional.of(Choice.JSON);
        }
        if (MediaTypes.isForm(mediaType)) {
            return Optional.of(Choice.FORM);
        }
        if (MediaTypes.isMultipartForm(mediaType)) {
            return Optional.of(Choice.MULTIPART);
        }
        if (essence.startsWith("multipart/")) {
            // Other multipart types need parts and a boundary no single argument describes.
            return Optional.empty();
        }
        if (!MediaTypes.isRange(mediaType) && body.binary(mediaType)) {
            return Optional.of(Choice.BINARY);
        }
        if (MediaTypes.isText(mediaType)) {
            return Optional.of(Choice.TEXT);
        }
        if ((essence.equals("*/*") || essence.equals("application/*")) && schema != null && !isBytes(schema)) {
            return Optional.of(Choice.WILDCARD);
        }
        return Optional.of(MediaTypes.isOtherText(mediaType) ? Choice.OTHER_TEXT : Choice.BINARY);
    }

    /** A schema of {@code format: binary}: the body is a file, not JSON. */
    private static boolean isBytes(Schema<?> schema) {
        return "binary".equals(schema.getFormat());
    }

    /** @param binding the body argument, or {@code null} when the tool has none */
    record Result(BodyBinding binding) {}
}
