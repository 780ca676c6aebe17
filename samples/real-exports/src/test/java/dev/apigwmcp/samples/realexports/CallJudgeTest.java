package dev.apigwmcp.samples.realexports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CallJudgeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final CallJudge judge =
            new CallJudge("/v1", new CredentialCheck(TargetCredentials.of("t"), List.of(), null));

    @Test
    void aToolErrorIsOnlyAcceptedAsTheOutputSchemaFallbackThatStillCarriesTheBody() throws Exception {
        ClientCall fallback = call(
                "{}",
                "{\"isError\":true,\"content\":[{\"type\":\"text\",\"text\":\"Upstream"
                        + " answered HTTP 200 with XML, not the JSON the tool's output schema documents\"},"
                        + "{\"type\":\"text\",\"text\":\"<a/>\"}]}");
        var schema = JSON.readTree("{\"type\":\"object\"}");
        var none = tools.jackson.databind.node.MissingNode.getInstance();

        assertThat(CallJudge.completion(fallback, schema)).isEmpty();
        assertThat(CallJudge.completion(fallback, none))
                .singleElement()
                .asString()
                .startsWith("tool error although the upstream answers 2xx");
        ClientCall otherError = call(
                "{}",
                "{\"isError\":true,\"content\":[{\"type\":\"text\",\"text\":"
                        + "\"Invalid arguments\"},{\"type\":\"text\",\"text\":\"x\"}]}");
        assertThat(CallJudge.completion(otherError, schema)).hasSize(1);
    }

    @Test
    void theExpectedPathKeepsTheStagePathAndEncodesEachValue() {
        OperationExpectation op = OperationExpectation.op("GET", "/items/{id}");
        ClientCall call = call("{\"id\":\"a b\"}", "{}");
        assertThat(judge.request(call, op, List.of(exchange("GET", "/v1/items/a%20b", null, ""))))
                .isEmpty();
        assertThat(judge.request(call, op, List.of(exchange("GET", "/items/a%20b", null, ""))))
                .containsExactly("sent path /items/a%20b, expected /v1/items/a%20b");
    }

    @Test
    void theStagesRootResourceMayBeCalledWithOrWithoutATrailingSlash() {
        OperationExpectation root = OperationExpectation.op("GET", "/");
        assertThat(judge.request(call("{}", "{}"), root, List.of(exchange("GET", "/v1/", null, ""))))
                .isEmpty();
        assertThat(judge.request(call("{}", "{}"), root, List.of(exchange("GET", "/v1", null, ""))))
                .isEmpty();
        assertThat(judge.request(call("{}", "{}"), root, List.of(exchange("GET", "/", null, ""))))
                .containsExactly("sent path /, expected /v1/");
    }

    @Test
    void aPathVariableWithoutArgumentIsNamed() {
        assertThat(judge.request(
                        call("{\"method\":\"GET\"}", "{}"),
                        OperationExpectation.op("ANY", "/echo/{data}"),
                        List.of(exchange("GET", "/v1/echo/", null, ""))))
                .containsExactly("the tool has no argument for path variable {data}");
    }

    @Test
    void anAnyToolMustSendTheMethodItsArgumentChose() {
        assertThat(judge.request(
                        call("{\"method\":\"PUT\"}", "{}"),
                        OperationExpectation.op("ANY", "/"),
                        List.of(exchange("GET", "/v1/", null, ""))))
                .containsExactly("sent GET, expected PUT");
    }

    @Test
    void aScalarArgumentMustArriveAsQueryParameterOrHeader() {
        OperationExpectation op = OperationExpectation.op("GET", "/calc");
        assertThat(judge.request(
                        call("{\"q1\":\"val-q1\"}", "{}"), op, List.of(exchange("GET", "/v1/calc", "q1=val-q1", ""))))
                .isEmpty();
        assertThat(judge.request(call("{\"q1\":\"val-q1\"}", "{}"), op, List.of(exchange("GET", "/v1/calc", null, ""))))
                .containsExactly("argument 'q1' (val-q1) was sent neither as query parameter nor as header q1");
        assertThat(judge.request(
                        call("{\"q1\":\"val-q1\"}", "{}"),
                        op,
                        List.of(exchange("GET", "/v1/calc", "q1=%22val-q1%22", ""))))
                .containsExactly("argument 'q1' is val-q1 but query parameter q1 was sent as [\"val-q1\"]");
    }

    @Test
    void theBodyArgumentMustArriveAsEqualJson() {
        OperationExpectation op = OperationExpectation.op("POST", "/person");
        ClientCall call = call("{\"body\":{\"name\":\"n\",\"b\":1}}", "{}");
        assertThat(judge.request(call, op, List.of(exchange("POST", "/v1/person", null, "{\"b\":1,\"name\":\"n\"}"))))
                .isEmpty();
        assertThat(judge.request(call, op, List.of(exchange("POST", "/v1/person", null, ""))))
                .containsExactly("argument 'body' did not arrive as the request body (received no body)");
    }

    @Test
    void aStringBodyArgumentMayArriveAsItsTextOrAsTheBytesItsBase64StandsFor() {
        OperationExpectation op = OperationExpectation.op("PUT", "/item");
        ClientCall base64 = call("{\"body\":\"aGVsbG8=\"}", "{}");
        assertThat(judge.request(base64, op, List.of(exchange("PUT", "/v1/item", null, "hello"))))
                .isEmpty();
        ClientCall urlSafe = call("{\"body\":\"val-body\"}", "{}");
        byte[] sent = java.util.Base64.getDecoder().decode("val+body");
        assertThat(judge.request(
                        urlSafe,
                        op,
                        List.of(new UpstreamExchange(
                                1, AnswerShape.JSON_OBJECT, "PUT", "/v1/item", null, Map.of(), sent, null))))
                .isEmpty();
        ClientCall xml = call("{\"body\":\"<a>1</a>\"}", "{}");
        assertThat(judge.request(xml, op, List.of(exchange("PUT", "/v1/item", null, "<a>1</a>"))))
                .isEmpty();
        assertThat(judge.request(base64, op, List.of(exchange("PUT", "/v1/item", null, "bye"))))
                .containsExactly("argument 'body' did not arrive as the request body (received bye)");
    }

    @Test
    void aJsonAnswerMayComeBackReformattedButNotChanged() throws Exception {
        String pretty =
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(AnswerShape.JSON_OBJECT.text()));
        assertThat(CallJudge.content(call("{}", result(pretty)), List.of(exchange("GET", "/v1", null, ""))))
                .isEmpty();
        assertThat(CallJudge.content(
                        call("{}", result("{\"message\":\"stored\"}")), List.of(exchange("GET", "/v1", null, ""))))
                .singleElement()
                .asString()
                .startsWith("the result text does not carry the upstream body");
    }

    @Test
    void anImageMustComeBackAsTheSameBytes() {
        String data = Base64.getEncoder().encodeToString(AnswerShape.PNG.body());
        UpstreamExchange png =
                new UpstreamExchange(1, AnswerShape.PNG, "GET", "/v1", null, Map.of(), new byte[0], null);
        assertThat(CallJudge.content(
                        call(
                                "{}",
                                "{\"content\":[{\"type\":\"image\",\"data\":\"" + data
                                        + "\",\"mimeType\":\"image/png\"}]}"),
                        List.of(png)))
                .isEmpty();
        assertThat(CallJudge.content(call("{}", result("image omitted")), List.of(png)))
                .containsExactly("the result has no image content with the upstream's PNG");
    }

    private static String result(String text) {
        return JSON.createObjectNode()
                .set(
                        "content",
                        JSON.createArrayNode()
                                .add(JSON.createObjectNode().put("type", "text").put("text", text)))
                .toString();
    }

    private static ClientCall call(String arguments, String result) {
        return new ClientCall(
                1, "t___tool", "json-object", JSON.readTree(arguments), List.of(), false, null, JSON.readTree(result));
    }

    private static UpstreamExchange exchange(String method, String path, String query, String body) {
        return new UpstreamExchange(
                1, AnswerShape.JSON_OBJECT, method, path, query, Map.of(), body.getBytes(StandardCharsets.UTF_8), null);
    }
}
