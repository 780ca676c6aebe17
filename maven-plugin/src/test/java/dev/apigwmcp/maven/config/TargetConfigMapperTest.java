package dev.apigwmcp.maven.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.generator.AuthMode;
import dev.apigwmcp.generator.TargetConfig;
import dev.apigwmcp.generator.ToolFilter;
import dev.apigwmcp.generator.ToolOverride;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetConfigMapperTest {

    @TempDir
    Path basedir;

    private TargetConfigMapper mapper() {
        return new TargetConfigMapper(basedir, basedir.resolve("src/main/apigw-mcp"));
    }

    private TargetParameters petstore() {
        TargetParameters target = new TargetParameters();
        target.setName("petstore");
        target.setExportFile(new File("src/main/apigw-mcp/petstore.export.json"));
        return target;
    }

    @Test
    void mapsEveryElementIntoTheGeneratorConfig() {
        TargetParameters target = petstore();
        ToolFilterParameters filter = new ToolFilterParameters();
        filter.setFilterPath("/pets/*");
        filter.setMethods(List.of("get", " POST "));
        target.setToolFilters(List.of(filter));
        ToolOverrideParameters override = new ToolOverrideParameters();
        override.setPath("/pets/{petId}");
        override.setMethod("get");
        override.setName("getPet");
        override.setDescription(" Fetch one pet. ");
        target.setToolOverrides(List.of(override));
        target.setAuth("api_key");
        target.setNamePrefix(false);
        target.setDescriptionMaxLength(200);
        target.setJavaPackage("com.example.pets");

        TargetConfigMapper.Mapping mapping = mapper().map(List.of(target));

        assertThat(mapping.errors()).isEmpty();
        TargetConfig config = mapping.targets().get(0).config();
        assertThat(config.name()).isEqualTo("petstore");
        assertThat(config.exportFile())
                .isEqualTo(basedir.toAbsolutePath().resolve("src/main/apigw-mcp/petstore.export.json"));
        assertThat(config.displayFile()).isEqualTo("src/main/apigw-mcp/petstore.export.json");
        assertThat(config.toolFilters())
                .containsExactly(new ToolFilter("/pets/*", List.of("GET", "POST"), "target petstore: <toolFilter> #1"));
        assertThat(config.toolOverrides())
                .containsExactly(new ToolOverride(
                        "/pets/{petId}", "GET", "getPet", "Fetch one pet.", "target petstore: <toolOverride> #1"));
        assertThat(config.auth()).isEqualTo(AuthMode.API_KEY);
        assertThat(config.namePrefix()).isFalse();
        assertThat(config.descriptionMaxLength()).isEqualTo(200);
        assertThat(config.javaPackage()).isEqualTo("com.example.pets");
        assertThat(mapping.targets().get(0).fetched()).isFalse();
    }

    @Test
    void defaultsAreAuthFromExportPrefixedNamesAndTheCoreDescriptionCap() {
        TargetConfig config = mapper().map(List.of(petstore())).targets().get(0).config();

        assertThat(config.auth()).isEqualTo(AuthMode.FROM_EXPORT);
        assertThat(config.namePrefix()).isTrue();
        assertThat(config.descriptionMaxLength()).isEqualTo(TargetConfig.DEFAULT_DESCRIPTION_MAX_LENGTH);
        assertThat(config.javaPackage()).isNull();
        assertThat(config.toolFilters()).isEmpty();
    }

    @Test
    void absoluteExportFileInsideTheProjectIsShownRelative() {
        TargetParameters target = petstore();
        target.setExportFile(basedir.resolve("exports/../exports/a.json").toFile());

        TargetConfig config = mapper().map(List.of(target)).targets().get(0).config();

        assertThat(config.displayFile()).isEqualTo("exports/a.json");
    }

    @Test
    void exportFileOutsideTheProjectIsShownByFileNameOnly() {
        TargetParameters target = petstore();
        target.setExportFile(new File("/somewhere/else/x.export.json"));

        assertThat(mapper().map(List.of(target)).targets().get(0).config().displayFile())
                .isEqualTo("x.export.json");
    }

    @Test
    void fetchedTargetWithoutExportFileUsesTheDefaultSnapshot() {
        TargetParameters target = new TargetParameters();
        target.setName("orders");
        target.setRestApiId("a1b2c3");
        target.setStage("prod");
        target.setRegion("eu-west-1");
        target.setProfile("dev");
        target.setEndpoint("http://127.0.0.1:9999");

        PlannedTarget planned = mapper().map(List.of(target)).targets().get(0);

        assertThat(planned.config().displayFile()).isEqualTo("src/main/apigw-mcp/orders.export.json");
        assertThat(planned.source())
                .isEqualTo(new dev.apigwmcp.maven.fetch.ExportSource(
                        "a1b2c3", "prod", "eu-west-1", "dev", "http://127.0.0.1:9999"));
    }

    @Test
    void skippedTargetsAreLeftOut() {
        TargetParameters skipped = petstore();
        skipped.setName("other");
        skipped.setSkip(true);

        assertThat(mapper().map(List.of(petstore(), skipped)).targets())
                .extracting(t -> t.config().name())
                .containsExactly("petstore");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a",
                "Pet-Store-2",
                "0123456789012345678901234567890123456789012345678901234567890123456789"
                        + "012345678901234567890123456789"
            })
    void targetNamesOfLettersDigitsAndHyphensAreAccepted(String name) {
        TargetParameters target = petstore();
        target.setName(name);

        assertThat(mapper().map(List.of(target)).errors()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "pet_store",
                "pet store",
                "p\u00e9t",
                "pets!",
                "-",
                "pet--store",
                "pet-",
                "0123456789"
                        + "01234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901"
            })
    void otherTargetNamesAreRejected(String name) {
        TargetParameters target = petstore();
        target.setName(name);

        assertThat(mapper().map(List.of(target)).errors())
                .containsExactly("target " + name + ": <name> must be"
                        + " letters and digits with single hyphens between them (no spaces or underscores), at most 100"
                        + " characters, was '" + name + "'");
    }

    @Test
    void displayNamesNameFilesRelativeToTheProject() {
        assertThat(mapper().displayNames().apply(basedir.resolve("src/main/apigw-mcp/petstore.export.json")))
                .isEqualTo("src/main/apigw-mcp/petstore.export.json");
    }

    @Test
    void noTargetsIsAnError() {
        assertThat(mapper().map(null).errors())
                .containsExactly("<targets> is empty: add a target with a <name> and an <exportFile>");
    }

    @Test
    void everyConfigurationMistakeIsReportedWithItsPlace() {
        TargetParameters nameless = new TargetParameters();
        TargetParameters bad = petstore();
        bad.setName("pet store");
        bad.setAuth("KERBEROS");
        bad.setDescriptionMaxLength(0);
        ToolFilterParameters noMethods = new ToolFilterParameters();
        noMethods.setFilterPath("pets");
        ToolFilterParameters noPath = new ToolFilterParameters();
        bad.setToolFilters(List.of(noMethods, noPath));
        ToolOverrideParameters wildcard = new ToolOverrideParameters();
        wildcard.setPath("/pets/*");
        wildcard.setMethod("GET");
        bad.setToolOverrides(List.of(wildcard));
        TargetParameters halfRemote = new TargetParameters();
        halfRemote.setName("remote");
        halfRemote.setRestApiId("abc");
        halfRemote.setEndpoint("not a url");
        TargetParameters regionOnly = petstore();
        regionOnly.setName("petstore");
        regionOnly.setRegion("us-east-1");

        TargetConfigMapper.Mapping mapping = mapper().map(List.of(nameless, bad, halfRemote, petstore(), regionOnly));

        assertThat(mapping.targets()).isEmpty();
        // The plugin's own members (fetching from API Gateway) first, then every rule shared with the command line.
        assertThat(mapping.errors())
                .containsExactly(
                        "target remote: <restApiId> and <stage> go together; <stage> is missing",
                        "target petstore: <region> is only used with <restApiId> and <stage>",
                        "<target> #1: <name> is missing",
                        "<target> #1: <exportFile> is missing (or set <restApiId> and <stage> to fetch the export from API"
                                + " Gateway)",
                        "target pet store: <auth> must be one of IAM, API_KEY, BASIC, NONE, FROM_EXPORT, was 'KERBEROS'",
                        "target pet store: <descriptionMaxLength> must be a positive number, was 0",
                        "target pet store: <toolFilter> #2: <filterPath> is missing",
                        "target pet store: <toolOverride> #1: <name> is missing",
                        "target remote: <exportFile> is missing (or set <restApiId> and <stage> to fetch the export from API"
                                + " Gateway)",
                        "target petstore: <name> 'petstore' is used by two targets; every target needs a name of its own");
    }

    @Test
    void endpointMustBeAnHttpUrl() {
        TargetParameters target = new TargetParameters();
        target.setName("remote");
        target.setRestApiId("abc");
        target.setStage("prod");
        target.setEndpoint("ftp://127.0.0.1");

        assertThat(mapper().map(List.of(target)).errors())
                .containsExactly("target remote: <endpoint> must be an absolute http(s) URL, was ftp://127.0.0.1");
    }
}
