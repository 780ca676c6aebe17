package dev.apigwmcp.runtime.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.runtime.config.Settings;
import dev.apigwmcp.runtime.search.SearchSettings;
import dev.apigwmcp.runtime.search.SearchingToolService;
import dev.apigwmcp.runtime.tools.Caller;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The tool search's only mode as a caller limited to read-only tools meets it through the protocol layer. */
class SearchVisibilityTest {

    private static final Caller READ_ONLY = new Caller("reader", Set.of("read"), null, true, Map.of());

    private final McpServer server = new McpServer(
                    SearchingToolService.around(
                            new FixtureToolService(0), SearchSettings.from(Settings.of(Map.of("search.mode", "only")))),
                    ServerOptions.defaults(),
                    true)
            .forCaller(READ_ONLY);

    @Test
    void aReadOnlyCallerListsTheSearchAndTheCallTool() {
        List<String> names = new ArrayList<>();
        send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}")
                .path("result")
                .path("tools")
                .forEach(tool -> names.add(tool.path("name").asString()));
        assertThat(names).containsExactly("call_tool", "search_tools");
    }

    @Test
    void aToolThatMayChangeDataIsRefusedAReadOnlyCallerDirectlyAndThroughTheCallTool() {
        JsonNode direct =
                send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\"}}");
        assertThat(direct.path("error").path("code").asInt()).isEqualTo(JsonRpc.INVALID_PARAMS);
        JsonNode through = send("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"call_tool\",\"arguments\":{\"name\":\"echo\",\"arguments\":{}}}}");
        assertThat(through.path("result").path("isError").asBoolean(false)).isTrue();
        assertThat(through.path("result").path("content").get(0).path("text").asString())
                .contains("read-only");
    }

    private final ClientSession session = initialized();

    private ClientSession initialized() {
        ClientSession started = new ClientSession("s");
        send(
                started,
                "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                        + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
        send(started, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        return started;
    }

    private JsonNode send(String json) {
        return send(session, json);
    }

    private JsonNode send(ClientSession on, String json) {
        Reply reply = server.handle(FrameParser.parse(json.getBytes(StandardCharsets.UTF_8)), on, frame -> {})
                .orTimeout(5, TimeUnit.SECONDS)
                .join();
        return reply == null ? null : JsonRpc.MAPPER.readTree(reply.bytes());
    }
}
