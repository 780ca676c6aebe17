package dev.apigwmcp.runtime.upstream;

import dev.apigwmcp.runtime.spi.ArgumentException;
import dev.apigwmcp.runtime.spi.Arguments;
import dev.apigwmcp.runtime.spi.QueryStyle;
import dev.apigwmcp.runtime.spi.UpstreamRequestBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The runtime's {@link UpstreamRequestBuilder}: collects one call's parameters, encoding and checking each value as
 * it arrives, then {@link #build()}s the {@link UpstreamRequest}. A value can never add path segments, change the
 * host, inject header lines or set a credential header. Used for one call only.
 */
public final class SafeRequestBuilder implements UpstreamRequestBuilder {

    /** Methods an {@code ANY} tool may choose; TRACE and CONNECT are never sent. */
    public static final Set<String> ALLOWED_METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final RequestTarget target;
    private final ObjectMapper json;
    private String method;
    private final Map<String, String> pathValues = new HashMap<>();
    private final StringBuilder query = new StringBuilder();
    private final List<HttpHeader> headers = new ArrayList<>();
    private final StringBuilder cookies = new StringBuilder();
    private byte[] body;
    private String contentType;

    public SafeRequestBuilder(RequestTarget target, ObjectMapper json) {
        this.target = Objects.requireNonNull(target, "target");
        this.json = Objects.requireNonNull(json, "json");
        this.method = target.method().equals("ANY") ? null : target.method();
    }

    @Override
    public UpstreamRequestBuilder method(String argument, String value) {
        if (!target.method().equals("ANY")) {
            throw new IllegalStateException("method(...) called for a tool bound to " + target.method());
        }
        if (value == null) {
            throw new ArgumentException(argument, "is required: the HTTP method to call");
        }
        String upper = value.toUpperCase(Locale.ROOT);
        if (!ALLOWED_METHODS.contains(upper)) {
            throw new ArgumentException(
                    argument,
                    "'" + value + "' is not an allowed HTTP method; use one of "
                            + String.join(", ", new java.util.TreeSet<>(ALLOWED_METHODS)));
        }
        method = upper;
        return this;
    }

    @Override
    public UpstreamRequestBuilder pathParameter(String argument, String name, Object typed) {
        PathTemplate.Variable variable = variable(name, false);
        String value = Arguments.text(typed);
        if (value == null) {
            throw new ArgumentException(argument, "is required (path parameter {" + variable.name() + "})");
        }
        pathValues.put(name, encodeSegment(argument, value, "value"));
        return this;
    }

    @Override
    public UpstreamRequestBuilder greedyPathParameter(String argument, String name, Object typed) {
        PathTemplate.Variable variable = variable(name, true);
        String value = Arguments.text(typed);
        if (value == null) {
            throw new ArgumentException(argument, "is required (path parameter {" + variable.name() + "+})");
        }
        StringBuilder encoded = new StringBuilder(value.length() + 8);
        String[] segments = value.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                encoded.append('/');
            }
            encoded.append(encodeSegment(argument, segments[i], "segment " + (i + 1)));
        }
        pathValues.put(name, encoded.toString());
        return this;
    }

    /** Encodes one path segment; empty, {@code .} and {@code ..} would change which resource is addressed. */
    private static String encodeSegment(String argument, String segment, String what) {
        if (segment.isEmpty()) {
            throw new ArgumentException(
                    argument,
                    what + " is empty; path values need at least one character"
                            + (what.startsWith("segment")
                                    ? " between slashes (no leading, trailing or double '/')"
                                    : ""));
        }
        if (segment.equals(".") || segment.equals("..")) {
            throw new ArgumentException(
                    argument,
                    what + " is '" + segment + "', which would address another resource; '.' and '..' are not allowed");
        }
        return PercentEncoding.encode(segment);
    }

    private PathTemplate.Variable variable(String name, boolean greedy) {
        PathTemplate.Variable variable = target.path().variable(name);
        if (variable == null || variable.greedy() != greedy) {
            throw new IllegalStateException("path template " + target.path().template() + " has no "
                    + (greedy ? "greedy " : "") + "variable " + name);
        }
        return variable;
    }

    @Override
    public UpstreamRequestBuilder queryParameter(String argument, String name, Object typed) {
        if (typed instanceof List<?> list) {
            return queryParameter(argument, name, list, QueryStyle.FORM_EXPLODED);
        }
        String value = Arguments.text(typed);
        if (value == null) {
            return this;
        }
        checkQueryName(argument, name);
        appendQuery(PercentEncoding.encode(name), PercentEncoding.encode(value));
        return this;
    }

    @Override
    public UpstreamRequestBuilder queryObject(String argument, String name, JsonNode object, QueryStyle style) {
        if (object == null || object.isNull()) {
            return this;
        }
        if (!object.isObject()) {
            return queryParameter(argument, name, Arguments.text(object.isString() ? object.stringValue() : object));
        }
        checkQueryName(argument, name);
        List<String> flat = new ArrayList<>();
        for (Map.Entry<String, JsonNode> member : object.properties()) {
            JsonNode value = member.getValue();
            String text = value.isNull() ? "" : value.isValueNode() ? value.asString() : value.toString();
            switch (style) {
                case DEEP_OBJECT ->
                    appendQuery(
                            PercentEncoding.encode(name + "[" + member.getKey() + "]"),
                            PercentEncoding.encode(element(argument, text)));
                case FORM_EXPLODED -> {
                    checkQueryName(argument, member.getKey());
                    appendQuery(
                            PercentEncoding.encode(member.getKey()), PercentEncoding.encode(element(argument, text)));
                }
                default -> {
                    flat.add(member.getKey());
                    flat.add(text);
                }
            }
        }
        if (!flat.isEmpty()) {
            queryParameter(argument, name, flat, QueryStyle.FORM);
        }
        return this;
    }

    @Override
    public UpstreamRequestBuilder queryParameter(String argument, String name, List<?> typed, QueryStyle style) {
        if (typed == null || typed.isEmpty()) {
            return this;
        }
        List<String> values = Arguments.texts(typed);
        checkQueryName(argument, name);
        String encodedName = PercentEncoding.encode(name);
        if (style == QueryStyle.FORM_EXPLODED || style == QueryStyle.DEEP_OBJECT) {
            for (String value : values) {
                appendQuery(encodedName, PercentEncoding.encode(element(argument, value)));
            }
            return this;
        }
        // Each value is encoded on its own, so a delimiter inside a value stays distinguishable from the separator.
        String separator = switch (style) {
            case FORM -> ",";
            case SPACE_DELIMITED -> "%20";
            case PIPE_DELIMITED -> "%7C";
            case TAB_DELIMITED -> "%09";
            case FORM_EXPLODED, DEEP_OBJECT -> throw new AssertionError();
        };
        StringBuilder joined = new StringBuilder();
        for (String value : values) {
            if (joined.length() > 0) {
                joined.append(separator);
            }
            joined.append(PercentEncoding.encode(element(argument, value)));
        }
        appendQuery(encodedName, joined.toString());
        return this;
    }

    private static String element(String argument, String value) {
        if (value == null) {
            throw new ArgumentException(argument, "contains null; array elements must have a value");
        }
        return value;
    }

    private void checkQueryName(String argument, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (target.reservedQuery().contains(lower) || lower.startsWith("x-amz-")) {
            throw new ArgumentException(
                    argument,
                    "query parameter '" + name + "' is reserved for credentials and cannot be set from arguments");
        }
    }

    private void appendQuery(String encodedName, String encodedValue) {
        if (query.length() > 0) {
            query.append('&');
        }
        query.append(encodedName).append('=').append(encodedValue);
    }

    @Override
    public UpstreamRequestBuilder header(String argument, String name, Object typed) {
        String value = Arguments.text(typed);
        if (value == null) {
            return this;
        }
        HeaderRules.checkName(argument, name);
        String lower = name.toLowerCase(Locale.ROOT);
        if (target.reservedHeaders().contains(lower) || lower.startsWith("x-amz-") || lower.startsWith("proxy-")) {
            throw new ArgumentException(
                    argument,
                    "header '" + name
                            + "' is set by the gateway (credentials, host or framing) and cannot be set from arguments");
        }
        HeaderRules.checkValue(argument, value);
        headers.add(new HttpHeader(name, value));
        return this;
    }

    @Override
    public UpstreamRequestBuilder cookie(String argument, String name, Object typed) {
        String value = Arguments.text(typed);
        if (value == null) {
            return this;
        }
        HeaderRules.checkName(argument, name);
        HeaderRules.checkCookieValue(argument, value);
        if (cookies.length() > 0) {
            cookies.append("; ");
        }
        cookies.append(name).append('=').append(value);
        return this;
    }

    @Override
    public UpstreamRequestBuilder jsonBody(String argument, String mediaType, Object typed) {
        JsonNode value = typed == null ? null : Arguments.toJson(typed);
        if (value == null || value.isMissingNode()) {
            return this;
        }
        setBody(argument, mediaType == null ? "application/json" : mediaType, json.writeValueAsBytes(value));
        return this;
    }

    @Override
    public UpstreamRequestBuilder textBody(String argument, String mediaType, String value) {
        if (value == null) {
            return this;
        }
        setBody(
                argument,
                mediaType == null ? "text/plain; charset=utf-8" : mediaType,
                value.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    @Override
    public UpstreamRequestBuilder formBody(
            String argument, String mediaType, Object typed, Map<String, QueryStyle> styles) {
        JsonNode value = typed == null ? null : Arguments.toJson(typed);
        if (value == null || value.isNull() || value.isMissingNode()) {
            return this;
        }
        String form = FormEncoder.encode(argument, value, styles == null ? Map.of() : styles);
        setBody(
                argument,
                mediaType == null ? "application/x-www-form-urlencoded" : mediaType,
                form.getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    @Override
    public UpstreamRequestBuilder multipartBody(
            String argument, String mediaType, Object typed, Map<String, String> files) {
        JsonNode value = typed == null ? null : Arguments.toJson(typed);
        if (value == null || value.isNull() || value.isMissingNode()) {
            return this;
        }
        MultipartEncoder.Encoded multipart = MultipartEncoder.encode(
                argument, value, files == null ? Map.of() : files, SafeRequestBuilder::boundary);
        setBody(
                argument,
                (mediaType == null ? "multipart/form-data" : mediaType) + "; boundary=" + multipart.boundary(),
                multipart.bytes());
        return this;
    }

    @Override
    public UpstreamRequestBuilder binaryBody(
            String argument, String mediaType, String base64, String typeArgument, String contentType) {
        if (base64 == null) {
            // A client that fills in schema defaults sends the default type without a body: nothing is lost then.
            if (typeArgument != null
                    && contentType != null
                    && !contentType.strip().equals(BodyMediaType.OCTETS)) {
                throw new ArgumentException(typeArgument, "is given without " + argument + ", the body it describes");
            }
            return this;
        }
        String declared = mediaType == null ? BodyMediaType.OCTETS : mediaType;
        String type = typeArgument == null ? declared : BodyMediaType.resolve(typeArgument, declared, contentType);
        setBody(argument, type, Base64Text.decode(argument, "", base64));
        return this;
    }

    /** A random boundary (UUID's secure random), so no argument can end a part early by guessing it. */
    private static String boundary() {
        return "apigw-mcp-" + java.util.UUID.randomUUID().toString().replace("-", "");
    }

    private void setBody(String argument, String mediaType, byte[] bytes) {
        if (body != null) {
            throw new IllegalStateException("request body set twice");
        }
        HeaderRules.checkValue(argument, mediaType);
        body = bytes;
        contentType = mediaType;
    }

    /** The request; throws {@link ArgumentException} when a required part (method, path variable) is missing. */
    public UpstreamRequest build() {
        if (method == null) {
            throw new ArgumentException("method", "is required: the HTTP method to call");
        }
        String base = target.baseUri().toString();
        StringBuilder uri = new StringBuilder(base.length() + 64).append(base);
        for (PathTemplate.Part part : target.path().parts()) {
            if (part instanceof PathTemplate.Literal literal) {
                uri.append(literal.text());
            } else if (part instanceof PathTemplate.Variable variable) {
                String value = pathValues.get(variable.name());
                if (value == null) {
                    String argument = target.pathArguments().getOrDefault(variable.name(), variable.name());
                    throw new ArgumentException(
                            argument,
                            "is required (path parameter {" + variable.name() + (variable.greedy() ? "+" : "") + "})");
                }
                uri.append(value);
            }
        }
        if (query.length() > 0) {
            uri.append('?').append(query);
        }
        URI built = URI.create(uri.toString());
        checkSameOrigin(built);
        List<HttpHeader> all = new ArrayList<>(headers.size() + 2);
        all.addAll(headers);
        if (cookies.length() > 0) {
            all.add(new HttpHeader("Cookie", cookies.toString()));
        }
        if (contentType != null) {
            all.add(new HttpHeader("Content-Type", contentType));
        }
        return new UpstreamRequest(method, built, all, body, target.timeout());
    }

    /** Defence in depth: encoding already guarantees this, but a wrong host must never be called. */
    private void checkSameOrigin(URI built) {
        URI base = target.baseUri();
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        if (!Objects.equals(built.getScheme(), base.getScheme())
                || !Objects.equals(built.getRawAuthority(), base.getRawAuthority())
                || built.getRawFragment() != null
                || !built.getRawPath().startsWith(basePath)) {
            throw new IllegalStateException("built URI left the base URL");
        }
    }
}
