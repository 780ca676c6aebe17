package dev.apigwmcp.maven.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassArchiveTest {

    @TempDir
    Path folder;

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    /** A jar whose main class reads its input, writes a line on stderr and exits with {@code status}. */
    private Path jar(int status) throws IOException {
        Path source = folder.resolve("Main.java");
        Files.writeString(
                source,
                "public class Main { public static void main(String[] a) throws Exception {"
                        + " System.in.readAllBytes(); System.err.println(\"stopped: \" + a.length + \" arguments\");"
                        + " System.exit(" + status + "); } }");
        assertThat(ToolProvider.getSystemJavaCompiler()
                        .run(null, null, null, "-d", folder.toString(), source.toString()))
                .isZero();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Main");
        Path jar = folder.resolve("g.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry("Main.class"));
            out.write(Files.readAllBytes(folder.resolve("Main.class")));
        }
        return jar;
    }

    @Test
    void theTrainingStartWritesTheArchive() throws Exception {
        Path archive = folder.resolve("g.jsa");

        ClassArchive.Result result = new ClassArchive()
                .make(new ClassArchive.Request(JAVA, jar(0), archive, List.of("--demo"), Duration.ofMinutes(1)));

        assertThat(result.exitCode()).isZero();
        assertThat(result.archived()).isTrue();
        assertThat(archive).isNotEmptyFile();
        assertThat(result.lastError()).isEqualTo("stopped: 1 arguments");
    }

    @Test
    void aStartThatStopsEarlyStillLeavesAnArchiveAndSaysWhy() throws Exception {
        ClassArchive.Result result = new ClassArchive()
                .make(new ClassArchive.Request(
                        JAVA, jar(3), folder.resolve("g.jsa"), List.of(), Duration.ofMinutes(1)));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.archived()).isTrue();
        assertThat(result.lastError()).isEqualTo("stopped: 0 arguments");
    }

    @Test
    void theTrainingStartGetsPlaceholderAwsCredentialsAndNoneOfTheBuildsSettings() {
        Map<String, String> environment = new HashMap<>(Map.of(
                "AWS_PROFILE",
                "prod",
                "AWS_SESSION_TOKEN",
                "t",
                "APIGW_MCP_PORT",
                "9",
                "OTEL_EXPORTER_OTLP_ENDPOINT",
                "http://collector",
                "PATH",
                "/bin"));

        ClassArchive.trainingEnvironment(environment);

        assertThat(environment)
                .doesNotContainKeys("AWS_PROFILE", "AWS_SESSION_TOKEN", "APIGW_MCP_PORT", "OTEL_EXPORTER_OTLP_ENDPOINT")
                .containsEntry("PATH", "/bin")
                .containsEntry("AWS_EC2_METADATA_DISABLED", "true")
                .containsKeys("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION");
    }

    /**
     * The gateway's own {@code --make-class-archive} (runtime {@code ClassArchiveCommand}) trains as the package goal
     * does: two copies, as the plugin cannot depend on the runtime, kept equal here.
     */
    @Test
    void theGatewaysOwnArchiveCommandTrainsWithTheSameInputAndEnvironment() throws Exception {
        Class<?> command = Class.forName("dev.apigwmcp.runtime.ClassArchiveCommand");
        java.lang.reflect.Field input = command.getDeclaredField("TRAINING_INPUT");
        input.setAccessible(true);
        java.lang.reflect.Field ours = ClassArchive.class.getDeclaredField("TRAINING_INPUT");
        ours.setAccessible(true);
        assertThat(input.get(null)).isEqualTo(ours.get(null));

        Map<String, String> theirs = new HashMap<>(Map.of(
                "AWS_PROFILE", "p", "APIGW_MCP_PORT", "9", "OTEL_X", "y", "JAVA_TOOL_OPTIONS", "-X", "PATH", "/bin"));
        Map<String, String> mine = new HashMap<>(theirs);
        java.lang.reflect.Method environment = command.getDeclaredMethod("trainingEnvironment", Map.class);
        environment.setAccessible(true);
        environment.invoke(null, theirs);
        ClassArchive.trainingEnvironment(mine);
        assertThat(theirs).isEqualTo(mine);
    }

    @Test
    void theLastLineSaidIsTheGatewaysNotTheJvmsLog() {
        assertThat(ClassArchive.lastLine("apigw-mcp: target 'a': tools need an API key\n"
                        + "[1.063s][warning][cds] Skipping Foo: Not linked\n\n"))
                .isEqualTo("apigw-mcp: target 'a': tools need an API key");
    }
}
