package dev.apigwmcp.runtime.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.runtime.protocol.FixtureToolService;
import dev.apigwmcp.runtime.protocol.McpServer;
import dev.apigwmcp.runtime.protocol.ServerOptions;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The official MCP Java SDK client (legacy era) against our server, over stdio (a real JVM) and Streamable HTTP. */
@Timeout(60)
class SdkClientTest {

    /** The gateway launched as its own JVM with the fixture tool service. */
    static List<String> gatewayCommand() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return List.of(
                java.toString(),
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.apigwmcp.runtime.Gateway",
                "--tool-service",
                "fixture",
                "--fixture.filler-tools",
                "150");
    }

    private static void exercise(McpClientTransport transport) {
        try (McpSyncClient client =
                McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20)).build()) {
            McpSchema.InitializeResult init = client.initialize();
            assertThat(init.serverInfo().name()).isEqualTo("apigw-mcp");
            assertThat(init.capabilities().tools()).isNotNull();

            List<McpSchema.Tool> tools = new ArrayList<>();
            String cursor = null;
            do {
                McpSchema.ListToolsResult page = client.listTools(cursor);
                tools.addAll(page.tools());
                cursor = page.nextCursor();
            } while (cursor != null);
            assertThat(tools)
                    .extracting(McpSchema.Tool::name)
                    .contains("echo", "test_simple_text")
                    .isSorted();

            McpSchema.CallToolResult echo = client.callTool(McpSchema.CallToolRequest.builder()
                    .name("echo")
                    .arguments(Map.of("a", 1))
                    .build());
            assertThat(echo.isError()).isNotEqualTo(Boolean.TRUE);
            assertThat(((McpSchema.TextContent) echo.content().get(0)).text()).isEqualTo("{\"a\":1}");

            McpSchema.CallToolResult error = client.callTool(McpSchema.CallToolRequest.builder()
                    .name("test_error_handling")
                    .arguments(Map.of())
                    .build());
            assertThat(error.isError()).isTrue();
            client.ping();
        }
    }

    @Test
    void sdkClientWorksOverStdio() {
        List<String> command = gatewayCommand();
        ServerParameters parameters = ServerParameters.builder(command.get(0))
                .args(command.subList(1, command.size()))
                .build();
        exercise(new StdioClientTransport(parameters, McpJsonDefaults.getMapper()));
    }

    @Test
    void sdkClientWorksOverStreamableHttp() throws Exception {
        HttpOptions options = HttpOptions.defaults().withPort(0);
        try (HttpTransport transport = new HttpTransport(
                        new McpServer(new FixtureToolService(150), ServerOptions.defaults()), options)
                .start()) {
            exercise(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + transport.port())
                    .endpoint("/mcp")
                    .build());
        }
    }

    /** Process start to the first {@code initialize} answer over stdio: a sanity bound here; figures go in the report. */
    @Test
    void stdioAnswersInitializeSoonAfterStart() throws Exception {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(gatewayCommand())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (OutputStream in = process.getOutputStream();
                BufferedReader out =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            in.write(
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\"}}\n"
                            .getBytes(StandardCharsets.UTF_8));
            in.flush();
            String line = out.readLine();
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.err.println("stdio initialize round trip from process start: " + millis + " ms");
            assertThat(line).contains("\"protocolVersion\":\"2025-11-25\"");
            assertThat(millis).isLessThan(10_000);
        }
        assertThat(process.waitFor()).isZero(); // stdin closed above: the gateway exits 0 on EOF
    }
}
