package dev.apigwmcp.runtime.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the Node tooling is cached: every module of a checkout must find the same folder. */
class NodeModulesTest {

    @Test
    void aModuleFindsTheCacheInTheRepositoryRootHoldingDotMvn(@TempDir Path repository) throws Exception {
        Files.createDirectories(repository.resolve(".mvn"));
        Path module = Files.createDirectories(repository.resolve("samples/petstore"));

        assertThat(NodeModules.cacheFolder(null, module)).isEqualTo(repository.resolve(".cache/mcp-conformance"));
    }

    @Test
    void theConfiguredFolderWinsOverTheRepositoryRoot(@TempDir Path repository) throws Exception {
        Files.createDirectories(repository.resolve(".mvn"));
        Path module = Files.createDirectories(repository.resolve("runtime"));

        assertThat(NodeModules.cacheFolder("../elsewhere/npm", module)).isEqualTo(repository.resolve("elsewhere/npm"));
    }

    @Test
    void withoutARepositoryRootTheErrorNamesTheFolderAndTheProperty(@TempDir Path outside) {
        for (Path dir = outside; dir != null; dir = dir.getParent()) {
            assumeTrue(!Files.isDirectory(dir.resolve(".mvn")), "the temporary folder lies inside a Maven project");
        }

        assertThatThrownBy(() -> NodeModules.cacheFolder("", outside))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(outside.toString())
                .hasMessageContaining("-Dnpm.cache=");
    }
}
