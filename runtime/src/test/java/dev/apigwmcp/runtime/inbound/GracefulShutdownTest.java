package dev.apigwmcp.runtime.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SIGTERM to a gateway process serving HTTP: the port closes at once, a call in flight finishes within the grace
 * period (and is cut when it would outlast it), and the process exits.
 */
@Timeout(60)
class GracefulShutdownTest {

    private static final Pattern SERVING = Pattern.compile("serving MCP on (http://\\S+)");

    private Process process;
    private Path log;

    @AfterEach
    void stop() throws IOException {
        if (process != null) {
            process.destroyForcibly();
        }
        if (log != null) {
            Files.deleteIfExists(log);
        }
    }

    private URI start(String grace) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(
                java.toString(),
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.apigwmcp.runtime.Gateway",
                "--tool-service",
                "fixture",
                "--transport",
                "http",
                "--port",
                "0",
                "--shutdown-grace-seconds",
                grace);
        builder.environment().keySet().removeIf(name -> name.startsWith("APIGW_MCP_"));
        // To a file, not a pipe: Process.destroy() closes the pipes, and the last lines are what this test reads.
        log = Files.createTempFile("gateway", ".log");
        process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && process.isAlive()) {
            Matcher matcher = SERVING.matcher(Files.readString(log));
            if (matcher.find()) {
                return URI.create(matcher.group(1));
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the gateway did not serve: " + Files.readString(log));
    }

    private static CompletableFuture<HttpResponse<String>> slowCall(URI endpoint, long ms) {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"slow\","
                + "\"arguments\":{\"ms\":" + ms + "},\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":"
                + "\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":{}}}}";
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("MCP-Protocol-Version", "2026-07-28")
                .header("Mcp-Method", "tools/call")
                .header("Mcp-Name", "slow")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aCallInFlightFinishesAndNoNewConnectionIsTaken() throws Exception {
        URI endpoint = start("20");
        // A first call answered: the gateway's call path is loaded, so the slow call below is surely in flight when
        // the stop comes, however loaded the machine.
        assertThat(slowCall(endpoint, 1).get(15, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        CompletableFuture<HttpResponse<String>> call = slowCall(endpoint, 3000);
        Thread.sleep(1000);

        process.destroy(); // SIGTERM
        Thread.sleep(300);

        assertThatThrownBy(() -> HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(endpoint.resolve("/healthz"))
                                        .timeout(Duration.ofSeconds(5))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
        HttpResponse<String> answered = call.get(15, TimeUnit.SECONDS);
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(process.waitFor(15, TimeUnit.SECONDS)).isTrue();
        assertThat(answered.body()).contains("slept 3000");
        assertThat(Files.readString(log))
                .contains(
                        "apigw-mcp: stopping: the port is closed, calls in flight have" + " up to 20 s to finish",
                        "apigw-mcp: stopped");
    }

    @Test
    void aCallThatWouldOutlastTheGracePeriodIsCutAndTheProcessExits() throws Exception {
        URI endpoint = start("1");
        CompletableFuture<HttpResponse<String>> call = slowCall(endpoint, 30_000);
        Thread.sleep(700);
        long stopping = System.nanoTime();

        process.destroy();

        assertThat(process.waitFor(15, TimeUnit.SECONDS)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(Duration.ofSeconds(8));
        try {
            HttpResponse<String> answered = call.get(10, TimeUnit.SECONDS);
            assertThat(answered.body()).doesNotContain("slept");
        } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
            // the connection was closed under it: cut, as meant
        }
    }
}
