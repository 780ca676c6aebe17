package dev.apigwmcp.maven.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigwmcp.generator.GeneratedFile;
import dev.apigwmcp.generator.GenerationResult;
import dev.apigwmcp.generator.GeneratorConfig;
import dev.apigwmcp.generator.Problem;
import dev.apigwmcp.generator.TargetConfig;
import dev.apigwmcp.generator.TargetSummary;
import dev.apigwmcp.generator.ToolSummary;
import dev.apigwmcp.maven.config.PlannedTarget;
import dev.apigwmcp.maven.fetch.ExportSource;
import dev.apigwmcp.maven.fetch.FetchException;
import dev.apigwmcp.maven.fetch.SnapshotRefresher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerationOrchestratorTest {

    @TempDir
    Path dir;

    private final List<GeneratorConfig> calls = new ArrayList<>();
    private final List<String> infos = new ArrayList<>();
    private final List<ExportSource> fetches = new ArrayList<>();
    private Function<GeneratorConfig, GenerationResult> generator;
    private Path export;

    @BeforeEach
    void setUp() throws IOException {
        export = dir.resolve("petstore.export.json");
        Files.writeString(export, "{\"openapi\":\"3.0.1\"}");
        generator = config -> {
            calls.add(config);
            String name = "Tool" + calls.size();
            return new GenerationResult(
                    List.of(
                            GeneratedFile.text(GeneratedFile.Kind.JAVA, "p/" + name + ".java", "class " + name + " {}"),
                            GeneratedFile.text(GeneratedFile.Kind.RESOURCE, "apigw-mcp/" + name + ".json", "{}")),
                    List.of(new ToolSummary("petstore", "petstore___a", "GET", "/a")),
                    List.of(new TargetSummary("petstore", 3, 1, 2)),
                    List.of(new Problem("petstore", "petstore.export.json", "/paths/~1b", "cut")),
                    List.of());
        };
    }

    private GenerationOrchestrator orchestrator() {
        BuildLog log = new BuildLog() {
            @Override
            public void info(String line) {
                infos.add(line);
            }

            @Override
            public void warn(String line) {}

            @Override
            public void debug(String line) {}
        };
        return new GenerationOrchestrator(
                c -> generator.apply(c),
                new SnapshotRefresher(() -> source -> {
                    fetches.add(source);
                    return "{\"openapi\":\"3.0.1\",\"paths\":{}}".getBytes(StandardCharsets.UTF_8);
                }),
                log);
    }

    private GenerationRequest request(List<PlannedTarget> targets, boolean refresh, boolean offline) {
        return new GenerationRequest(
                targets,
                dir.resolve("java"),
                dir.resolve("res"),
                dir.resolve("state"),
                "1.0",
                refresh,
                offline,
                p -> dir.relativize(p).toString());
    }

    private GenerationRequest request() {
        return request(List.of(new PlannedTarget(TargetConfig.of("petstore", export), null)), false, false);
    }

    @Test
    void firstRunGeneratesWritesFilesAndFingerprint() throws Exception {
        GenerationOrchestrator.Outcome outcome = orchestrator().run(request());

        assertThat(outcome.upToDate()).isFalse();
        assertThat(calls).hasSize(1);
        assertThat(dir.resolve("java/p/Tool1.java")).hasContent("class Tool1 {}");
        assertThat(dir.resolve("res/apigw-mcp/Tool1.json")).exists();
        assertThat(dir.resolve("state/inputs/configuration.txt")).exists();
        assertThat(GenerationOrchestrator.summary(outcome, 1))
                .containsExactly("apigw-mcp: target petstore: 1 tool generated, 2 operations filtered out, 1 warning");
    }

    @Test
    void unchangedInputsDoNoWork() throws Exception {
        orchestrator().run(request());

        GenerationOrchestrator.Outcome second = orchestrator().run(request());

        assertThat(second.upToDate()).isTrue();
        assertThat(calls).hasSize(1);
        assertThat(GenerationOrchestrator.summary(second, 1))
                .containsExactly(
                        "apigw-mcp: no input changed since the last run (1 target), generated sources are up to date");
    }

    @Test
    void changedExportRegeneratesWithoutStaleFiles() throws Exception {
        orchestrator().run(request());
        Files.writeString(export, "{\"openapi\":\"3.0.2\"}");

        GenerationOrchestrator.Outcome second = orchestrator().run(request());

        assertThat(second.upToDate()).isFalse();
        assertThat(calls).hasSize(2);
        assertThat(dir.resolve("java/p/Tool2.java")).exists();
        assertThat(dir.resolve("java/p/Tool1.java")).doesNotExist();
        assertThat(dir.resolve("res/apigw-mcp/Tool1.json")).doesNotExist();
    }

    @Test
    void exportEditedToTheSameSizeAndTimestampRegenerates() throws Exception {
        orchestrator().run(request());
        FileTime recorded = Files.getLastModifiedTime(export);
        Files.writeString(export, "{\"openapi\":\"3.0.9\"}");
        Files.setLastModifiedTime(export, recorded);

        assertThat(orchestrator().run(request()).upToDate()).isFalse();
        assertThat(calls).hasSize(2);
    }

    @Test
    void changedConfigurationRegenerates() throws Exception {
        orchestrator().run(request());
        TargetConfig renamed = TargetConfig.of("pets", export);

        assertThat(orchestrator()
                        .run(request(List.of(new PlannedTarget(renamed, null)), false, false))
                        .upToDate())
                .isFalse();
    }

    @Test
    void deletedOutputIsRegenerated() throws Exception {
        orchestrator().run(request());
        Files.delete(dir.resolve("java/p/Tool1.java"));
        Files.delete(dir.resolve("java/p"));
        Files.delete(dir.resolve("java"));

        assertThat(orchestrator().run(request()).upToDate()).isFalse();
    }

    @Test
    void generatorErrorsFailWithEveryProblemAndLeaveNoFingerprint() {
        generator = config -> new GenerationResult(
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(
                        new Problem("petstore", "petstore.export.json", "/paths/~1a/get", "first"),
                        new Problem("petstore", "petstore.export.json", null, "second")));

        assertThatThrownBy(() -> orchestrator().run(request()))
                .isInstanceOf(GenerationException.class)
                .satisfies(e -> assertThat(((GenerationException) e).lines())
                        .containsExactly(
                                "petstore.export.json#/paths/~1a/get: first (target petstore)",
                                "petstore.export.json: second (target petstore)"))
                .hasMessageStartingWith("apigw-mcp: generation failed with 2 errors:");
        assertThat(dir.resolve("state/inputs/configuration.txt")).doesNotExist();
    }

    @Test
    void missingExportFileIsAClearError() {
        GenerationRequest request = request(
                List.of(new PlannedTarget(TargetConfig.of("petstore", dir.resolve("missing.json")), null)),
                false,
                false);

        assertThatThrownBy(() -> orchestrator().run(request))
                .isInstanceOf(GenerationException.class)
                .hasMessageContaining("target petstore: exportFile missing.json does not exist");
        assertThat(calls).isEmpty();
    }

    @Test
    void missingSnapshotIsFetchedAndFormatted() throws Exception {
        Path snapshot = dir.resolve("snap/orders.export.json");
        ExportSource source = new ExportSource("abc", "prod", "us-east-1", null, null);

        orchestrator()
                .run(request(List.of(new PlannedTarget(TargetConfig.of("orders", snapshot), source)), false, false));

        assertThat(fetches).containsExactly(source);
        assertThat(snapshot).hasContent("{\n  \"openapi\": \"3.0.1\",\n  \"paths\": {}\n}\n");
        assertThat(infos)
                .contains("apigw-mcp: target orders: fetched the export of restApiId abc, stage prod"
                        + " into snap/orders.export.json");
    }

    @Test
    void existingSnapshotIsNotFetchedUnlessRefreshing() throws Exception {
        ExportSource source = new ExportSource("abc", "prod", null, null, null);
        List<PlannedTarget> targets = List.of(new PlannedTarget(TargetConfig.of("petstore", export), source));

        orchestrator().run(request(targets, false, false));
        assertThat(fetches).isEmpty();

        orchestrator().run(request(targets, true, false));
        assertThat(fetches).containsExactly(source);
        assertThat(calls).hasSize(2); // the refreshed snapshot changed, so it regenerated
    }

    @Test
    void offlineBuildCannotFetchAMissingSnapshot() {
        ExportSource source = new ExportSource("abc", "prod", null, null, null);
        GenerationRequest request = request(
                List.of(new PlannedTarget(TargetConfig.of("orders", dir.resolve("orders.export.json")), source)),
                false,
                true);

        assertThatThrownBy(() -> orchestrator().run(request))
                .hasMessageContaining("target orders (restApiId abc, stage prod): snapshot orders.export.json is"
                        + " missing and cannot be fetched while Maven is offline (-o)");
        assertThat(fetches).isEmpty();
    }

    @Test
    void fetchErrorsNameTheTarget() {
        GenerationOrchestrator failing = new GenerationOrchestrator(
                generator,
                new SnapshotRefresher(() -> s -> {
                    throw new FetchException("cannot fetch the export of " + s.describe() + ": access denied");
                }),
                new BuildLog() {
                    @Override
                    public void info(String line) {}

                    @Override
                    public void warn(String line) {}

                    @Override
                    public void debug(String line) {}
                });
        GenerationRequest request = request(
                List.of(new PlannedTarget(
                        TargetConfig.of("orders", dir.resolve("orders.export.json")),
                        new ExportSource("abc", "prod", null, null, null))),
                false,
                false);

        assertThatThrownBy(() -> failing.run(request))
                .hasMessageContaining(
                        "target orders: cannot fetch the export of restApiId abc, stage prod: access denied");
    }
}
