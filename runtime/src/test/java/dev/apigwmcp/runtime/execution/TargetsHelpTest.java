package dev.apigwmcp.runtime.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.runtime.spi.ToolRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class TargetsHelpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String help(ToolRegistry... registries) {
        return TargetsHelp.render(List.of(registries).stream()
                .map(registry -> TargetNeeds.of(registry, JSON).orElseThrow())
                .toList());
    }

    @Test
    void aTargetNamesTheSettingsOfEachCredentialItsToolsNeed() {
        assertThat(help(new ScriptedRegistry("pets")))
                .contains("  pets (6 tools)\n")
                .contains("API key: --target.pets.api-key-env NAME or --target.pets.api-key-file FILE")
                .contains("OAuth2 token: --target.pets.oauth2.token-url, --target.pets.oauth2.client-id")
                .contains("SigV4: AWS credentials (the default chain, or --aws.profile NAME)\n")
                .doesNotContain("base URL")
                .doesNotContain("HTTP basic");
    }

    @Test
    void aTargetWhoseExportNamesNoHostNeedsABaseUrl() {
        assertThat(help(new ScriptedRegistry("stage-path")))
                .contains("  stage-path (1 tool)\n    base URL: --target.stage-path.base-url URL (its export names no"
                        + " host)");
    }

    @Test
    void noTargetsGiveNoSection() {
        assertThat(TargetsHelp.render(List.of())).isEmpty();
    }
}
