package dev.apigwmcp.samples.petstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The container image, built as a user builds it: {@code mvn jib:buildTar} on this project, with no Docker daemon
 * and no registry — the base is a small image tar this test makes ({@code -Djib.from.image=tar://...}), as the
 * default base (a JRE 17 image) cannot be pulled here. The result is read back (config, entrypoint, user, port,
 * layers) and its entrypoint is run on this machine's JRE against the layers' files, the way the container would
 * run it.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ContainerImageIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path WORK = MODULE.resolve("target/e2e/image");
    private static final String BASE_LAYER_FILE = "etc/apigw-mcp-test-base";

    private static Map<String, byte[]> image;
    private static JsonNode config;
    private static Path root;

    @BeforeAll
    static void buildTheImage() throws Exception {
        Files.createDirectories(WORK);
        Path base = writeBaseImage(WORK.resolve("base.tar"));
        Path output = WORK.resolve("image.tar");
        Files.deleteIfExists(output);
        Path settings = Files.writeString(
                WORK.resolve("settings.xml"),
                "<settings><mirrors><mirror><id>user-repository"
                        + "</id><mirrorOf>*</mirrorOf><url>"
                        + Path.of(System.getProperty(
                                        "user.repository", System.getProperty("user.home") + "/.m2/repository"))
                                .toUri()
                        + "</url></mirror></mirrors></settings>");
        String maven = Path.of(System.getProperty("maven.home", "/usr/share/maven"), "bin", "mvn")
                .toString();
        List<String> command = List.of(
                maven,
                "-B",
                "-q",
                "-s",
                settings.toString(),
                "-Dmaven.repo.local=" + MODULE.resolve("target/local-repo"),
                "jib:buildTar",
                "-Djib.from.image=tar://" + base,
                "-Djib.outputPaths.tar=" + output);
        Path log = WORK.resolve("jib.log");
        Process build = new ProcessBuilder(command)
                .directory(MODULE.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertThat(build.waitFor(150, TimeUnit.SECONDS))
                .as("jib:buildTar finished; see %s", log)
                .isTrue();
        assertThat(build.exitValue())
                .as("jib:buildTar; output:%n%s", Files.readString(log))
                .isZero();
        image = entries(Files.newInputStream(output));
        JsonNode manifest = JSON.readTree(image.get("manifest.json")).get(0);
        config = JSON.readTree(image.get(manifest.get("Config").asString()));
        root = Files.createDirectories(WORK.resolve("rootfs"));
        for (JsonNode layer : manifest.get("Layers")) {
            extract(image.get(layer.asString()), root);
        }
    }

    @Test
    void theImageRunsTheGatewayOverHttpOnAllInterfacesOfPort8080AsANonRootUser() {
        JsonNode container = config.get("config");
        assertThat(container.get("ExposedPorts").has("8080/tcp")).isTrue();
        assertThat(container.get("User").asString()).isEqualTo("65532:65532");
        assertThat(env(container))
                .containsEntry("APIGW_MCP_TRANSPORT", "http")
                .containsEntry("APIGW_MCP_HOST", "0.0.0.0")
                .containsEntry("APIGW_MCP_PORT", "8080");
        assertThat(JSON.convertValue(container.get("Entrypoint"), List.class))
                .containsExactly(
                        "java",
                        "-XX:MaxRAMPercentage=75",
                        "-XX:+ExitOnOutOfMemoryError",
                        "-cp",
                        "@/app/jib-classpath-file",
                        "dev.apigwmcp.samples.demogateway.DemoGateway");
    }

    @Test
    void theGatewaySitsInLayersOfItsOwnOnTheBase() {
        assertThat(config.get("architecture").asString()).isEqualTo("amd64");
        assertThat(root.resolve(BASE_LAYER_FILE)).as("the base image's layer").isRegularFile();
        assertThat(root.resolve("app/jib-classpath-file")).isRegularFile();
        assertThat(root.resolve("app/classes/apigw-mcp"))
                .as("generated tools and catalog")
                .isDirectory();
        try (var libs = Files.list(root.resolve("app/libs"))) {
            assertThat(libs.map(path -> path.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("apigw-mcp-runtime-"))
                    .anyMatch(name -> name.startsWith("jetty-server-"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // Dependencies, snapshot dependencies, resources, classes, ...: a code change rebuilds only the last few.
        assertThat(config.get("rootfs").get("diff_ids").size()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void theEntrypointRefusesToServeBeyondLoopbackWithoutInboundAuthorization() throws Exception {
        // A free port, not the image's 8080: should the rule ever break, this test must not hold a shared port.
        Run run = entrypoint(List.of("--demo", "--port", "0"));
        try {
            assertThat(run.process().waitFor(60, TimeUnit.SECONDS))
                    .as("the gateway stopped by itself")
                    .isTrue();
            assertThat(run.process().exitValue()).isEqualTo(2);
            assertThat(Files.readString(run.log())).contains("--inbound.none");
        } finally {
            run.process().destroyForcibly();
        }
    }

    @Test
    void theEntrypointServesHealthWhenToldThereIsNoInboundAuthorization() throws Exception {
        Run run = entrypoint(List.of("--demo", "--inbound.none", "true", "--port", "0"));
        try {
            URI endpoint = run.endpoint();
            HttpResponse<String> health = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.getPort() + "/healthz"))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
        } finally {
            run.process().destroy();
            run.process().waitFor(20, TimeUnit.SECONDS);
        }
    }

    /** The entrypoint as the container runs it, with /app mapped to the extracted layers. */
    private static Run entrypoint(List<String> args) throws IOException {
        Path classpath = WORK.resolve("classpath-" + System.nanoTime());
        Files.writeString(
                classpath,
                Files.readString(root.resolve("app/jib-classpath-file")).replace("/app/", root.resolve("app") + "/"));
        List<String> command = new ArrayList<>();
        for (JsonNode part : config.get("config").get("Entrypoint")) {
            String word = part.asString();
            command.add(
                    word.equals("java")
                            ? Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString()
                            : word.equals("@/app/jib-classpath-file") ? "@" + classpath : word);
        }
        command.addAll(args);
        Path log = WORK.resolve("entrypoint-" + System.nanoTime() + ".log");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("APIGW_MCP_"));
        builder.environment().putAll(env(config.get("config")));
        builder.environment().remove("PATH");
        builder.environment().put("PATH", System.getenv("PATH"));
        return new Run(builder.start(), log);
    }

    private record Run(Process process, Path log) {
        private static final Pattern SERVING = Pattern.compile("serving MCP on http://[^:]+:(\\d+)/");

        URI endpoint() throws Exception {
            for (int i = 0; i < 600; i++) {
                Matcher matcher = SERVING.matcher(Files.readString(log));
                if (matcher.find()) {
                    return URI.create("http://127.0.0.1:" + matcher.group(1) + "/mcp");
                }
                assertThat(process.isAlive())
                        .as("the gateway exited; see %s", log)
                        .isTrue();
                Thread.sleep(100);
            }
            throw new IllegalStateException("the gateway did not say where it serves; see " + log);
        }
    }

    private static Map<String, String> env(JsonNode container) {
        Map<String, String> env = new LinkedHashMap<>();
        container.get("Env").forEach(entry -> {
            String[] pair = entry.asString().split("=", 2);
            env.put(pair[0], pair[1]);
        });
        return env;
    }

    /**
     * A base image in {@code docker save} form: one layer with one marker file, and a config naming the layer's
     * digest, as Jib checks it.
     */
    private static Path writeBaseImage(Path file) throws Exception {
        ByteArrayOutputStream layer = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(layer)) {
            add(tar, BASE_LAYER_FILE, "made by ContainerImageIT\n".getBytes(StandardCharsets.UTF_8));
        }
        byte[] layerBytes = layer.toByteArray();
        String diffId = "sha256:"
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(layerBytes));
        ObjectNode baseConfig =
                JSON.createObjectNode().put("architecture", "amd64").put("os", "linux");
        baseConfig.putObject("config").putArray("Env").add("PATH=/opt/java/openjdk/bin:/usr/bin:/bin");
        ObjectNode rootfs = baseConfig.putObject("rootfs").put("type", "layers");
        rootfs.putArray("diff_ids").add(diffId);
        ObjectNode manifest = JSON.createObjectNode().put("Config", "config.json");
        manifest.putArray("RepoTags").add("apigw-mcp-test-base:latest");
        manifest.putArray("Layers").add("layer.tar");
        try (OutputStream out = Files.newOutputStream(file);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            add(tar, "config.json", JSON.writeValueAsBytes(baseConfig));
            add(tar, "layer.tar", layerBytes);
            add(
                    tar,
                    "manifest.json",
                    JSON.writeValueAsBytes(JSON.createArrayNode().add(manifest)));
        }
        return file;
    }

    private static void add(TarArchiveOutputStream tar, String name, byte[] bytes) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(bytes.length);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    private static Map<String, byte[]> entries(InputStream in) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (entry.isFile()) {
                    entries.put(entry.getName(), tar.readAllBytes());
                }
            }
        }
        return entries;
    }

    /** A layer's files under {@code root} (gzip or plain tar, as Jib and the base write them). */
    private static void extract(byte[] layer, Path root) throws IOException {
        boolean gzip = layer.length > 2 && (layer[0] & 0xff) == 0x1f && (layer[1] & 0xff) == 0x8b;
        InputStream in = gzip
                ? new GZIPInputStream(new java.io.ByteArrayInputStream(layer))
                : new java.io.ByteArrayInputStream(layer);
        try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("layer entry outside the root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isFile()) {
                    Files.createDirectories(target.getParent());
                    Files.write(target, tar.readAllBytes());
                }
            }
        }
    }
}
