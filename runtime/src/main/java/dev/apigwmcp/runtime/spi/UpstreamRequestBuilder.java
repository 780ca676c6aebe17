package dev.apigwmcp.runtime.spi;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Receives a tool call's parameters and body. Implementations own all encoding and validation, so generated code
 * never builds URLs or header lines itself: a path value is percent-encoded as one segment (it can never add
 * segments or change the host), a greedy ({@code {proxy+}}) value keeps its slashes but rejects {@code .} and
 * {@code ..} segments, and header or cookie values containing CR or LF are rejected. Each method throws
 * {@link ArgumentException} naming the argument when a value cannot be sent safely.
 *
 * <p>Values are the generated record's typed components, passed as they are: {@code null} means "not sent" (for a
 * path parameter: missing, an error). Values become text by {@link Arguments#text}, so a list sent as one value
 * (path, header, cookie) is its elements' text joined with {@code ,}, the OpenAPI {@code simple} style.
 */
public interface UpstreamRequestBuilder {

    /**
     * Chooses the HTTP method, for tools generated from {@code x-amazon-apigateway-any-method} whose binding
     * says {@code "method": "ANY"}; the value is one of the methods listed in the argument's enum.
     */
    UpstreamRequestBuilder method(String argument, String method);

    /** Sets the value of path template variable {@code name}, encoded as a single segment. */
    UpstreamRequestBuilder pathParameter(String argument, String name, Object value);

    /** Sets a greedy path variable ({@code {name+}}): slashes are kept, each segment is encoded. */
    UpstreamRequestBuilder greedyPathParameter(String argument, String name, Object value);

    /** Adds one query parameter (a list: one parameter per element, the OpenAPI default for query arrays). */
    UpstreamRequestBuilder queryParameter(String argument, String name, Object value);

    /** Adds an array-valued query parameter serialised in {@code style}. */
    UpstreamRequestBuilder queryParameter(String argument, String name, List<?> values, QueryStyle style);

    /**
     * Adds an object-valued query parameter: {@link QueryStyle#DEEP_OBJECT} gives {@code name[key]=value},
     * {@link QueryStyle#FORM_EXPLODED} one {@code key=value} per member, {@link QueryStyle#FORM}
     * {@code name=key,value,...}. Member values that are not scalars are sent as compact JSON; a value that is not
     * an object is sent as one parameter.
     */
    UpstreamRequestBuilder queryObject(String argument, String name, JsonNode object, QueryStyle style);

    /** Adds a request header. */
    UpstreamRequestBuilder header(String argument, String name, Object value);

    /** Adds a cookie. */
    UpstreamRequestBuilder cookie(String argument, String name, Object value);

    /**
     * Sets the JSON request body: a {@link JsonNode}, a generated record ({@link JsonWritable}) or any value
     * {@link Arguments#toJson} maps.
     */
    UpstreamRequestBuilder jsonBody(String argument, String mediaType, Object body);

    /** Sets a text (non-JSON) request body. */
    UpstreamRequestBuilder textBody(String argument, String mediaType, String body);

    /**
     * Sets an {@code application/x-www-form-urlencoded} body from an object (a {@link JsonNode}, a generated record
     * or any value {@link Arguments#toJson} maps): one {@code name=value} pair per member, {@code null} members left
     * out, arrays as one pair per element, other objects as their JSON text, except for the members named in
     * {@code styles}, which follow their declared OpenAPI style ({@link QueryStyle#DEEP_OBJECT} gives
     * {@code name[key]=value}).
     */
    UpstreamRequestBuilder formBody(String argument, String mediaType, Object body, Map<String, QueryStyle> styles);

    /**
     * Sets a {@code multipart/form-data} body from an object (as {@link #formBody}): one part per member,
     * {@code null} members left out, arrays as one part per element, objects as JSON parts. The members named in
     * {@code files} are files: their values are base64 text, sent decoded as file parts with the given
     * Content-Type. The Content-Type header is {@code mediaType} with the body's {@code boundary} added.
     */
    UpstreamRequestBuilder multipartBody(String argument, String mediaType, Object body, Map<String, String> files);

    /**
     * Sets a body of bytes given as base64 text ({@code body}; standard or URL-safe alphabet, padding optional,
     * white space ignored), sent decoded with Content-Type {@code mediaType}.
     */
    default UpstreamRequestBuilder binaryBody(String argument, String mediaType, String body) {
        return binaryBody(argument, mediaType, body, null, null);
    }

    /**
     * Sets a body of bytes as {@link #binaryBody(String, String, String)} for a {@code mediaType} that is a range
     * ({@code image/*}): {@code contentType}, the value of argument {@code typeArgument}, is the Content-Type sent
     * and must be a media type within the range; when it is {@code null}, {@code application/octet-stream} is sent
     * if the range admits it ({@code *}{@code /*}, {@code application/*}), else it is an {@link ArgumentException}.
     * With {@code typeArgument} {@code null}, {@code mediaType} is sent as it is.
     */
    UpstreamRequestBuilder binaryBody(
            String argument, String mediaType, String body, String typeArgument, String contentType);
}
