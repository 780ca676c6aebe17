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
        CommandLine line = loader.load(new String[] {"--config", file.toString(), "--port=3"},
                Map.of("APIGW_MCP_PORT", "2", "APIGW_MCP_UPSTREAM_TIMEOUT_MS", "6"));
        assertThat(line.settings().get(PORT)).contains("3");
        assertThat(line.settings().get(TIMEOUT)).contains("6");
        assertThat(line.settings().forTarget(TARGET_URL, "petstore")).contains("http://file");
    }

    @Test
    void perTargetSettingsFollowTheSameOrderAsGlobalOnes() throws Exception {
        Path file = dir.resolve("gw.properties");
        Files.writeString(file, "target.petstore.base-url=http://file\ntarget.orders-eu.base-url=http://file-orders\n"
                + "target.browse.base-url=http://file-browse\n");
        Map<String, String> environment = Map.of("APIGW_MCP_TARGET_PETSTORE_BASE_URL", "http://env",
                "APIGW_MCP_TARGET_ORDERS_EU_BASE_URL", "http://env-orders",
                "APIGW_MCP_TARGET_BROWSE_BASE_URL", "http://env-browse");

        CommandLine line = loader.load(new String[] {"--config", file.toString(),
            "--target.browse.base-url", "http://cli-browse"}, environment);

        assertThat(line.settings().forTarget(TARGET_URL, "petstore")).contains("http://env");
        assertThat(line.settings().forTarget(TARGET_URL, "orders-eu")).contains("http://env-orders");
        assertThat(line.settings().forTarget(TARGET_URL, "browse")).contains("http://cli-browse");
        assertThat(loader.load(new String[] {"--config", file.toString()}, Map.of()).settings()
                .forTarget(TARGET_URL, "orders-eu")).contains("http://file-orders");
    }

    @Test
    void perTargetSettingsComeFromTheEnvironmentToo() {
        CommandLine line = loader.load(new String[] {"--target.petstore.base-url", "http://cli"},
                Map.of("APIGW_MCP_TARGET_PETSTORE_BROWSE_BASE_URL", "http://env-browse",
                        "APIGW_MCP_TARGET_PETSTORE_BASE_URL", "http://env"));
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
    void unknownOptionIsOneClearLine() {
        assertThatThrownBy(() -> loader.load(new String[] {"--prot", "1"}, Map.of()))
                .isInstanceOf(SettingsException.class).hasMessage("unknown option --prot (see --help)");
    }

    @Test
    void optionWithoutValueIsRefused() {
        assertThatThrownBy(() -> loader.load(new String[] {"--port"}, Map.of())).hasMessage("option --port needs a value");
    }

    @Test
    void unknownKeyInFileNamesTheFile() throws Exception {
        Path file = dir.resolve("bad.properties");
        Files.writeString(file, "colour=red\n");
        assertThatThrownBy(() -> loader.load(new String[] {"--config", file.toString()}, Map.of()))
                .hasMessageContaining("\"colour\"").hasMessageContaining(file.toString());
    }

    @Test
    void missingConfigFileIsReported() {
        assertThatThrownBy(() -> loader.load(new String[] {"--config", dir.resolve("none").toString()}, Map.of()))
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
        assertThat(help).contains("--port VALUE", "APIGW_MCP_PORT", "default 8080", "--oauth.client-secret", "APIGW_MCP_OAUTH_CLIENT_SECRET")
                .doesNotContain("hunter2");
    }
}
