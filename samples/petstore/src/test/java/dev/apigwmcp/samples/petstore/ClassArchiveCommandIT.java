package dev.apigwmcp.samples.petstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --make-class-archive} on the shipped jar copied elsewhere: the package goal's archive only serves the jar
 * at the path it was made for, and the command makes one for the new place that the JVM accepts.
 */
class ClassArchiveCommandIT {

    private static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path moved;

    @Test
    void aJarCopiedElsewhereGetsAnArchiveForItsNewPlaceThatTheJvmMaps() throws Exception {
        Path built = Path.of(System.getProperty("gateway.jar", "target/petstore-gateway.jar"))
                .toAbsolutePath();
        Path jar = Files.copy(built, moved.resolve("petstore-gateway.jar"));
        Path packaged = built.resolveSibling("petstore-gateway.jsa");
        if (Files.isRegularFile(packaged)) {
            // What the command is for: the build's archive is refused for the copied jar.
            assertThat(run(List.of(
                                    JAVA,
                                    "-Xshare:on",
                                    "-XX:SharedArchiveFile=" + packaged,
                                    "-jar",
                                    jar.toString(),
                                    "--list-tools"))
                            .status())
                    .isNotZero();
        }

        Result made = run(List.of(JAVA, "-jar", jar.toString(), "--make-class-archive", "--demo"));

        assertThat(made.status()).as(made.err()).isZero();
        assertThat(made.err())
                .contains("wrote the class archive")
                .contains(moved.resolve("petstore-gateway.jsa").toString());
        assertThat(moved.resolve("petstore-gateway.jsa")).isRegularFile();
        assertThat(moved.resolve("petstore-gateway.jsa.partial")).doesNotExist();
        // -Xshare:on: the JVM stops rather than start without the archive.
        Process gateway = new ProcessBuilder(
                        JAVA,
                        "-Xshare:on",
                        "-XX:SharedArchiveFile=" + moved.resolve("petstore-gateway.jsa"),
                        "-jar",
                        jar.toString(),
                        "--demo")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (OutputStream in = gateway.getOutputStream();
                BufferedReader out =
                        new BufferedReader(new InputStreamReader(gateway.getInputStream(), StandardCharsets.UTF_8))) {
            in.write(("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                            + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}\n")
                    .getBytes(StandardCharsets.UTF_8));
            in.flush();
            assertThat(out.readLine()).contains("\"protocolVersion\":\"2025-06-18\"");
        } finally {
            gateway.destroy();
            gateway.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aTrainingStartStoppedByAStartUpCheckStillLeavesAnArchiveAndSaysWhatToGiveIt() throws Exception {
        Path jar = Files.copy(
                Path.of(System.getProperty("gateway.jar", "target/petstore-gateway.jar")),
                moved.resolve("petstore-gateway.jar"));

        // Without --demo the targets have no API key: the start-up checks stop the training start.
        Result made = run(List.of(JAVA, "-jar", jar.toString(), "--make-class-archive"));

        assertThat(made.status()).as(made.err()).isZero();
        assertThat(made.err())
                .contains("stopped at start-up (status 3")
                .contains("api-key")
                .contains("--make-class-archive OPTIONS");
        assertThat(moved.resolve("petstore-gateway.jsa")).isRegularFile();
        assertThat(moved.resolve("petstore-gateway.jsa.partial")).doesNotExist();
    }

    private record Result(int status, String err) {}

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(command))
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        process.getOutputStream().close();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), err);
    }
}
