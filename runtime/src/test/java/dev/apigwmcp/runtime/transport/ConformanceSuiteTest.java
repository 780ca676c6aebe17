package dev.apigwmcp.runtime.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.runtime.protocol.FixtureToolService;
import dev.apigwmcp.runtime.protocol.McpServer;
import dev.apigwmcp.runtime.protocol.ServerOptions;
import dev.apigwmcp.runtime.testing.NodeModules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs the MCP conformance suite ({@code @modelcontextprotocol/conformance}, pinned) against the Streamable HTTP
 * transport with the fixture tools, checking results against {@code src/test/resources/conformance-baseline.yml}.
 * Node 22 and the suite are installed once with npm into the repository's git-ignored {@code .cache/} folder
 * ({@link NodeModules}); later runs need no network. An install failure fails this test. Skip it for quick local
 * runs with {@code -Dconformance.skip=true}.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ConformanceSuiteTest {

    @Test
    void conformanceSuitePassesExceptBaseline() throws Exception {
        Assumptions.assumeFalse(
                Boolean.getBoolean("conformance.skip"), "conformance suite skipped by -Dconformance.skip=true");
        Path module = Path.of("").toAbsolutePath();
        NodeModules node = NodeModules.ensureInstalled(module.resolve("target"));
        Path baseline = module.resolve("src/test/resources/conformance-baseline.yml");
        Path workDir = Files.createDirectories(module.resolve("target/conformance"));
        Path log = workDir.resolve("conformance.log");
        HttpOptions options = HttpOptions.defaults().withPort(0);
        try (HttpTransport transport =
                new HttpTransport(new McpServer(new FixtureToolService(), ServerOptions.defaults()), options).start()) {
            int exit = node.run(
                    List.of(
                            node.conformanceCli().toString(),
                            "server",
                            "--url",
                            transport.endpoint().toString(),
                            "--expected-failures",
                            baseline.toString()),
                    workDir,
                    log,
                    240);
            String output = Files.readString(log, StandardCharsets.UTF_8);
            System.err.println(output);
            assertThat(exit)
                    .as("conformance suite timed out; output in %s", log)
                    .isNotEqualTo(-1);
            assertThat(exit)
                    .as("conformance suite reported unexpected results (see %s):%n%s", log, tail(output))
                    .isZero();
        }
    }

    private static String tail(String text) {
        return text.length() <= 6000 ? text : text.substring(text.length() - 6000);
    }
}
