package dev.apigwmcp.runtime.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.runtime.tools.CallContext;
import dev.apigwmcp.runtime.tools.TraceContext;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What a {@code tools/call} tells the tool side about itself: id, revision and the caller's trace context. */
class CallContextTest {

    private static final String CALLER = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final String HEADER = "00-11111111111111111111111111111111-2222222222222222-01";

    private final RecordingToolService tools = new RecordingToolService();
    private final McpServer server = new McpServer(tools, ServerOptions.defaults());

    private CallContext call(String meta, TraceContext transport) {
        ClientSession session = new ClientSession("s");
        server.handle(
                        FrameParser.parse(("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":"
                                        + "{\"protocolVersion\":\"2025-11-25\"}}")
                                .getBytes(StandardCharsets.UTF_8)),
                        session,
                        frame -> {})
                .join();
        server.handle(
                        FrameParser.parse(("{\"jsonrpc\":\"2.0\",\"id\":\"call-1\",\"method\":\"tools/call\","
                                        + "\"params\":{\"name\":\"echo\",\"arguments\":{}" + meta + "}}")
                                .getBytes(StandardCharsets.UTF_8)),
                        session,
                        new CallScope(null, transport),
                        frame -> {})
                .join();
        assertThat(tools.contexts()).hasSize(1);
        return tools.contexts().get(0);
    }

    @Test
    void theRequestIdAndProtocolVersionReachTheToolSide() {
        CallContext context = call("", null);
        assertThat(context.requestId()).isEqualTo("call-1");
        assertThat(context.protocolVersion()).isEqualTo("2025-11-25");
        assertThat(context.trace()).isNull();
    }

    @Test
    void aTraceparentInMetaReachesTheToolSide() {
        CallContext context = call(",\"_meta\":{\"traceparent\":\"" + CALLER + "\",\"tracestate\":\"a=1\"}", null);
        assertThat(context.trace()).isEqualTo(new TraceContext(CALLER, "a=1"));
    }

    @Test
    void theTransportsTraceContextServesACallWithoutItsOwn() {
        CallContext context = call(",\"_meta\":{\"progressToken\":1}", TraceContext.of(HEADER, "b=2"));
        assertThat(context.trace()).isEqualTo(new TraceContext(HEADER, "b=2"));
    }

    @Test
    void aCallsOwnTraceContextWinsOverTheTransports() {
        CallContext context = call(",\"_meta\":{\"traceparent\":\"" + CALLER + "\"}", TraceContext.of(HEADER, "b=2"));
        assertThat(context.trace()).isEqualTo(new TraceContext(CALLER, null));
    }

    @Test
    void aMalformedTraceparentInMetaIsNoContext() {
        CallContext context = call(",\"_meta\":{\"traceparent\":\"00-xyz\"}", null);
        assertThat(context.trace()).isNull();
    }
}
