package dev.apigwmcp.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetNameCheckTest {
    private static final Setting BASE_URL = Setting.of("target.<target>.base-url", null, "base URL");
    private static final Setting API_KEY_ENV = Setting.of("target.<target>.api-key-env", null, "key variable");
    private static final Set<String> TARGETS = Set.of("petstore", "petstore-browse");

    private final SettingsLoader loader =
            new SettingsLoader(List.of(Setting.of("port", "8080", "port"), BASE_URL, API_KEY_ENV));

    @TempDir
    Path dir;

    private static List<String> problems(CommandLine line) {
        try {
            TargetNameCheck.check(line, TARGETS);
        } catch (SettingsException e) {
            return e.problems();
        }
        return List.of();
    }

    @Test
    void anOptionForATargetThatDoesNotExistListsTheTargetsAndSuggestsTheNearest() {
        CommandLine line = loader.load(new String[] {"--target.petstor.base-url", "http://x"}, Map.of());
        assertThat(problems(line))
                .containsExactly("option --target.petstor.base-url names target 'petstor', which"
                        + " this gateway does not have (its targets: petstore, petstore-browse); did you mean"
                        + " --target.petstore.base-url?");
    }

    @Test
    void aVariableForATargetThatDoesNotExistIsNamedAndCorrectedAsAVariable() {
        CommandLine line = loader.load(new String[0], Map.of("APIGW_MCP_TARGET_PETSTOR_BASE_URL", "http://x"));
        assertThat(problems(line))
                .containsExactly("environment variable APIGW_MCP_TARGET_PETSTOR_BASE_URL names"
                        + " target 'PETSTOR', which this gateway does not have (its targets: petstore, petstore-browse);"
                        + " did you mean APIGW_MCP_TARGET_PETSTORE_BASE_URL?");
    }

    @Test
    void aConfigFileKeyForATargetThatDoesNotExistNamesTheFile() throws Exception {
        Path file = dir.resolve("gw.properties");
        Files.writeString(file, "target.petstore-brwose.api-key-env=KEY\n");
        CommandLine line = loader.load(new String[] {"--config", file.toString()}, Map.of());
        assertThat(problems(line))
                .containsExactly("setting target.petstore-brwose.api-key-env in config file " + file
                        + " names target 'petstore-brwose', which this gateway does not have (its targets: petstore,"
                        + " petstore-browse); did you mean target.petstore-browse.api-key-env?");
    }

    @Test
    void aTargetFarFromEveryKnownOneIsListedWithoutASuggestion() {
        CommandLine line = loader.load(new String[] {"--target.billing.base-url", "http://x"}, Map.of());
        assertThat(problems(line))
                .containsExactly("option --target.billing.base-url names target 'billing', which"
                        + " this gateway does not have (its targets: petstore, petstore-browse)");
    }

    @Test
    void everyUnknownTargetSettingIsReported() {
        CommandLine line =
                loader.load(new String[] {"--target.a.base-url", "x", "--target.b.api-key-env", "K"}, Map.of());
        assertThat(problems(line)).hasSize(2);
    }

    @Test
    void knownTargetsPassInEitherSpelling() {
        CommandLine line = loader.load(
                new String[] {"--target.petstore.base-url", "http://x"},
                Map.of("APIGW_MCP_TARGET_PETSTORE_BROWSE_API_KEY_ENV", "KEY"));
        assertThatCode(() -> TargetNameCheck.check(line, TARGETS)).doesNotThrowAnyException();
    }

    @Test
    void aGatewayWithoutTargetsSaysSo() {
        CommandLine line = loader.load(new String[] {"--target.petstore.base-url", "http://x"}, Map.of());
        assertThatThrownBy(() -> TargetNameCheck.check(line, Set.of()))
                .hasMessage("option --target.petstore.base-url names target 'petstore', which this gateway does not"
                        + " have (it has no targets)");
    }
}
