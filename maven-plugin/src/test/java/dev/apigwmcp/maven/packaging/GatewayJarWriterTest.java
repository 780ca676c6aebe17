package dev.apigwmcp.maven.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayJarWriterTest {

    private static final Instant TIME = Instant.parse("2026-01-01T00:00:00Z");
    private static final String MAIN = "dev.apigwmcp.runtime.Gateway";
    private static final String MAIN_ENTRY = "dev/apigwmcp/runtime/Gateway.class";
    private static final String REGISTRY = "META-INF/services/dev.apigwmcp.runtime.spi.ToolRegistry";

    @TempDir
    Path dir;

    @Test
    void theManifestNamesTheMainClassAndEveryInputsEntriesAreInTheJar() throws Exception {
        Path classes = folder("classes", Map.of("com/example/tools/PetsTools.class", "tools"));
        Path runtime = jar("runtime.jar", Map.of(MAIN_ENTRY, "gateway"));

        Path jar = write(MAIN, input("classes", classes), input("runtime", runtime));

        try (JarFile written = new JarFile(jar.toFile())) {
            assertThat(written.getManifest().getMainAttributes().getValue(Attributes.Name.MAIN_CLASS))
                    .isEqualTo(MAIN);
            assertThat(text(written, "com/example/tools/PetsTools.class")).isEqualTo("tools");
            assertThat(text(written, MAIN_ENTRY)).isEqualTo("gateway");
        }
    }

    @Test
    void serviceFilesOfAllInputsAreMergedWithoutCommentsOrRepeats() throws Exception {
        Path classes = folder("classes", Map.of(REGISTRY, "# generated\ncom.example.PetsRegistry\n"));
        Path other =
                jar("other.jar", Map.of(REGISTRY, "com.example.OrdersRegistry # orders\n\ncom.example.PetsRegistry"));
        Path runtime = jar("runtime.jar", Map.of(MAIN_ENTRY, "gateway"));

        Path jar = write(MAIN, input("classes", classes), input("other", other), input("runtime", runtime));

        try (JarFile written = new JarFile(jar.toFile())) {
            assertThat(text(written, REGISTRY)).isEqualTo("com.example.PetsRegistry\ncom.example.OrdersRegistry\n");
        }
    }

    @Test
    void theResultNamesTheMergedServiceInterfaces() throws Exception {
        Path runtime = jar("runtime.jar", Map.of(MAIN_ENTRY, "gateway", REGISTRY, "com.example.PetsRegistry\n"));

        GatewayJarWriter.Result result = writer(MAIN, input("runtime", runtime));

        assertThat(result.services()).containsExactly("dev.apigwmcp.runtime.spi.ToolRegistry");
    }

    @Test
    void signaturesManifestsIndexesAndModuleDescriptorsOfTheInputsAreLeftOut() throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nMain-Class: other.Main\n");
        entries.put("META-INF/SIGNER.SF", "sig");
        entries.put("META-INF/SIGNER.RSA", "sig");
        entries.put("META-INF/SIGNER.DSA", "sig");
        entries.put("META-INF/SIGNER.EC", "sig");
        entries.put("META-INF/SIG-PGP", "sig");
        entries.put("META-INF/INDEX.LIST", "index");
        entries.put("module-info.class", "module");
        entries.put("META-INF/versions/9/module-info.class", "module");
        entries.put(MAIN_ENTRY, "gateway");
        Path signed = jar("signed.jar", entries);

        Path jar = write(MAIN, input("signed", signed));

        assertThat(names(jar)).containsExactly("META-INF/", "META-INF/MANIFEST.MF", MAIN_ENTRY);
        try (JarFile written = new JarFile(jar.toFile())) {
            assertThat(written.getManifest().getMainAttributes().getValue(Attributes.Name.MAIN_CLASS))
                    .isEqualTo(MAIN);
        }
    }

    @Test
    void anEntryTwoInputsHoldWithTheSameContentIsWrittenOnceWithoutAConflict() throws Exception {
        Path a = jar("a.jar", Map.of(MAIN_ENTRY, "gateway", "shared/config.properties", "x=1"));
        Path b = jar("b.jar", Map.of("shared/config.properties", "x=1"));

        GatewayJarWriter.Result result = writer(MAIN, input("a", a), input("b", b));

        assertThat(result.conflicts()).isEmpty();
        assertThat(names(dir.resolve("gateway.jar"))).containsOnlyOnce("shared/config.properties");
    }

    @Test
    void anEntryTwoInputsHoldWithDifferentContentComesFromTheFirstAndIsReported() throws Exception {
        Path a = jar("a.jar", Map.of(MAIN_ENTRY, "gateway", "shared/config.properties", "x=1"));
        Path b = jar("b.jar", Map.of("shared/config.properties", "x=2"));

        GatewayJarWriter.Result result = writer(MAIN, input("g:a:1", a), input("g:b:1", b));

        assertThat(result.conflicts())
                .containsExactly(new GatewayJarWriter.Conflict("shared/config.properties", "g:a:1", "g:b:1"));
        try (JarFile written = new JarFile(dir.resolve("gateway.jar").toFile())) {
            assertThat(text(written, "shared/config.properties")).isEqualTo("x=1");
        }
    }

    @Test
    void everyDistinctLicenceTextIsKeptOnceAndLineEndsDoNotMakeATextDistinct() throws Exception {
        Path a = jar("a.jar", Map.of(MAIN_ENTRY, "gateway", "META-INF/NOTICE.txt", "Library A\nCopyright A\n"));
        Path b = jar("b.jar", Map.of("META-INF/NOTICE.txt", "Library B\n"));
        Path c = jar("c.jar", Map.of("META-INF/NOTICE.txt", "Library A\r\nCopyright A  \r\n"));

        GatewayJarWriter.Result result = writer(MAIN, input("a", a), input("b", b), input("c", c));

        assertThat(result.conflicts()).isEmpty();
        try (JarFile written = new JarFile(dir.resolve("gateway.jar").toFile())) {
            assertThat(text(written, "META-INF/NOTICE.txt")).isEqualTo("Library A\nCopyright A\n\nLibrary B\n");
        }
    }

    @Test
    void aMultiReleaseInputMakesTheJarMultiRelease() throws Exception {
        Path runtime = jar("runtime.jar", Map.of(MAIN_ENTRY, "gateway"));
        Path multi = jar(
                "multi.jar",
                Map.of(
                        "META-INF/MANIFEST.MF",
                        "Manifest-Version: 1.0\nMulti-Release: true\n",
                        "META-INF/versions/21/com/example/Fast.class",
                        "fast"));

        GatewayJarWriter.Result result = writer(MAIN, input("runtime", runtime), input("multi", multi));

        assertThat(result.multiRelease()).isTrue();
        try (JarFile written = new JarFile(dir.resolve("gateway.jar").toFile())) {
            assertThat(written.getManifest().getMainAttributes().getValue(Attributes.Name.MULTI_RELEASE))
                    .isEqualTo("true");
        }
    }

    @Test
    void withoutAMultiReleaseInputTheManifestSaysNothingOfIt() throws Exception {
        Path runtime = jar("runtime.jar", Map.of(MAIN_ENTRY, "gateway"));

        Path jar = write(MAIN, input("runtime", runtime));

        try (JarFile written = new JarFile(jar.toFile())) {
            assertThat(written.getManifest().getMainAttributes().getValue(Attributes.Name.MULTI_RELEASE))
                    .isNull();
        }
    }

    @Test
    void everyEntryHasTheFixedTimeWhateverTheTimeZone() throws Exception {
        Path classes = folder("classes", Map.of("com/example/A.class", "a"));
        Path runtime = jar("runtime.jar", Map.of(MAIN_ENTRY, "gateway"));

        Path jar = write(MAIN, input("classes", classes), input("runtime", runtime));

        try (ZipFile written = new ZipFile(jar.toFile())) {
            assertThat(Collections.list(written.entries()))
                    .allSatisfy(entry ->
                            assertThat(entry.getTimeLocal()).isEqualTo(LocalDateTime.parse("2026-01-01T00:00:00")));
        }
    }

    @Test
    void theSameInputsGiveTheSameBytesThoughTheirFilesAreNewer() throws Exception {
        Path classes = folder(
                "classes",
                Map.of("com/example/B.class", "b", "com/example/A.class", "a", REGISTRY, "com.example.Registry\n"));
        Path runtime = jar("runtime.jar", Map.of(MAIN_ENTRY, "gateway", "META-INF/LICENSE", "licence"));
        byte[] first = Files.readAllBytes(write(MAIN, input("classes", classes), input("runtime", runtime)));

        Files.setLastModifiedTime(classes.resolve("com/example/A.class"), FileTime.from(Instant.now()));
        byte[] second = Files.readAllBytes(write(MAIN, input("classes", classes), input("runtime", runtime)));

        assertThat(second).isEqualTo(first);
    }

    @Test
    void aMainClassInNoInputFailsAndLeavesTheExistingJarAlone() throws Exception {
        Path runtime = jar("runtime.jar", Map.of(MAIN_ENTRY, "gateway"));
        Path jar = dir.resolve("gateway.jar");
        Files.writeString(jar, "previous");

        assertThatThrownBy(() -> write("com.example.Launcher", input("runtime", runtime)))
                .isInstanceOf(PackagingException.class)
                .hasMessageContaining("the main class com.example.Launcher is in none of the jar's inputs");
        assertThat(jar).hasContent("previous");
        assertThat(dir.resolve("gateway.jar.partial")).doesNotExist();
    }

    @Test
    void anInputThatIsNotAJarIsNamedInTheFailure() throws Exception {
        Path notAJar = Files.writeString(dir.resolve("broken.jar"), "not a zip");

        assertThatThrownBy(() -> write(MAIN, input("com.example:broken:1.0", notAJar)))
                .isInstanceOf(PackagingException.class)
                .hasMessageContaining("cannot read com.example:broken:1.0")
                .hasMessageContaining("broken.jar");
    }

    private Path write(String mainClass, JarInput... inputs) throws Exception {
        writer(mainClass, inputs);
        return dir.resolve("gateway.jar");
    }

    private GatewayJarWriter.Result writer(String mainClass, JarInput... inputs) throws Exception {
        return new GatewayJarWriter()
                .write(new GatewayJarWriter.Request(dir.resolve("gateway.jar"), mainClass, List.of(inputs), TIME));
    }

    private static JarInput input(String label, Path path) {
        return new JarInput(label, path);
    }

    private Path folder(String name, Map<String, String> files) throws IOException {
        Path root = dir.resolve(name);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = root.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        return root;
    }

    private Path jar(String name, Map<String, String> entries) throws IOException {
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return jar;
    }

    private static List<String> names(Path jar) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Collections.list(zip.entries()).forEach(entry -> names.add(entry.getName()));
        }
        return names;
    }

    private static String text(JarFile jar, String name) throws IOException {
        ZipEntry entry = jar.getEntry(name);
        assertThat(entry).as(name).isNotNull();
        return new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
    }
}
