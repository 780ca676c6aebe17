package dev.apigwmcp.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares everything the generator emits for the real exports with the checked-in expectation under
 * {@code src/test/resources/golden/<case>/}. After an intended change, rewrite them with
 * {@code mvn -pl generator-core test -Dtest=GoldenFilesTest -Dgolden.update=true} and review the diff.
 */
class GoldenFilesTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("petstore-walkthrough", List.of(TestSpecs.petstoreWalkthrough())),
                Arguments.of("petstore-wildcard", List.of(TestSpecs.petstoreWildcard())),
                Arguments.of("petstore-all", List.of(TestSpecs.petstoreAll())),
                Arguments.of("orders", List.of(TestSpecs.ordersResolved())),
                Arguments.of("legacy-basic", List.of(TestSpecs.legacyBasic())),
                Arguments.of("messaging-forms", List.of(TestSpecs.messagingForms())),
                Arguments.of("lambda-basic-authorizer", List.of(TestSpecs.lambdaBasicAuthorizer())),
                Arguments.of("two-targets", List.of(TestSpecs.petstoreWalkthrough(), TestSpecs.ordersResolved())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void generatedFilesMatchGoldens(String name, List<TargetConfig> targets) throws IOException {
        GenerationResult result = Generator.generate(new GeneratorConfig(targets));
        assertThat(result.errors()).isEmpty();
        Map<String, String> actual = new TreeMap<>();
        for (GeneratedFile file : result.files()) {
            String key = file.kind().name().toLowerCase() + "/" + file.relativePath();
            // Several targets: only what merging adds (the catalog and the services file); each target's own
            // files are already covered by its single-target case.
            if (targets.size() == 1
                    || key.startsWith("resource/apigw-mcp/catalog/")
                    || key.startsWith("resource/META-INF/")) {
                actual.put(key, file.text());
            }
        }
        Path dir = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            rewrite(dir, actual);
        }
        Map<String, String> expected = read(dir);
        assertThat(actual.keySet()).as("files of %s", name).containsExactlyElementsOf(expected.keySet());
        for (Map.Entry<String, String> entry : actual.entrySet()) {
            assertThat(entry.getValue())
                    .as("%s/%s (rewrite with -Dgolden.update=true)", name, entry.getKey())
                    .isEqualTo(expected.get(entry.getKey()));
        }
    }

    private static Map<String, String> read(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String relative = dir.relativize(path).toString().replace('\\', '/');
                files.put(relative, Files.readString(path, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static void rewrite(Path dir, Map<String, String> files) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path path : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
                    Files.delete(path);
                }
            }
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = dir.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
        }
    }
}
