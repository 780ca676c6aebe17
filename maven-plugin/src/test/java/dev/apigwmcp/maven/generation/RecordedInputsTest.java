package dev.apigwmcp.maven.generation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.generator.TargetConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordedInputsTest {

    @TempDir
    Path dir;

    private Path petstore;
    private Path orders;
    private RecordedInputs recorded;

    @BeforeEach
    void setUp() throws IOException {
        petstore = write("petstore.json", "{\"openapi\":\"3.0.1\"}");
        orders = write("orders.yaml", "swagger: '2.0'\n");
        recorded = new RecordedInputs(dir.resolve("state/inputs"));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private GenerationInputs inputs(String version) {
        return GenerationInputs.of(
                version, List.of(TargetConfig.of("petstore", petstore), TargetConfig.of("orders", orders)));
    }

    private void recordCurrentFiles() throws IOException {
        recorded.record(inputs("1.0"), List.of(Files.readAllBytes(petstore), Files.readAllBytes(orders)));
    }

    @Test
    void nothingRecordedDoesNotMatch() {
        assertThat(recorded.match(inputs("1.0"))).isFalse();
    }

    @Test
    void unchangedInputsMatch() throws IOException {
        recordCurrentFiles();

        assertThat(recorded.match(inputs("1.0"))).isTrue();
    }

    @Test
    void touchedButUnchangedExportStillMatches() throws IOException {
        recordCurrentFiles();
        Files.setLastModifiedTime(orders, FileTime.fromMillis(0));

        assertThat(recorded.match(inputs("1.0"))).isTrue();
    }

    @Test
    void exportOfADifferentSizeDoesNotMatch() throws IOException {
        recordCurrentFiles();
        write("orders.yaml", "swagger: '2.0'\ninfo: {}\n");

        assertThat(recorded.match(inputs("1.0"))).isFalse();
    }

    @Test
    void exportWithTheSameSizeAndTimestampButOtherBytesDoesNotMatch() throws IOException {
        recordCurrentFiles();
        FileTime before = Files.getLastModifiedTime(petstore);
        write("petstore.json", "{\"openapi\":\"3.0.2\"}");
        Files.setLastModifiedTime(petstore, before);

        assertThat(recorded.match(inputs("1.0"))).isFalse();
    }

    @Test
    void otherConfigurationDoesNotMatch() throws IOException {
        recordCurrentFiles();

        assertThat(recorded.match(inputs("1.1"))).isFalse();
    }

    @Test
    void missingExportDoesNotMatch() throws IOException {
        recordCurrentFiles();
        Files.delete(orders);

        assertThat(recorded.match(inputs("1.0"))).isFalse();
    }

    @Test
    void recordWithoutItsConfigurationDoesNotMatch() throws IOException {
        recordCurrentFiles();
        // As a run that died while writing the record leaves it: the configuration is written last.
        Files.delete(dir.resolve("state/inputs/configuration.txt"));

        assertThat(recorded.match(inputs("1.0"))).isFalse();
    }

    @Test
    void clearedRecordDoesNotMatch() throws IOException {
        recordCurrentFiles();

        recorded.clear();

        assertThat(recorded.match(inputs("1.0"))).isFalse();
        assertThat(dir.resolve("state/inputs")).doesNotExist();
    }

    @Test
    void recordingAgainReplacesTheOldRecord() throws IOException {
        recordCurrentFiles();
        GenerationInputs onlyPetstore = GenerationInputs.of("1.0", List.of(TargetConfig.of("petstore", petstore)));

        recorded.record(onlyPetstore, List.of(Files.readAllBytes(petstore)));

        assertThat(recorded.match(onlyPetstore)).isTrue();
        assertThat(recorded.match(inputs("1.0"))).isFalse();
        assertThat(dir.resolve("state/inputs/export-2")).doesNotExist();
    }
}
