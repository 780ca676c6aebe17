package dev.apigwmcp.runtime.architecture;

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
 * The runtime's layers as rules a test keeps: frames come in through a transport, the protocol answers them through
 * the tools interface, execution runs the generated tools upstream. No layer reaches up; the contract with generated
 * code ({@code spi}) and the tools interface know nothing of the layers that use them; every package documents
 * itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuntimeStructureTest {

    private static final String ROOT = "dev.apigwmcp.runtime";
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
    void theSpiIsSelfContained() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".spi..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(packages(
                        "config",
                        "transport",
                        "protocol",
                        "tools",
                        "execution",
                        "upstream",
                        "auth",
                        "inbound",
                        "telemetry",
                        "lambda"))
                .because("generated code is compiled against the spi alone")
                .check(classes);
    }

    @Test
    void theToolsInterfaceKnowsNoLayerThatUsesOrImplementsIt() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".tools..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(packages(
                        "transport", "protocol", "execution", "upstream", "auth", "inbound", "telemetry", "lambda"))
                .check(classes);
    }

    @Test
    void theProtocolKnowsNoTransportAndRunsToolsOnlyThroughTheToolsInterface() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".protocol..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(packages("transport", "execution", "upstream", "auth", "inbound", "lambda"))
                .check(classes);
    }

    @Test
    void theToolSearchWrapsToolsOnlyThroughTheToolsInterface() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".search..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(packages("transport", "protocol", "execution", "auth", "inbound", "lambda"))
                .because("the search is one hook around any tool service, below the protocol")
                .check(classes);
    }

    @Test
    void transportsKnowNothingOfExecution() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".transport..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(packages("execution", "upstream", "auth", "lambda"))
                .check(classes);
    }

    @Test
    void executionUpstreamAndAuthKnowNoTransportOrProtocol() {
        noClasses()
                .that()
                .resideInAnyPackage(packages("execution", "upstream", "auth"))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(packages("transport", "protocol", "inbound", "lambda"))
                .check(classes);
    }

    @Test
    void theUpstreamClientKnowsNothingOfCredentialsOrTools() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".upstream..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(packages("execution", "auth", "tools", "telemetry"))
                .check(classes);
    }

    /**
     * Only the spi is a contract; anything else is public because another package of the runtime (or a sample) uses
     * it. Entry points (launchers, the Lambda handler) and ServiceLoader providers are public for the JVM's sake.
     */
    @Test
    void aPublicTypeOutsideTheSpiIsUsedFromAnotherPackage() {
        // RefusedCalls and OutputConformance are implemented by a lambda or method reference in another package,
        // which leaves no trace in bytecode.
        // The tool search's types that other modules use, which this test cannot see: apigw-mcp-search-embeddings
        // implements QueryEmbedder, the benchmarks' SearchEvaluation indexes and ranks with the others; SearchMode is
        // a member of the public SearchSettings.
        java.util.Set<String> otherModules = java.util.Set.of(
                        "QueryEmbedder",
                        "Scored",
                        "SearchDocument",
                        "SearchDocuments",
                        "SearchField",
                        "SearchMode",
                        "ToolIndex",
                        "ToolSearch",
                        "VectorIndex")
                .stream()
                .map(name -> ROOT + ".search." + name)
                .collect(java.util.stream.Collectors.toSet());
        java.util.Set<String> entryPoints = new java.util.HashSet<>(otherModules);
        entryPoints.addAll(java.util.Set.of(
                ROOT + ".Gateway",
                ROOT + ".lambda.LambdaHandler",
                ROOT + ".execution.GeneratedToolServiceFactory",
                ROOT + ".protocol.RefusedCalls",
                ROOT + ".upstream.OutputConformance"));
        java.util.Set<String> mainTypes = new java.util.HashSet<>();
        classes.forEach(type -> mainTypes.add(type.getName()));
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that()
                .arePublic()
                .and()
                .areTopLevelClasses()
                .and()
                .resideOutsideOfPackage(ROOT + ".spi..")
                .should(
                        new com.tngtech.archunit.lang.ArchCondition<com.tngtech.archunit.core.domain.JavaClass>(
                                "be used from another package or be an entry point") {
                            @Override
                            public void check(
                                    com.tngtech.archunit.core.domain.JavaClass type,
                                    com.tngtech.archunit.lang.ConditionEvents events) {
                                boolean usedElsewhere = type.getDirectDependenciesToSelf().stream()
                                        .anyMatch(d -> !d.getOriginClass()
                                                .getPackageName()
                                                .equals(type.getPackageName()));
                                if (mainTypes.contains(type.getName())
                                        && !usedElsewhere
                                        && !entryPoints.contains(type.getName())) {
                                    events.add(
                                            com.tngtech.archunit.lang.SimpleConditionEvent.violated(
                                                    type,
                                                    type.getName()
                                                            + " is public but used only in its own package: make it package-private"));
                                }
                            }
                        })
                .check(new ClassFileImporter().importPackages(ROOT)); // tests count as users too
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
        Path sources = Path.of("src/main/java/dev/apigwmcp/runtime");
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
