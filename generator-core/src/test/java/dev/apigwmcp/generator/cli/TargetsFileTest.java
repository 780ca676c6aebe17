package dev.apigwmcp.generator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.generator.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration problems the generator reports by location, placed in the targets file. */
class TargetsFileTest {

    @TempDir
    Path dir;

    private TargetsFile file;

    @BeforeEach
    void read() throws IOException {
        Path config = dir.resolve("targets.yaml");
        Files.writeString(config, """
                targets:
                  - {name: a, exportFile: a.json}
                  - {name: b, exportFile: b.json}
                """);
        file = new TargetsFile(config);
        assertThat(file.read().targets()).hasSize(2);
    }

    @Test
    void configLocationBecomesAPointerUnderTheTargetsEntry() {
        assertThat(file.locate(new Problem("b", null, "toolFilters[1].filterPath", "m")))
                .isEqualTo(new Problem("b", "targets.yaml", "/targets/1/toolFilters/1/filterPath", "m"));
        assertThat(file.locate(new Problem("a", null, "toolOverrides", "m")).pointer())
                .isEqualTo("/targets/0/toolOverrides");
    }

    @Test
    void aFiltersOwnPointerIsPlacedInThisFile() {
        assertThat(file.locate(new Problem("a", null, "/targets/0/toolFilters/0", "m")))
                .isEqualTo(new Problem("a", "targets.yaml", "/targets/0/toolFilters/0", "m"));
    }

    @Test
    void problemsInAnExportOrOfNoKnownTargetStayAsTheyAre() {
        Problem inExport = new Problem("a", "a.json", "/paths/~1x", "m");
        Problem noTarget = new Problem(null, null, "targets", "m");
        Problem otherTarget = new Problem("c", null, "name", "m");
        assertThat(file.locate(inExport)).isSameAs(inExport);
        assertThat(file.locate(noTarget)).isSameAs(noTarget);
        assertThat(file.locate(otherTarget)).isSameAs(otherTarget);
    }
}
