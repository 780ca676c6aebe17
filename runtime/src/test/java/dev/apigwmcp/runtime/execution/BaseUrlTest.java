package dev.apigwmcp.runtime.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.runtime.auth.AuthEnvironment;
import dev.apigwmcp.runtime.config.Settings;
import dev.apigwmcp.runtime.spi.Arguments;
import dev.apigwmcp.runtime.spi.ToolRegistry;
import dev.apigwmcp.runtime.upstream.TestUpstream;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.json.JsonMapper;

/** Where a target's calls go: the export's server URL, a configured base URL, or a clear stop at start. */
@Timeout(30)
class BaseUrlTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestUpstream upstream;
    private GeneratedToolService service;

    @BeforeEach
    void start() throws IOException {
        upstream = new TestUpstream();
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        upstream.close();
    }

    private static ScriptedRegistry target(String target, String tool) {
        return new ScriptedRegistry(
                target,
                new ScriptedTool(tool, (a, request) -> request.pathParameter("id", "id", Arguments.string(a, "id"))));
    }

    private static GeneratedToolService create(ToolRegistry registry, Map<String, String> settings) {
        return GeneratedToolService.create(
                List.of(registry),
                Settings.of(settings),
                new AuthEnvironment(name -> null, profile -> null, Clock.systemUTC()));
    }

    private static List<String> startProblems(ToolRegistry registry, Map<String, String> settings) {
        try {
            create(registry, settings).close();
        } catch (StartupException e) {
            return e.problems();
        }
        throw new AssertionError("the start did not fail");
    }

    @Test
    void anExportWithoutAnyServerUrlNamesTheSettingInEveryForm() {
        assertThat(startProblems(new BrokenRegistry(), Map.of()))
                .contains(
                        "target 'broken': its export has no server URL, so the gateway does not know the API's host; set --target.broken.base-url URL (environment"
                                + " variable APIGW_MCP_TARGET_BROKEN_BASE_URL, or target.broken.base-url=URL in the --config file)");
    }

    @Test
    void aRootServerUrlIsNoUrlEither() {
        assertThat(startProblems(target("root-server", "root___GetItem"), Map.of()))
                .containsExactly(
                        "target 'root-server': its export's server URL '/' names no host; set --target.root-server.base-url"
                                + " URL (environment variable APIGW_MCP_TARGET_ROOT_SERVER_BASE_URL, or"
                                + " target.root-server.base-url=URL in the --config file)");
    }

    @Test
    void aServerUrlThatIsOnlyABasePathSaysThePathIsKept() {
        assertThat(startProblems(target("stage-path", "stage___GetItem"), Map.of()))
                .containsExactly(
                        "target 'stage-path': its export's server URL '/v1' names no host; set --target.stage-path.base-url"
                                + " URL (environment variable APIGW_MCP_TARGET_STAGE_PATH_BASE_URL, or"
                                + " target.stage-path.base-url=URL in the --config file); the export's base path /v1 is"
                                + " appended to it");
    }

    @Test
    void theExportsBasePathIsAppendedToTheConfiguredBaseUrl() throws Exception {
        service = create(
                target("stage-path", "stage___GetItem"),
                Map.of("target.stage-path.base-url", upstream.uri("/").toString()));
        service.call("stage___GetItem", JSON.readTree("{\"id\":\"7\"}"), null).join();
        assertThat(upstream.take().rawPath()).isEqualTo("/v1/items/7");
    }

    @Test
    void aConfiguredBaseUrlWithDoubledAndTrailingSlashesGivesOneSlashEach() throws Exception {
        service = create(
                target("root-server", "root___GetItem"),
                Map.of("target.root-server.base-url", upstream.uri("//prod//").toString()));
        service.call("root___GetItem", JSON.readTree("{\"id\":\"a/b\"}"), null).join();
        assertThat(upstream.take().rawPath()).isEqualTo("/prod/items/a%2Fb");
    }

    @Test
    void aBadConfiguredBaseUrlNamesTheSetting() {
        assertThat(startProblems(
                        target("stage-path", "stage___GetItem"), Map.of("target.stage-path.base-url", "ftp://h/x")))
                .containsExactly("target 'stage-path': setting"
                        + " target.stage-path.base-url: 'ftp://h/x' must be an absolute http or https URL");
    }
}
