package dev.apigwmcp.runtime.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A gateway's main class of the test class path started as a child process, in this JVM's Java with its class
 * path, as an MCP client starts a gateway: stdin and stdout are the process's pipes (stdout optionally a file), and
 * stderr is collected line by line as it comes, so a test can wait for a line and still see every line on failure.
 * The developer's own {@code APIGW_MCP_*} and {@code OTEL_*} variables are left out of its environment, so only the
 * test's settings count.
 */
public final class GatewayMainProcess implements AutoCloseable {

    private static final String SERVING = "apigw-mcp: serving MCP on ";

    private final Process process;
    private final List<String> stderr = Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<URI> serving = new CompletableFuture<>();
    private final Thread reader;

    private GatewayMainProcess(Process process) {
        this.process = process;
        this.reader = new Thread(this::collectStderr, "gateway-stderr");
        reader.setDaemon(true);
        reader.start();
    }

    /** What to start: {@code mainClass} with the arguments, JVM options and environment the builder is given. */
    public static Builder of(Class<?> mainClass) {
        return new Builder(mainClass);
    }

    private void collectStderr() {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                stderr.add(line);
                if (line.startsWith(SERVING)) {
                    serving.complete(URI.create(line.substring(SERVING.length())));
                }
            }
        } catch (IOException e) {
            // the process ended
        }
        serving.completeExceptionally(new IllegalStateException("not serving: " + stderr));
    }

    public Process process() {
        return process;
    }

    /** The stderr lines so far, growing while the process writes (a live view). */
    public List<String> stderr() {
        return Collections.unmodifiableList(stderr);
    }

    /**
     * Every stderr line, once the process has closed its stderr (it has ended); waits up to 30 s for that.
     *
     * @throws IllegalStateException when stderr is still open after 30 s
     */
    public List<String> stderrLines() throws InterruptedException {
        reader.join(TimeUnit.SECONDS.toMillis(30));
        if (reader.isAlive()) {
            throw new IllegalStateException("stderr still open after 30 s: " + stderr);
        }
        return List.copyOf(stderr);
    }

    /** Completes with the HTTP endpoint once the gateway says where it serves; fails if stderr ends first. */
    public CompletableFuture<URI> serving() {
        return serving;
    }

    /** Ends the process if it still runs: asked first, forced after 10 s. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** The command line and environment of one start. */
    public static final class Builder {

        private final Class<?> mainClass;
        private final List<String> jvmOptions = new ArrayList<>();
        private final List<String> args = new ArrayList<>();
        private final Map<String, String> environment = new HashMap<>();
        private final Set<String> unset = new HashSet<>();
        private Path stdoutFile;

        private Builder(Class<?> mainClass) {
            this.mainClass = mainClass;
        }

        /** JVM options after the default {@code -XX:TieredStopAtLevel=1} (quicker start, as the tests need). */
        public Builder jvmOptions(List<String> options) {
            jvmOptions.addAll(options);
            return this;
        }

        /** Arguments of the main class, after those given before. */
        public Builder args(List<String> more) {
            args.addAll(more);
            return this;
        }

        public Builder args(String... more) {
            return args(List.of(more));
        }

        /** Environment variables to set (over the inherited ones). */
        public Builder environment(Map<String, String> variables) {
            environment.putAll(variables);
            return this;
        }

        /** An inherited environment variable to leave out. */
        public Builder unset(String variable) {
            unset.add(variable);
            return this;
        }

        /** Sends stdout to {@code file} instead of the process's pipe. */
        public Builder stdoutTo(Path file) {
            stdoutFile = file;
            return this;
        }

        public GatewayMainProcess start() throws IOException {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1"));
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().keySet().removeIf(name -> name.startsWith("APIGW_MCP_") || name.startsWith("OTEL_"));
            builder.environment().keySet().removeAll(unset);
            builder.environment().putAll(environment);
            if (stdoutFile != null) {
                builder.redirectOutput(stdoutFile.toFile());
            }
            return new GatewayMainProcess(builder.start());
        }
    }
}
