package dev.apigwmcp.samples.realexports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The POM's targets, the real exports in {@code ../shared/specs/real/} and the expectation table list the same
 * files, so a definition added to the folder later cannot be skipped silently.
 */
class RealExportInventoryTest {

    static final String SHARED_PREFIX = "${project.basedir}/../../../shared/specs/real/";

    @Test
    void everyRealExportIsATargetOfThePom() throws IOException {
        Set<String> targeted =
                targets().stream().map(PomTarget::fileName).collect(Collectors.toCollection(TreeSet::new));
        assertThat(targeted)
                .as("export files of the POM's targets vs the files in %s", specsDir())
                .containsExactlyElementsOf(realExports(specsDir()));
    }

    @Test
    void everyTargetReadsItsExportInPlaceFromTheSharedFolder() throws IOException {
        assertThat(targets().stream()
                        .filter(target -> !target.exportFile().equals(SHARED_PREFIX + target.fileName()))
                        .map(target -> target.name() + " reads " + target.exportFile()))
                .as("targets whose exportFile is not %s<file>", SHARED_PREFIX)
                .isEmpty();
    }

    @Test
    void everyTargetIsNamedAfterItsExportFile() throws IOException {
        assertThat(targets().stream()
                        .filter(target -> !target.name().equals(PomTarget.nameFor(target.fileName())))
                        .map(target -> target.name() + " should be " + PomTarget.nameFor(target.fileName())))
                .as("targets not named after their export file")
                .isEmpty();
    }

    @Test
    void everyTargetKeepsTheDefaultSettings() throws IOException {
        // No filters, overrides, auth mode or skip: every operation of every export, as a new user would get it.
        assertThat(targets().stream()
                        .filter(target -> !target.elements().equals(Set.of("name", "exportFile")))
                        .map(target -> target.name() + " sets " + target.elements()))
                .as("targets with more than a name and an exportFile")
                .isEmpty();
    }

    @Test
    void everyRealExportHasAnEntryInTheExpectationTable() throws IOException {
        assertThat(ExportExpectations.byFile().keySet())
                .as("ExportExpectations entries vs the files in %s", specsDir())
                .containsExactlyElementsOf(realExports(specsDir()));
    }

    @Test
    void theExpectationTableNamesASigningRegionExactlyWhereAMethodNeedsIam() {
        assertThat(ExportExpectations.byFile().values()).allSatisfy(export -> {
            boolean iam = export.operations().stream()
                    .anyMatch(op -> op.credentials().stream().anyMatch(ExpectedCredential.SigV4.class::isInstance));
            assertThat(export.signingRegion() != null)
                    .as("%s names a signing Region", export.file())
                    .isEqualTo(iam);
            assertThat(!export.regionConfigured() || iam)
                    .as("%s configures a Region without IAM", export.file())
                    .isTrue();
        });
    }

    static Path specsDir() {
        String configured = System.getProperty("real.specs.dir");
        assertThat(configured)
                .as("system property real.specs.dir (set by the POM)")
                .isNotNull();
        return Path.of(configured).toAbsolutePath().normalize();
    }

    /** The definitions in the folder: every JSON or YAML file (SOURCES.md describes them). */
    static List<String> realExports(Path dir) throws IOException {
        assertThat(dir).as("the real exports beside the checkout").isDirectory();
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches(".*\\.(json|ya?ml)"))
                    .sorted()
                    .toList();
        }
    }

    private static List<PomTarget> targets() throws IOException {
        List<PomTarget> targets = PomTarget.read(Path.of("pom.xml").toAbsolutePath());
        assertThat(targets).as("targets of %s in pom.xml", PomTarget.PLUGIN).isNotEmpty();
        return targets;
    }
}
