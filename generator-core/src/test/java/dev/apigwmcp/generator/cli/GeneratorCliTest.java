package dev.apigwmcp.generator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.generator.TestSpecs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's exit codes and messages. */
class GeneratorCliTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new GeneratorCli(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void generatesFromAnExportAndExitsZero() {
        int code = run(
                "generate",
                "--export",
                TestSpecs.petstore().toString(),
                "--target",
                "petstore",
                "--out",
                dir.toString());
        assertThat(code).isZero();
        assertThat(dir.resolve("resources/apigw-mcp/catalog/tools.json")).exists();
        assertThat(dir.resolve("java/dev/apigwmcp/generated/petstore/PetstoreToolRegistry.java"))
                .exists();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("target petstore: 8 tools from 9 operations");
    }

    @Test
    void aConfigFileDrivesSeveralTargets() throws IOException {
        Files.copy(TestSpecs.petstore(), dir.resolve("petstore.json"));
        Files.copy(TestSpecs.orders(), dir.resolve("orders.yaml"));
        Path config = dir.resolve("targets.yaml");
        Files.writeString(config, """
                targets:
                  - name: petstore
                    exportFile: petstore.json
                    toolFilters:
                      - filterPath: /pets/*
                        methods: [GET]
                  - name: orders
                    exportFile: orders.yaml
                    auth: IAM
                    toolOverrides:
                      - path: /customers/{customerId}/orders
                        method: GET
                        name: listCustomerOrders
                """);
        int code = run(
                "generate",
                "--config",
                config.toString(),
                "--out",
                dir.resolve("out").toString());
        assertThat(code).as(err()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("target petstore: 2 tools", "target orders:");
    }

    @Test
    void specErrorsExitOneWithLocatedMessagesAndNoStackTrace() {
        int code = run(
                "generate", "--export", TestSpecs.orders().toString(), "--target", "orders", "--out", dir.toString());
        assertThat(code).isEqualTo(1);
        assertThat(err())
                .contains("error: orders-apigw-swagger2.yaml#/paths/~1orders/get: tool name")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(dir.resolve("resources")).doesNotExist();
    }

    @Test
    void configErrorsNameTheKey() throws IOException {
        Path config = dir.resolve("targets.yaml");
        Files.writeString(config, "targets:\n  - name: a\n    exportFile: a.json\n    toolFilter: []\n");
        assertThat(run("generate", "--config", config.toString(), "--out", dir.toString()))
                .isEqualTo(1);
        assertThat(err()).contains("targets.yaml#/targets/0/toolFilter: unknown key 'toolFilter'");
    }

    @Test
    void overrideErrorNamesItsEntryInTheTargetsFileAndTheExport() throws IOException {
        Files.copy(TestSpecs.petstore(), dir.resolve("petstore.json"));
        Path config = dir.resolve("targets.yaml");
        Files.writeString(config, """
                targets:
                  - name: petstore
                    exportFile: petstore.json
                    toolOverrides:
                      - {path: /pets, method: GET, name: listPets}
                      - {path: '/pets/{id}', method: GET, name: getPet}
                """);
        assertThat(run(
                        "generate",
                        "--config",
                        config.toString(),
                        "--out",
                        dir.resolve("out").toString()))
                .isEqualTo(1);
        assertThat(err())
                .contains("error: targets.yaml#/targets/0/toolOverrides/1: override GET /pets/{id} names no"
                        + " operation of the export petstore.json: there is no resource /pets/{id}; the export spells it"
                        + " /pets/{petId} (path parameters must be named as in the export) (target petstore)");
    }

    @Test
    void badUsageExitsTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("generate", "--out", dir.toString())).isEqualTo(2);
        assertThat(run("generate", "--export")).isEqualTo(2);
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err()).contains("unknown command 'frobnicate'");
    }

    @Test
    void targetNameIsDerivedFromTheFileName() {
        assertThat(GeneratorCli.targetNameFrom(Path.of("/x/petstore.export.json")))
                .isEqualTo("petstore");
        assertThat(GeneratorCli.targetNameFrom(Path.of("my_api v2.yaml"))).isEqualTo("my-api-v2");
    }
}
