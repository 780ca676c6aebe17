package dev.apigwmcp.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * {@code --make-class-archive [gateway options]}: makes the class archive ({@code NAME.jsa}) beside the running
 * gateway jar ({@code NAME.jar}) for this JDK and this place, from one training start of the jar with the options
 * given (those the gateway needs to start, e.g. {@code --demo}). The package goal makes one at build time, but a
 * JDK 17 archive only serves the JDK that made it and the jar at the path it was made for; a jar copied elsewhere
 * (an image, {@code /opt}) starts without it until this is run there once. The start scripts use the archive when
 * it is there.
 *
 * <p>The training start answers {@code initialize} and {@code tools/list} over stdio and ends with its input; it
 * calls no upstream, and gets placeholder AWS credentials and no instance metadata so that it never reaches for
 * real ones or the network. The archive is written to a temporary file and moved into place, so a gateway running
 * meanwhile keeps the one it mapped.
 */
final class ClassArchiveCommand {

    static final String OPTION = "--make-class-archive";

    /** What the training start is sent: the same as the package goal's training start. */
    static final String TRAINING_INPUT = String.join(
            "\n",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"apigw-mcp-class-archive\",\"version\":\"1\"}}}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
            "");

    private static final long TIMEOUT_SECONDS = 120;
    private static final Pattern JVM_LOG_LINE = Pattern.compile("\\[[0-9.]+s\\]\\[");

    private final PrintStream err;

    ClassArchiveCommand(PrintStream err) {
        this.err = err;
    }

    /** Makes the archive for the jar this class was loaded from; returns the exit status. */
    int run(List<String> gatewayOptions) {
        Path jar = runningJar();
        if (jar == null) {
            err.println("apigw-mcp: " + OPTION + " makes the archive of a gateway jar; this gateway was not started"
                    + " from one (java -jar NAME.jar " + OPTION + ")");
            return ExitCode.BAD_SETTINGS.code();
        }
        String file = jar.getFileName().toString();
        Path archive = jar.resolveSibling(file.substring(0, file.length() - ".jar".length()) + ".jsa");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        try {
            return make(java, jar, archive, gatewayOptions);
        } catch (IOException e) {
            err.println("apigw-mcp: cannot make the class archive " + archive + ": " + e.getMessage());
            return ExitCode.CANNOT_START.code();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("apigw-mcp: interrupted while making the class archive");
            return ExitCode.FAILED.code();
        }
    }

    private int make(Path java, Path jar, Path archive, List<String> gatewayOptions)
            throws IOException, InterruptedException {
        Path partial = archive.resolveSibling(archive.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        List<String> command = new ArrayList<>(List.of(
                java.toString(),
                "-XX:ArchiveClassesAtExit=" + partial,
                "-Xshare:auto",
                "-Xlog:disable",
                "-Xlog:all=warning:stderr",
                "-jar",
                jar.toString()));
        command.addAll(gatewayOptions);
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        trainingEnvironment(builder.environment());
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(TRAINING_INPUT.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The gateway stopped before reading its input (a start-up check): its status says why.
        }
        String errors;
        try (InputStream stderr = process.getErrorStream()) {
            errors = new String(stderr.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
            Files.deleteIfExists(partial);
            err.println("apigw-mcp: the training start did not end within " + TIMEOUT_SECONDS + " s; no archive made");
            return ExitCode.CANNOT_START.code();
        }
        int status = process.exitValue();
        String last = lastLine(errors);
        if (!Files.isRegularFile(partial)) {
            err.println("apigw-mcp: the training start ended with status " + status
                    + (last == null ? "" : " (" + last + ")") + "; no archive made");
            return status == 0 ? ExitCode.CANNOT_START.code() : status;
        }
        try {
            Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING);
        }
        String made = "apigw-mcp: wrote the class archive " + archive + " (for " + System.getProperty("java.vm.name")
                + " " + System.getProperty("java.version") + " and the jar at this path)";
        if (status != 0) {
            // As the package goal does: the classes loaded until the check still make the start faster.
            made += ", from a training start that stopped at start-up (status " + status
                    + (last == null ? "" : ": " + last) + "): it holds the classes loaded until then; give it the"
                    + " options the gateway needs to start: " + OPTION + " OPTIONS...";
        }
        err.println(made);
        return ExitCode.OK.code();
    }

    /** The jar the gateway runs from, or {@code null} when its classes are not in a jar. */
    private static Path runningJar() {
        CodeSource source = ClassArchiveCommand.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            Path path = Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
            return Files.isRegularFile(path) && path.getFileName().toString().endsWith(".jar") ? path : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** No gateway or OpenTelemetry settings of this environment, placeholder AWS credentials, no metadata service. */
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

    /** The gateway's last line, not the JVM's own log lines. */
    private static String lastLine(String text) {
        List<String> lines = text.lines()
                .filter(line -> !line.isBlank() && !JVM_LOG_LINE.matcher(line).lookingAt())
                .toList();
        return lines.isEmpty() ? null : lines.get(lines.size() - 1);
    }
}
