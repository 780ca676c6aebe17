package dev.apigwmcp.generator.agentcore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.runtime.auth.AuthSettings;
import dev.apigwmcp.runtime.config.Setting;
import dev.apigwmcp.runtime.upstream.UpstreamSettings;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every setting an import prints is one the gateway knows; an unknown one would stop its start (exit 2). */
class GatewaySettingNamesTest {

    private static Set<String> declared() {
        List<Setting> settings = new ArrayList<>(AuthSettings.declared());
        settings.addAll(UpstreamSettings.declared());
        return settings.stream().map(Setting::name).collect(Collectors.toSet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"iam-role.json", "api-key.json", "oauth.json", "wildcards.json"})
    void everyPrintedSettingIsDeclaredByTheGateway(String file) throws Exception {
        Path path;
        try {
            path = Path.of(getClass().getResource("/agentcore/" + file).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        AgentCoreImport result = new AgentCoreImporter().read(path, file);
        String prefix = "target." + result.target().name() + ".";

        assertThat(result.settings()).isNotEmpty().allSatisfy(setting -> {
            assertThat(setting.key()).startsWith(prefix);
            assertThat(declared()).contains("target.<target>." + setting.key().substring(prefix.length()));
        });
    }
}
