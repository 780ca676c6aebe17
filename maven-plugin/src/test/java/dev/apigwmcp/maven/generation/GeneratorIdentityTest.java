package dev.apigwmcp.maven.generation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.generator.emit.search.TextEmbedder;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorIdentityTest {

    @Test
    void aReleaseIsItsVersion() {
        assertThat(GeneratorIdentity.of("1.2.0")).isEqualTo("1.2.0");
    }

    @Test
    void aSnapshotAlsoNamesItsCodeAndStaysTheSameWhileTheCodeDoes() {
        String identity = GeneratorIdentity.of("1.2.0-SNAPSHOT");

        assertThat(identity).matches("1\\.2\\.0-SNAPSHOT [0-9a-f]{16}");
        assertThat(GeneratorIdentity.of("1.2.0-SNAPSHOT")).isEqualTo(identity);
    }

    @Test
    void anEmbeddingModelAmongThePluginsDependenciesIsPartOfTheIdentity(@TempDir Path classes) throws Exception {
        Path services = Files.createDirectories(classes.resolve("META-INF/services"));
        Files.writeString(services.resolve(TextEmbedder.class.getName()), FakeEmbedder.class.getName() + "\n");
        ClassLoader original = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader withModel =
                new URLClassLoader(new URL[] {classes.toUri().toURL()}, original)) {
            Thread.currentThread().setContextClassLoader(withModel);
            assertThat(GeneratorIdentity.of("1.2.0")).isEqualTo("1.2.0 embeddings: fake/1");
        } finally {
            Thread.currentThread().setContextClassLoader(original);
        }
    }

    /** Found through the service file the test writes. */
    public static final class FakeEmbedder implements TextEmbedder {
        @Override
        public String model() {
            return "fake/1";
        }

        @Override
        public List<float[]> embed(List<String> texts) {
            return List.of();
        }
    }
}
