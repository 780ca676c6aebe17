package dev.apigwmcp.maven.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Makes the gateway jar's AppCDS archive (JDK 13+ dynamic archive): one training start of the jar, with
 * {@code -XX:ArchiveClassesAtExit}, that answers {@code initialize} and {@code tools/list} over stdio and ends
 * with its input. The JVM writes the classes that start loaded, parsed and verified, so a later start that maps
 * the archive skips that work. The archive belongs to the JDK that made it; another JDK ignores it.
 *
 * <p>The training start gets placeholder AWS credentials and no instance metadata (it never calls an upstream,
 * and it must not reach for a developer's real credentials or the network), and none of the gateway's or
 * OpenTelemetry's variables of the build's environment. A gateway that needs more to start (an API key variable)
 * stops at that check with its one-line reason; the archive then holds the classes loaded until there.
 */
public final class ClassArchive {

    /** The JVM flags that route the JVM's own warnings (an archive of another JDK) to stderr, never stdout. */
    public static final List<String> QUIET_FLAGS = List.of("-Xshare:auto", "-Xlog:disable", "-Xlog:all=warning:stderr");

    private static final Pattern JVM_LOG_LINE = Pattern.compile("\\[[0-9.]+s\\]\\[");

    private static final String TRAINING_INPUT = String.join(
            "\n",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"apigw-mcp-class-archive\",\"version\":\"1\"}}}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
            "");

    /**
     * What to make.
     *
     * @param java      the {@code java} executable of the JDK that will run the gateway
     * @param jar       the gateway jar
     * @param archive   the archive to write (replaced)
     * @param arguments the gateway's arguments for the training start
     * @param timeout   longest training start; it is stopped after that
     */
    public record Request(Path java, Path jar, Path archive, List<String> arguments, Duration timeout) {

        public Request {
            Objects.requireNonNull(java, "java == null");
            Objects.requireNonNull(jar, "jar == null");
            Objects.requireNonNull(archive, "archive == null");
            Objects.requireNonNull(timeout, "timeout == null");
            arguments = List.copyOf(arguments);
        }
    }

    /**
     * How the training start ended.
     *
     * @param exitCode   the gateway's exit status (-1 when it was stopped at the timeout)
     * @param archived   whether the archive was written
     * @param lastError  the last line the gateway wrote on stderr, or {@code null}
     */
    public record Result(int exitCode, boolean archived, String lastError) {}

    /** Runs the training start; never throws for what the gateway does, only for an I/O failure here. */
    public Result make(Request request) throws IOException, InterruptedException {
        Files.deleteIfExists(request.archive());
        List<String> command =
                new ArrayList<>(List.of(request.java().toString(), "-XX:ArchiveClassesAtExit=" + request.archive()));
        command.addAll(QUIET_FLAGS);
        command.add("-jar");
        command.add(request.jar().toString());
        command.addAll(request.arguments());
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        trainingEnvironment(builder.environment());
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(TRAINING_INPUT.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The gateway stopped before reading its input (a start-up check): its exit status says why.
        }
        String errors;
        try (InputStream err = process.getErrorStream()) {
            errors = new String(err.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(request.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor();
            return new Result(-1, false, null);
        }
        return new Result(process.exitValue(), Files.isRegularFile(request.archive()), lastLine(errors));
    }

    static void trainingEnvironment(Map<String, String> environment) {
        environment
                .keySet()
                .removeIf(name -> name.startsWith("APIGW_MCP_")
                        || name.startsWith("OTEL_")
                        || name.startsWith("AWS_")
                        || name.equals("JAVA_TOOL_OPTIONS")
                        || name.equals("JDK_JAVA_OPTIONS"));
        environment.put("AWS_ACCESS_KEY_ID", "APIGWMCPTRAINING");
        environment.put("AWS_SECRET_ACCESS_KEY", "apigw-mcp-class-archive-training-placeholder");
        environment.put("AWS_REGION", "us-east-1");
        environment.put("AWS_EC2_METADATA_DISABLED", "true");
    }

    /** The gateway's last line, not the JVM's own log lines ({@code [1.063s][warning][cds] ...}). */
    static String lastLine(String text) {
        List<String> lines = text.lines()
                .filter(line -> !line.isBlank() && !JVM_LOG_LINE.matcher(line).lookingAt())
                .toList();
        return lines.isEmpty() ? null : lines.get(lines.size() - 1);
    }
}
