package dev.apigwmcp.runtime.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FrameParserTest {

    private static Frame parse(String text) {
        return FrameParser.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void malformedJsonIsParseErrorWithNullId() {
        Frame frame = parse("{\"jsonrpc\":\"2.0\",");
        assertThat(frame).isInstanceOf(Frame.Invalid.class);
        Frame.Invalid invalid = (Frame.Invalid) frame;
        assertThat(invalid.error().code()).isEqualTo(JsonRpc.PARSE_ERROR);
        assertThat(invalid.id()).isNull();
        assertThat(invalid.error().message()).startsWith("Parse error").doesNotContain("at tools.jackson");
    }

    @Test
    void wrongJsonRpcVersionIsInvalidRequestKeepingId() {
        Frame.Invalid invalid = (Frame.Invalid) parse("{\"jsonrpc\":\"1.0\",\"id\":7,\"method\":\"ping\"}");
        assertThat(invalid.error().code()).isEqualTo(JsonRpc.INVALID_REQUEST);
        assertThat(invalid.id().asInt()).isEqualTo(7);
    }

    @Test
    void objectIdIsInvalidRequest() {
        Frame.Invalid invalid = (Frame.Invalid) parse("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}");
        assertThat(invalid.error().code()).isEqualTo(JsonRpc.INVALID_REQUEST);
    }

    @Test
    void arrayParamsAreInvalidParams() {
        Frame.Invalid invalid =
                (Frame.Invalid) parse("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"tools/list\",\"params\":[]}");
        assertThat(invalid.error().code()).isEqualTo(JsonRpc.INVALID_PARAMS);
    }

    @Test
    void stringAndNumberIdsAreKept() {
        Message byString = ((Frame.Single) parse("{\"jsonrpc\":\"2.0\",\"id\":\"x1\",\"method\":\"ping\"}")).message();
        Message byNumber = ((Frame.Single) parse("{\"jsonrpc\":\"2.0\",\"id\":42,\"method\":\"ping\"}")).message();
        assertThat(byString.id().asString()).isEqualTo("x1");
        assertThat(byNumber.id().isNumber()).isTrue();
        assertThat(byString.params()).isEmpty();
    }

    @Test
    void decimalsInParamsKeepEveryDigitAsWritten() {
        Message call = ((Frame.Single) parse("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":"
                        + "{\"name\":\"t\",\"arguments\":{\"price\":1.50,\"big\":12345678901234567890.12345}}}"))
                .message();
        JsonNode arguments = call.params().get("arguments");
        assertThat(arguments.get("price").decimalValue().toPlainString()).isEqualTo("1.50");
        assertThat(arguments.get("big").decimalValue().toPlainString()).isEqualTo("12345678901234567890.12345");
    }

    @Test
    void arrayIsBatchAndEmptyArrayIsInvalid() {
        assertThat(parse("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]"))
                .isInstanceOf(Frame.Batch.class);
        assertThat(((Frame.Invalid) parse("[]")).error().code()).isEqualTo(JsonRpc.INVALID_REQUEST);
    }

    @Test
    void clientResponseIsRecognisedAsResponse() {
        Message response = ((Frame.Single) parse("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}")).message();
        assertThat(response.isResponse()).isTrue();
    }
}
