package dev.apigwmcp.runtime.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The initialize answer written without the mapper, checked against the server's own answer. */
class HandshakeTest {

    private static final ServerOptions OPTIONS =
            new ServerOptions("pets-gateway", "1.2.3", "Use \"listPets\" first;\nthen ünïcödé", 100, 300_000);

    private static byte[] early(String frame, ClientSession session) {
        return Handshake.answer(frame.getBytes(StandardCharsets.UTF_8), session, OPTIONS);
    }

    private static byte[] fromServer(String frame, ClientSession session) {
        McpServer server = new McpServer(new FixtureToolService(), OPTIONS);
        return server.handle(FrameParser.parse(frame.getBytes(StandardCharsets.UTF_8)), session, bytes -> {})
                .join()
                .bytes();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"x\",\"version\":\"1\"}}}",
                "{\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-03-26\"},\"id\":\"a\\\"b\\u00e9\","
                        + "\"jsonrpc\":\"2.0\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":123456789012345678901234567890,\"method\":\"initialize\",\"params\":"
                        + "{\"protocolVersion\":\"1999-01-01\",\"capabilities\":{\"roots\":{\"listChanged\":true},"
                        + "\"sampling\":{},\"9bad\":1,\"elicitation\":[1,{\"a\":2}]},\"clientInfo\":{\"n\":[[]]}}}",
                "  {\"jsonrpc\":\"2.0\",\"id\":-7,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                        + "\"capabilities\":null}}  "
            })
    void aPlainInitializeIsAnsweredWithTheServersBytesAndSession(String frame) {
        ClientSession early = new ClientSession("early");
        ClientSession server = new ClientSession("server");

        byte[] answer = early(frame, early);

        assertThat(answer).isNotNull();
        assertThat(new String(answer, StandardCharsets.UTF_8))
                .isEqualTo(new String(fromServer(frame, server), StandardCharsets.UTF_8));
        assertThat(early.protocolVersion()).isEqualTo(server.protocolVersion());
        assertThat(early.clientCapabilities()).isEqualTo(server.clientCapabilities());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{not json",
                "",
                "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\"}}]",
                "{\"jsonrpc\":\"2.0\",\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\"}}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":20250618}}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                        + "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\"}}}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"id\":2,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"x\"}}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"x\"},\"extra\":1}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"x\"}} {}",
                "{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"x\"}}",
                "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"x\"}}",
                "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"x\"}}",
                "{\"jsonrpc\":\"2.0\",\"id\":{\"method\":\"initialize\"},\"params\":{\"protocolVersion\":\"x\"}}"
            })
    void anythingElseIsLeftToTheServerWithTheSessionUntouched(String frame) {
        ClientSession session = new ClientSession("early");

        assertThat(early(frame, session)).isNull();
        assertThat(session.protocolVersion()).isNull();
        assertThat(session.clientCapabilities()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 16, 17, 40})
    void atMostSixteenCapabilityNamesAreKeptAsTheServerKeepsThem(int count) {
        StringBuilder capabilities = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            capabilities
                    .append(i == 0 ? "" : ",")
                    .append("\"c")
                    .append(count - i)
                    .append("\":{}");
        }
        String frame = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":" + capabilities + "}}}";
        ClientSession early = new ClientSession("early");
        ClientSession server = new ClientSession("server");

        early(frame, early);
        fromServer(frame, server);

        assertThat(early.clientCapabilities()).hasSize(Math.min(count, 16)).isEqualTo(server.clientCapabilities());
    }
}
