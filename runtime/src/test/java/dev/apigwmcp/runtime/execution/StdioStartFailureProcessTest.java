package dev.apigwmcp.runtime.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    private Process process;

    @AfterEach
    void stop() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The pets gateway, its API key variable named but not set (a check of the tool service's start). */
    private void launch() throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                PetsGatewayMain.class.getName(),
                "--target.pets.base-url",
                "http://127.0.0.1:9/",
                "--target.pets.api-key-env",
                "PETS_KEY",
                "--target.pets.oauth2.token-url",
                "http://127.0.0.1:9/token",
                "--target.pets.oauth2.client-id",
                "c-1",
                "--target.pets.oauth2.client-secret-env",
                "PETS_SECRET"));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("APIGW_MCP_") || name.startsWith("OTEL_"));
        builder.environment().remove("PETS_KEY");
        builder.environment().put("PETS_SECRET", "s-1");
        process = builder.start();
    }

    private int exitStatusWithStdinOpen() throws InterruptedException {
        assertThat(process.waitFor(30, TimeUnit.SECONDS))
                .as("the process ends with its stdin still open")
                .isTrue();
        return process.exitValue();
    }

    private List<String> stderrLines() throws IOException {
        return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .toList();
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
        assertThat(stderrLines()).singleElement().asString().startsWith(API_KEY_NOT_SET);
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
        assertThat(stderrLines()).singleElement().asString().startsWith(API_KEY_NOT_SET);
        // Answered or not depends on which came first, the line or the failed check; never anything else.
        assertThat(stdoutLines())
                .hasSizeLessThanOrEqualTo(1)
                .allSatisfy(line -> assertThat(line).startsWith("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":"));
    }
}
