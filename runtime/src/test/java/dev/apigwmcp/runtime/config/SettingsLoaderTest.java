package dev.apigwmcp.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {
    private static final Setting PORT = Setting.of("port", "8080", "port");
    private static final Setting TIMEOUT = Setting.of("upstream.timeout-ms", "1000", "timeout");
    private static final Setting TARGET_URL = Setting.of("target.<target>.base-url", null, "base URL");
    private final SettingsLoader loader = new SettingsLoader(List.of(PORT, TIMEOUT, TARGET_URL));

    @TempDir
    Path dir;

    @Test
    void commandLineBeatsEnvironmentBeatsFile() throws Exception {
        Path file = dir.resolve("gw.properties");
        Files.writeString(file, "port=1\nupstream.timeout-ms=5\ntarget.petstore.base-url=http://file\n");
        CommandLine line = loader.load(
                new String[] {"--config", file.toString(), "--port=3"},
                Map.of("APIGW_MCP_PORT", "2", "APIGW_MCP_UPSTREAM_TIMEOUT_MS", "6"));
        assertThat(line.settings().get(PORT)).contains("3");
        assertThat(line.settings().get(TIMEOUT)).contains("6");
        assertThat(line.settings().forTarget(TARGET_URL, "petstore")).contains("http://file");
    }

    @Test
    void perTargetSettingsFollowTheSameOrderAsGlobalOnes() throws Exception {
        Path file = dir.resolve("gw.properties");
        Files.writeString(
                file,
                "target.petstore.base-url=http://file\ntarget.orders-eu.base-url=http://file-orders\n"
                        + "target.browse.base-url=http://file-browse\n");
        Map<String, String> environment = Map.of(
                "APIGW_MCP_TARGET_PETSTORE_BASE_URL",
                "http://env",
                "APIGW_MCP_TARGET_ORDERS_EU_BASE_URL",
                "http://env-orders",
                "APIGW_MCP_TARGET_BROWSE_BASE_URL",
                "http://env-browse");

        CommandLine line = loader.load(
                new String[] {"--config", file.toString(), "--target.browse.base-url", "http://cli-browse"},
                environment);

        assertThat(line.settings().forTarget(TARGET_URL, "petstore")).contains("http://env");
        assertThat(line.settings().forTarget(TARGET_URL, "orders-eu")).contains("http://env-orders");
        assertThat(line.settings().forTarget(TARGET_URL, "browse")).contains("http://cli-browse");
        assertThat(loader.load(new String[] {"--config", file.toString()}, Map.of())
                        .settings()
                        .forTarget(TARGET_URL, "orders-eu"))
                .contains("http://file-orders");
    }

    @Test
    void perTargetSettingsComeFromTheEnvironmentToo() {
        CommandLine line = loader.load(
                new String[] {"--target.petstore.base-url", "http://cli"},
                Map.of(
                        "APIGW_MCP_TARGET_PETSTORE_BROWSE_BASE_URL",
                        "http://env-browse",
                        "APIGW_MCP_TARGET_PETSTORE_BASE_URL",
                        "http://env"));
        assertThat(line.settings().forTarget(TARGET_URL, "petstore-browse")).contains("http://env-browse");
        assertThat(line.settings().forTarget(TARGET_URL, "petstore")).contains("http://cli");
        assertThat(line.settings().forTarget(TARGET_URL, "orders")).isEmpty();
    }

    @Test
    void spaceSeparatedValueAndDefaultsWork() {
        CommandLine line = loader.load(new String[] {"--port", "9"}, Map.of());
        assertThat(line.settings().get(PORT)).contains("9");
        assertThat(line.settings().get(TIMEOUT)).contains("1000");
    }

    @Test
    void unknownOptionIsOneLineSuggestingTheNearestKnownOne() {
        assertThatThrownBy(() -> loader.load(new String[] {"--prot", "1"}, Map.of()))
                .isInstanceOf(SettingsException.class)
                .hasMessage("unknown option --prot; did you mean --port? (see --help)");
    }

    @Test
    void unknownOptionFarFromEveryKnownOneHasNoSuggestion() {
        assertThatThrownBy(() -> loader.load(new String[] {"--colour", "red"}, Map.of()))
                .hasMessage("unknown option --colour (see --help)");
    }

    @Test
    void unknownOptionLastOnTheLineIsUnknownRatherThanMissingAValue() {
        assertThatThrownBy(() -> loader.load(new String[] {"--port", "1", "--verbose"}, Map.of()))
                .hasMessage("unknown option --verbose (see --help)");
    }

    @Test
    void mistypedKeyOfAPerTargetOptionSuggestsTheKeyForTheSameTarget() {
        assertThatThrownBy(() -> loader.load(new String[] {"--target.petstore.baseurl", "http://x"}, Map.of()))
                .hasMessage("unknown option --target.petstore.baseurl; did you mean --target.petstore.base-url?"
                        + " (see --help)");
    }

    @Test
    void aSecretGivenInlineIsPointedAtTheVariableSettingNotTheNearestName() {
        SettingsLoader withKeys = new SettingsLoader(List.of(
                Setting.of("target.<target>.api-key-env", null, "variable"),
                Setting.of("target.<target>.api-key-in", null, "where")));
        assertThatThrownBy(() -> withKeys.load(new String[] {"--target.orders.api-key", "k-1"}, Map.of()))
                .hasMessage("unknown option --target.orders.api-key; did you mean --target.orders.api-key-env?"
                        + " (see --help)");
        assertThatThrownBy(() -> withKeys.load(new String[0], Map.of("APIGW_MCP_TARGET_ORDERS_API_KEY", "k-1")))
                .hasMessage("environment variable APIGW_MCP_TARGET_ORDERS_API_KEY is not a setting of this gateway;"
                        + " did you mean APIGW_MCP_TARGET_ORDERS_API_KEY_ENV? (see --help)");
    }

    @Test
    void demoOptionSaysThisGatewayHasNoDemoMode() {
        assertThatThrownBy(() -> loader.load(new String[] {"--demo"}, Map.of()))
                .hasMessage("this gateway has no demo mode: --demo is an option of gateways built with a demo"
                        + " backend, such as the PetStore sample's petstore-gateway.jar");
        assertThatThrownBy(() -> loader.load(new String[] {"--demo", "--port", "1"}, Map.of()))
                .hasMessageStartingWith("this gateway has no demo mode");
    }

    @Test
    void unknownVariableWithTheGatewaysPrefixIsRefusedWithTheNearestKnownOne() {
        assertThatThrownBy(() -> loader.load(
                        new String[0], Map.of("APIGW_MCP_PROT", "1", "APIGW_MCP_TARGET_PETSTORE_BASEURL", "http://x")))
                .isInstanceOfSatisfying(
                        SettingsException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "environment variable APIGW_MCP_PROT is not a setting of this gateway; did you mean"
                                                + " APIGW_MCP_PORT? (see --help)",
                                        "environment variable APIGW_MCP_TARGET_PETSTORE_BASEURL is not a setting of this gateway;"
                                                + " did you mean APIGW_MCP_TARGET_PETSTORE_BASE_URL? (see --help)"));
    }

    @Test
    void variablesWithoutTheGatewaysPrefixAndTheConfigVariableAreNotSettings() throws Exception {
        Path file = dir.resolve("gw.properties");
        Files.writeString(file, "port=5\n");
        CommandLine line = loader.load(
                new String[0], Map.of("PATH", "/bin", "APIGW_MCP", "x", "APIGW_MCP_CONFIG", file.toString()));
        assertThat(line.settings().get(PORT)).contains("5");
    }

    @Test
    void originsSayWhereEachSettingCameFromAsTheUserWroteIt() throws Exception {
        Path file = dir.resolve("gw.properties");
        Files.writeString(file, "upstream.timeout-ms=5\ntarget.orders.base-url=http://file\n");
        CommandLine line = loader.load(
                new String[] {"--config", file.toString(), "--port=3"},
                Map.of("APIGW_MCP_TARGET_PETSTORE_BROWSE_BASE_URL", "http://env"));
        assertThat(line.origins().get("port").describe()).isEqualTo("option --port");
        assertThat(line.origins().get("target.PETSTORE_BROWSE.base-url").describe())
                .isEqualTo("environment variable APIGW_MCP_TARGET_PETSTORE_BROWSE_BASE_URL");
        assertThat(line.origins().get("target.orders.base-url").describe())
                .isEqualTo("setting target.orders.base-url in config file " + file);
        assertThat(line.origins())
                .containsOnlyKeys(
                        "port", "upstream.timeout-ms", "target.PETSTORE_BROWSE.base-url", "target.orders.base-url");
    }

    @Test
    void optionWithoutValueIsRefused() {
        assertThatThrownBy(() -> loader.load(new String[] {"--port"}, Map.of()))
                .hasMessage("option --port needs a value");
    }

    @Test
    void unknownKeyInFileNamesTheFile() throws Exception {
        Path file = dir.resolve("bad.properties");
        Files.writeString(file, "colour=red\n");
        assertThatThrownBy(() -> loader.load(new String[] {"--config", file.toString()}, Map.of()))
                .hasMessageContaining("\"colour\"")
                .hasMessageContaining(file.toString());
    }

    @Test
    void everyUnknownKeyInFileIsReportedWithItsNearestKnownKey() throws Exception {
        Path file = dir.resolve("bad.properties");
        Files.writeString(file, "prot=1\nupstream.timeout=5\n");
        assertThatThrownBy(() -> loader.load(new String[] {"--config", file.toString()}, Map.of()))
                .isInstanceOfSatisfying(
                        SettingsException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "unknown setting \"prot\" in config file " + file
                                                + "; did you mean port? (see --help)",
                                        "unknown setting \"upstream.timeout\" in config file " + file
                                                + "; did you mean upstream.timeout-ms? (see --help)"));
    }

    @Test
    void missingConfigFileIsReported() {
        assertThatThrownBy(() -> loader.load(
                        new String[] {"--config", dir.resolve("none").toString()}, Map.of()))
                .hasMessageContaining("does not exist");
    }

    @Test
    void helpAndListToolsAreFlags() {
        CommandLine line = loader.load(new String[] {"--help", "--list-tools"}, Map.of());
        assertThat(line.help()).isTrue();
        assertThat(line.listTools()).isTrue();
    }

    @Test
    void helpListsEverySettingAndHidesSecretDefaults() {
        Setting secret = new Setting("oauth.client-secret", "hunter2", "client secret", true);
        String help = HelpRenderer.render("usage", List.of(PORT, secret));
        assertThat(help)
                .contains(
                        "--port VALUE",
                        "APIGW_MCP_PORT",
                        "default 8080",
                        "--oauth.client-secret",
                        "APIGW_MCP_OAUTH_CLIENT_SECRET")
                .doesNotContain("hunter2");
    }
}
