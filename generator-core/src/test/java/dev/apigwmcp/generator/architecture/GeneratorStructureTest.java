package dev.apigwmcp.generator.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The generator's structure as rules a test keeps: the pipeline runs read → select → compile → emit and no step
 * reaches forward; the shared packages (model, problem, schema) serve the steps and know none of them; only the
 * front ends (cli, config, the root facade) see the whole; every package documents itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratorStructureTest {

    private static final String ROOT = "dev.apigwmcp.generator";
    private JavaClasses classes;

    @BeforeAll
    void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    private static String[] packages(String... names) {
        return Stream.of(names).map(name -> ROOT + "." + name + "..").toArray(String[]::new);
    }

    @Test
    void readingKnowsNothingOfTheLaterSteps() {
        noClasses()
                .that()
                .resideInAnyPackage(packages("read"))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(packages("select", "compile", "emit", "cli", "config", "catalog"))
                .check(classes);
    }

    @Test
    void selectionKnowsNothingOfCompilingOrEmitting() {
        noClasses()
                .that()
                .resideInAnyPackage(packages("select"))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(packages("read", "compile", "emit", "cli", "config", "catalog"))
                .check(classes);
    }

    @Test
    void compilingKnowsNothingOfEmitting() {
        noClasses()
                .that()
                .resideInAnyPackage(packages("compile"))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(packages("read", "emit", "cli", "config", "catalog"))
                .check(classes);
    }

    @Test
    void emittersGetAFinishedModelAndNeverReadOrSelect() {
        noClasses()
                .that()
                .resideInAnyPackage(packages("emit"))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(packages("read", "select", "cli", "config", "catalog"))
                .check(classes);
    }

    @Test
    void sharedPackagesKnowNoStep() {
        noClasses()
                .that()
                .resideInAnyPackage(packages("model", "problem", "schema"))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(packages("read", "select", "compile", "emit", "cli", "config", "catalog"))
                .check(classes);
    }

    @Test
    void nothingButTheCommandLineItselfUsesIt() {
        noClasses()
                .that()
                .resideOutsideOfPackage(ROOT + ".cli..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(ROOT + ".cli..")
                .check(classes);
    }

    @Test
    void packagesHaveNoCycles() {
        SlicesRuleDefinition.slices()
                .matching(ROOT + ".(*)..")
                .should()
                .beFreeOfCycles()
                .ignoreDependency(
                        com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(ROOT))
                .check(classes);
    }

    @Test
    void everyPackageDocumentsItself() throws IOException {
        Path sources = Path.of("src/main/java/dev/apigwmcp/generator");
        try (Stream<Path> dirs = Files.walk(sources)) {
            List<Path> undocumented = dirs.filter(Files::isDirectory)
                    .filter(dir -> hasJava(dir) && !Files.exists(dir.resolve("package-info.java")))
                    .toList();
            Assertions.assertThat(undocumented)
                    .as("packages without package-info.java")
                    .isEmpty();
        }
    }

    private static boolean hasJava(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
