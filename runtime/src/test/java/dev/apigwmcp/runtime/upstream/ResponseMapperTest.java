package dev.apigwmcp.runtime.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class ResponseMapperTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ResponseMapper mapper = new ResponseMapper(JSON);

    private static UpstreamResponse response(int status, String contentType, String body, String... headers) {
        Map<String, List<String>> map = new java.util.HashMap<>();
        if (contentType != null) {
            map.put("content-type", List.of(contentType));
        }
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], List.of(headers[i + 1]));
        }
        return new UpstreamResponse(
                status, HttpHeaders.of(map, (a, b) -> true), body.getBytes(StandardCharsets.UTF_8), false);
    }

    private ToolResult map(UpstreamResponse response, ResponseShape shape) {
        return mapper.map(response, shape, "https://h/prod/x");
    }

    private static String text(ToolResult result) {
        return result.result().get("content").get(0).get("text").stringValue();
    }

    @Test
    void jsonWithoutOutputSchemaIsTextOnly() {
        ToolResult result = map(response(200, "application/json", "{\"a\":1}"), ResponseShape.UNSTRUCTURED);
        assertThat(text(result)).isEqualTo("{\"a\":1}");
        assertThat(result.result().has("structuredContent")).isFalse();
        assertThat(result.outcome()).isEqualTo(CallOutcome.OK);
    }

    @Test
    void nonObjectJsonWithoutWrapHasNoStructuredContent() {
        ToolResult result = map(response(200, "application/json", "[1,2]"), new ResponseShape(true, null));
        assertThat(result.result().has("structuredContent")).isFalse();
    }

    @Test
    void scalarIsWrapped() {
        ToolResult result = map(response(200, "application/problem+json", "42"), new ResponseShape(true, "result"));
        assertThat(result.result().get("structuredContent").toString()).isEqualTo("{\"result\":42}");
    }

    @Test
    void plainTextIsText() {
        assertThat(text(map(response(200, "text/csv; charset=utf-8", "a,b\n1,2"), ResponseShape.UNSTRUCTURED)))
                .isEqualTo("a,b\n1,2");
    }

    @Test
    void emptySuccessIsAShortConfirmation() {
        assertThat(text(map(response(202, null, ""), ResponseShape.UNSTRUCTURED)))
                .isEqualTo("Upstream answered HTTP 202 Accepted with no content.");
    }

    @Test
    void truncatedJsonIsTextWithANoteAndNoStructuredContent() {
        UpstreamResponse cut = new UpstreamResponse(
                200,
                HttpHeaders.of(Map.of("content-type", List.of("application/json")), (a, b) -> true),
                "{\"a\":".getBytes(StandardCharsets.UTF_8),
                true);
        ToolResult result = map(cut, new ResponseShape(true, null));
        assertThat(text(result)).startsWith("{\"a\":\n[response cut at 5 bytes");
        assertThat(result.result().has("structuredContent")).isFalse();
    }

    /** A schema that accepts only objects without a member "bad". */
    private static final OutputConformance NO_BAD =
            candidate -> candidate.has("bad") ? List.of("$.bad: not allowed") : List.of();

    private ToolResult checked(UpstreamResponse response, ResponseShape shape) {
        return mapper.map(response, shape, NO_BAD, "https://h/prod/x");
    }

    @Test
    void aWrappedScalarIsCheckedAsTheWrappedObject() {
        ToolResult result = checked(response(200, "application/json", "42"), new ResponseShape(true, "result"));
        assertThat(result.result().get("structuredContent").toString()).isEqualTo("{\"result\":42}");
        assertThat(result.outcome()).isEqualTo(CallOutcome.OK);
    }

    @Test
    void aNonConformingAnswerNamesEachProblemAndIsLoggedAsASchemaMismatch() {
        ToolResult result = checked(response(201, "application/json", "{\"bad\":1}"), new ResponseShape(true, null));
        assertThat(result.outcome()).isEqualTo(CallOutcome.NONCONFORMING_OUTPUT);
        assertThat(result.detail()).isEqualTo("schema");
        assertThat(text(result))
                .isEqualTo("Upstream answered HTTP 201 Created, but the answer does not match the"
                        + " tool's documented output schema, so it is returned as text only:\n- $.bad: not allowed");
        assertThat(result.result().get("content").get(1).get("text").stringValue())
                .isEqualTo("{\"bad\":1}");
    }

    @Test
    void trailingContentAfterTheJsonMakesItInvalid() {
        ToolResult result = new ResponseMapper(JsonMapper.builder()
                        .enable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                        .build())
                .map(response(200, "application/json", "{} {\"more\":1}"), new ResponseShape(true, null), NO_BAD, "u");
        assertThat(result.outcome()).isEqualTo(CallOutcome.NONCONFORMING_OUTPUT);
        assertThat(result.detail()).isEqualTo("not-json");
    }

    @Test
    void aBlankBodyIsNoContent() {
        ToolResult result = checked(response(200, "application/json", " \n"), new ResponseShape(true, null));
        assertThat(result.outcome()).isEqualTo(CallOutcome.OK);
        assertThat(result.result().get("structuredContent").isEmpty()).isTrue();
    }

    @Test
    void htmlIsNotParsedAsJson() {
        ToolResult result =
                checked(response(200, "text/html; charset=utf-8", "<html>{}</html>"), new ResponseShape(true, null));
        assertThat(text(result)).startsWith("Upstream answered HTTP 200 OK with HTML (text/html)");
    }

    @Test
    void clientErrorMessageComesFromCommonFields() {
        assertThat(text(map(
                        response(400, "application/json", "{\"error\":{\"message\":\"bad id\"}}"),
                        ResponseShape.UNSTRUCTURED)))
                .isEqualTo("Upstream rejected the request with HTTP 400 Bad Request: bad id");
        assertThat(text(map(
                        response(403, "application/json", "{\"Message\":\"User is not authorized\"}"),
                        ResponseShape.UNSTRUCTURED)))
                .endsWith("HTTP 403 Forbidden: User is not authorized");
        assertThat(text(map(response(409, "text/plain", "  already\n exists "), ResponseShape.UNSTRUCTURED)))
                .endsWith("HTTP 409 Conflict: already exists");
        ToolResult result = map(response(418, null, ""), ResponseShape.UNSTRUCTURED);
        assertThat(text(result)).isEqualTo("Upstream rejected the request with HTTP 418");
        assertThat(result.result().get("isError").asBoolean()).isTrue();
        assertThat(result.outcome()).isEqualTo(CallOutcome.CLIENT_ERROR);
    }

    @Test
    void throttlingPassesTheUpstreamsRetryAfterOn() {
        ToolResult result = map(
                response(429, "application/json", "{\"message\":\"Too Many Requests\"}", "retry-after", "3"),
                ResponseShape.UNSTRUCTURED);
        assertThat(text(result))
                .isEqualTo("Upstream is throttling requests (HTTP 429 Too Many Requests): Too Many"
                        + " Requests. The upstream asks to retry after 3 s (Retry-After).");
        assertThat(result.outcome()).isEqualTo(CallOutcome.THROTTLED);
    }

    @Test
    void unavailableUpstreamPassesItsRetryAfterDateOnInSeconds() {
        String inAMinute = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(61));
        ToolResult result = map(
                response(503, "text/plain", "down for maintenance", "retry-after", inAMinute),
                ResponseShape.UNSTRUCTURED);
        assertThat(text(result))
                .matches("Upstream failed with HTTP 503 Service Unavailable: down for maintenance\\."
                        + " The upstream asks to retry after (59|60|61) s \\(Retry-After\\)\\.");
        assertThat(result.outcome()).isEqualTo(CallOutcome.SERVER_ERROR);
    }

    @Test
    void anUnreadableRetryAfterIsLeftOut() {
        ToolResult result = map(response(503, null, "", "retry-after", "soon"), ResponseShape.UNSTRUCTURED);
        assertThat(text(result))
                .isEqualTo("Upstream failed with HTTP 503 Service Unavailable. This is a server-side"
                        + " problem; retrying later may help.");
    }

    @Test
    void anHtmlErrorPageGivesTheWordsOnItNotItsMarkup() {
        ToolResult result = map(
                response(
                        503,
                        "text/html; charset=utf-8",
                        "<!DOCTYPE html><html><head><title>503</title><style>body{color:red}</style>"
                                + "<script>var x = 1 < 2;</script></head><body><!-- node 7 --><h1>Service"
                                + " Unavailable</h1><p>Try again &amp; again.</p></body></html>"),
                ResponseShape.UNSTRUCTURED);
        assertThat(text(result))
                .startsWith("Upstream failed with HTTP 503 Service Unavailable: 503 Service Unavailable Try again &"
                        + " again. This is a server-side problem");
    }

    @Test
    void anErrorMessageEndingInAPeriodGetsNoSecondOne() {
        ToolResult result = map(
                response(429, "application/json", "{\"message\": \"Slow down, please.\"}"), ResponseShape.UNSTRUCTURED);
        assertThat(text(result))
                .startsWith("Upstream is throttling requests (HTTP 429 Too Many Requests): Slow down, please. Retry")
                .doesNotContain("..");
    }

    @Test
    void serverErrorIsMarkedAsRetryable() {
        ToolResult result = map(
                response(502, "application/json", "{\"message\": \"Internal server error\"}"),
                ResponseShape.UNSTRUCTURED);
        assertThat(text(result))
                .isEqualTo("Upstream failed with HTTP 502 Bad Gateway: Internal server error. This"
                        + " is a server-side problem; retrying later may help.");
        assertThat(result.result().get("isError").asBoolean()).isTrue();
    }

    @Test
    void redirectsAreNotFollowed() {
        ToolResult result = map(response(302, null, "", "location", "https://elsewhere/"), ResponseShape.UNSTRUCTURED);
        assertThat(result.outcome()).isEqualTo(CallOutcome.REDIRECT);
        assertThat(text(result)).contains("HTTP 302").doesNotContain("elsewhere");
    }

    @Test
    void aPassedDeadlineSaysWhatWasLate() {
        ToolResult body = mapper.failure(
                new UpstreamFailure(
                        UpstreamFailure.Kind.DEADLINE, ExchangePhase.BODY, 12, 200, "deadline passed", null),
                "u",
                500);
        assertThat(text(body))
                .isEqualTo("The upstream did not answer within the tool's deadline of 500 ms (the"
                        + " export's timeoutInMillis, else upstream.timeout-ms): the response headers arrived, but the body did"
                        + " not finish (HTTP 200, 12 bytes received). The gateway closed the connection.");
        assertThat(body.outcome()).isEqualTo(CallOutcome.TIMEOUT);
        assertThat(body.detail()).isEqualTo("body");
        assertThat(text(mapper.failure(
                        new UpstreamFailure(
                                UpstreamFailure.Kind.DEADLINE, ExchangePhase.CONNECT, 0, 0, "deadline passed", null),
                        "u",
                        500)))
                .contains("no connection to the upstream was established");
    }

    @Test
    void failuresHaveClearMessagesAndNoStackTraces() {
        assertThat(mapper.failure(
                                new UpstreamFailure(
                                        UpstreamFailure.Kind.CONNECT_TIMEOUT,
                                        ExchangePhase.CONNECT,
                                        0,
                                        0,
                                        "connect timeout",
                                        null),
                                "u",
                                5)
                        .outcome())
                .isEqualTo(CallOutcome.TIMEOUT);
        ToolResult refused = mapper.failure(
                new UpstreamFailure(
                        UpstreamFailure.Kind.CONNECT_FAILED,
                        ExchangePhase.CONNECT,
                        0,
                        0,
                        "connection refused or unreachable",
                        null),
                "http://h/p",
                5);
        assertThat(refused.outcome()).isEqualTo(CallOutcome.CONNECTION_FAILED);
        assertThat(text(refused))
                .isEqualTo("Could not connect to the upstream at http://h/p (connection refused or" + " unreachable).");
        ObjectNode internal = mapper.failure(new IllegalStateException("secret detail"), "u", 5)
                .result();
        assertThat(internal.toString()).doesNotContain("secret detail").doesNotContain("at dev.");
    }
}
