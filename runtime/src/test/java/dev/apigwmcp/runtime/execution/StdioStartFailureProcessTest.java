package dev.apigwmcp.runtime.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.runtime.testing.GatewayMainProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The launcher as a process over stdio whose start fails after its input is open: the tool service starts while
 * {@code initialize} may already be answered, and a start check that fails then still ends the process with its
 * message and exit status, also while the client sends nothing more and keeps stdin open.
 */
@Timeout(60)
class StdioStartFailureProcessTest {

    private static final String API_KEY_NOT_SET =
            "apigw-mcp: target 'pets': environment variable PETS_KEY (named by target.pets.";

    private GatewayMainProcess gateway;
    private Process process;

    @AfterEach
    void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
    }

    /** The pets gateway, its API key variable named but not set (a check of the tool service's start). */
    private void launch() throws IOException {
        gateway = GatewayMainProcess.of(PetsGatewayMain.class)
                .args("--target.pets.base-url", "http://127.0.0.1:9/")
                .args(PetsGatewayMain.credentials("PETS_SECRET"))
                .unset("PETS_KEY")
                .environment(Map.of("PETS_SECRET", "s-1"))
                .start();
        process = gateway.process();
    }

    private int exitStatusWithStdinOpen() throws InterruptedException {
        assertThat(process.waitFor(30, TimeUnit.SECONDS))
                .as("the process ends with its stdin still open")
                .isTrue();
        return process.exitValue();
    }

    private List<String> stdoutLines() throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .toList();
    }

    @Test
    void aStartThatFailsWhileTheClientSendsNothingEndsTheProcessWithStatus3AndItsMessage() throws Exception {
        launch();

        assertThat(exitStatusWithStdinOpen()).isEqualTo(3);
        assertThat(gateway.stderrLines()).singleElement().asString().startsWith(API_KEY_NOT_SET);
        assertThat(stdoutLines()).isEmpty();
    }

    @Test
    void aStartThatFailsAfterInitializeEndsTheProcessWithStatus3AndNothingButThatAnswer() throws Exception {
        launch();
        OutputStream stdin = process.getOutputStream();
        stdin.write(("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                        + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}\n")
                .getBytes(StandardCharsets.UTF_8));
        stdin.flush();

        assertThat(exitStatusWithStdinOpen()).isEqualTo(3);
        assertThat(gateway.stderrLines()).singleElement().asString().startsWith(API_KEY_NOT_SET);
        // Answered or not depends on which came first, the line or the failed check; never anything else.
        assertThat(stdoutLines())
                .hasSizeLessThanOrEqualTo(1)
                .allSatisfy(line -> assertThat(line).startsWith("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":"));
    }
}
