package dev.apigwmcp.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Equal inputs give byte-identical outputs, wherever the export lives; nothing leaks the machine. */
class DeterminismTest {

    @TempDir
    Path elsewhere;

    @Test
    void twoRunsGiveIdenticalBytes() {
        GeneratorConfig config = new GeneratorConfig(List.of(TestSpecs.petstoreAll(), TestSpecs.ordersResolved()));
        GenerationResult first = Generator.generate(config);
        GenerationResult second = Generator.generate(config);
        assertThat(first.files()).hasSameSizeAs(second.files());
        for (int i = 0; i < first.files().size(); i++) {
            assertThat(second.files().get(i).relativePath())
                    .isEqualTo(first.files().get(i).relativePath());
            assertThat(second.files().get(i).content())
                    .as(first.files().get(i).relativePath())
                    .isEqualTo(first.files().get(i).content());
        }
    }

    @Test
    void theExportsLocationDoesNotChangeTheOutputAndNoAbsolutePathLeaks() throws IOException {
        Path copy = elsewhere.resolve("deep/dir/petstore-apigw-oas30.json");
        Files.createDirectories(copy.getParent());
        Files.copy(TestSpecs.petstore(), copy);
        GenerationResult here = Generator.generate(new GeneratorConfig(List.of(TestSpecs.petstoreAll())));
        GenerationResult there = Generator.generate(new GeneratorConfig(List.of(TargetConfig.of("petstore", copy))));
        for (int i = 0; i < here.files().size(); i++) {
            assertThat(there.files().get(i).content())
                    .isEqualTo(here.files().get(i).content());
            String text = there.files().get(i).text();
            assertThat(text).doesNotContain(elsewhere.toString()).doesNotContain("\r");
            assertThat(text).doesNotContain(System.getProperty("user.dir"));
        }
    }

    @Test
    void filesAreSortedByKindThenPath() {
        GenerationResult result = Generator.generate(new GeneratorConfig(List.of(TestSpecs.petstoreAll())));
        List<String> keys = result.files().stream()
                .map(f -> f.kind() + "/" + f.relativePath())
                .toList();
        assertThat(keys).isSorted();
    }
}
