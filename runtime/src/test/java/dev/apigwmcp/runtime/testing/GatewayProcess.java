package dev.apigwmcp.runtime.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A gateway jar (a sample's, written by the plugin's package goal) started as its user would,
 * {@code java -jar gateway.jar ...}; over HTTP with its stderr copied to a file and the endpoint read from the
 * runtime's "serving MCP on" line.
 */
public final class GatewayProcess implements AutoCloseable {

    private static final Pattern SERVING = Pattern.compile("serving MCP on (http://\\S+)");

    private final Process process;
    private final URI endpoint;

    private GatewayProcess(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** The command line that starts {@code jar} with {@code args}, in this JVM's Java, with a small heap. */
    public static List<String> javaCommand(Path jar, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** Starts the jar (its {@code args} choose {@code --transport http}) and waits until it says where it serves. */
    public static GatewayProcess startHttp(Path jar, Path stderrLog, String... args) throws Exception {
        List<String> command = javaCommand(jar, args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().keySet().removeIf(name -> name.startsWith("APIGW_MCP_")); // only our options count
        return start(builder, stderrLog);
    }

    /**
     * {@link #startHttp(Path, Path, String...)} with these environment variables (secrets the settings name, AWS
     * keys); the developer's own {@code APIGW_MCP_*} and {@code AWS_*} variables are left out, so only these count.
     */
    public static GatewayProcess startHttp(Path jar, Path stderrLog, Map<String, String> environment, String... args)
            throws Exception {
        ProcessBuilder builder = new ProcessBuilder(javaCommand(jar, args)).redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().keySet().removeIf(name -> name.startsWith("APIGW_MCP_") || name.startsWith("AWS_"));
        builder.environment().putAll(environment);
        return start(builder, stderrLog);
    }

    private static GatewayProcess start(ProcessBuilder builder, Path stderrLog) throws Exception {
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<URI> endpoint = new CompletableFuture<>();
        Thread copier = new Thread(
                () -> {
                    try (BufferedReader reader = new BufferedReader(
                                    new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
                            PrintWriter log = new PrintWriter(Files.newBufferedWriter(stderrLog))) {
                        String line;
                        while ((line = reader.readLine()) != null) {
                            log.println(line);
                            log.flush();
                            Matcher matcher = SERVING.matcher(line);
                            if (matcher.find()) {
                                endpoint.complete(URI.create(matcher.group(1)));
                            }
                        }
                    } catch (IOException e) {
                        endpoint.completeExceptionally(e);
                    } finally {
                        endpoint.completeExceptionally(
                                new IllegalStateException("the gateway exited without serving; see " + stderrLog));
                    }
                },
                "gateway-stderr");
        copier.setDaemon(true);
        copier.start();
        try {
            return new GatewayProcess(process, endpoint.get(60, TimeUnit.SECONDS));
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the gateway did not say where it serves within 60 s; see " + stderrLog);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
