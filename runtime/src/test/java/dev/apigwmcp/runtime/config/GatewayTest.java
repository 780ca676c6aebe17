package dev.apigwmcp.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.runtime.Gateway;
import dev.apigwmcp.runtime.ToolServiceFactory;
import dev.apigwmcp.runtime.protocol.FixtureToolServiceFactory;
import dev.apigwmcp.runtime.tools.ToolService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The launcher: exit codes, --help, --list-tools and stdio serving, driven in-process. */
class GatewayTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) {
        return run(Map.of(), stdin, args);
    }

    private int run(Map<String, String> environment, String stdin, String... args) {
        Gateway gateway = new Gateway(
                List.of(new FixtureToolServiceFactory()),
                environment,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return gateway.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void unknownOptionExits2WithOneLine() {
        assertThat(run("", "--bogus", "1")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("apigw-mcp: unknown option --bogus (see --help)" + System.lineSeparator());
        assertThat(out.size()).isZero();
    }

    @Test
    void badPortValueExits2NamingTheOption() {
        assertThat(run("", "--transport", "http", "--port", "eighty")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--port", "APIGW_MCP_PORT", "eighty");
    }

    @Test
    void helpListsGatewayAndToolServiceSettingsWithoutSecrets() {
        assertThat(run("", "--help")).isZero();
        String help = out.toString(StandardCharsets.UTF_8);
        assertThat(help)
                .contains(
                        "--transport",
                        "--max-sessions",
                        "--allowed-origins",
                        "--fixture.filler-tools",
                        "--fixture.secret")
                .doesNotContain("s3cr3t-default");
    }

    @Test
    void helpListsTheLimitsAgainstSlowAndHostileClientsWithTheirDefaults() {
        assertThat(run("", "--help")).isZero();
        String help = out.toString(StandardCharsets.UTF_8);
        assertThat(help)
                .contains(
                        "--request-read-idle-ms",
                        "default 5000",
                        "--request-read-timeout-ms",
                        "default 15000",
                        "--max-sessions-per-client",
                        "--session-unused-seconds",
                        "--max-calls-per-client",
                        "--max-calls-per-session",
                        "--max-batch-requests");
    }

    @Test
    void aReadDeadlineBelowItsMinimumExits2NamingTheOption() {
        assertThat(run("", "--transport", "http", "--port", "0", "--request-read-idle-ms", "5"))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--request-read-idle-ms", "APIGW_MCP_REQUEST_READ_IDLE_MS", "between 100 and", "got 5");
    }

    @Test
    void listToolsPrintsNameAndFirstDescriptionLine() {
        assertThat(run("", "--list-tools")).isZero();
        String listing = out.toString(StandardCharsets.UTF_8);
        assertThat(listing).contains("echo  Echoes its arguments.").doesNotContain("Second line");
    }

    @Test
    void stdioServesUntilEndOfInput() {
        assertThat(run("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}\n")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}\n");
    }

    @Test
    void unknownTransportExits2() {
        assertThat(run("", "--transport", "carrier-pigeon")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("stdio or http");
    }

    @Test
    void aSessionKeyFileAndVariableTogetherExit2NamingBoth() {
        assertThat(run("", "--transport", "http", "--port", "0", "--session.key-file", "/k", "--session.key-env", "K"))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--session.key-file", "--session.key-env", "set one");
    }

    @Test
    void aMissingSessionKeyFileExits3NamingTheSetting() {
        assertThat(run("", "--transport", "http", "--port", "0", "--session.key-file", "/no/such/key"))
                .isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains(
                        "cannot read the session key file /no/such/key (named by --session.key-file): there is no such"
                                + " file");
    }

    @Test
    void aMalformedSessionKeyExits3WithoutShowingIt() {
        assertThat(run(
                        Map.of("MY_KEY", "correct horse battery staple"),
                        "",
                        "--transport",
                        "http",
                        "--port",
                        "0",
                        "--session.key-env",
                        "MY_KEY"))
                .isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("environment variable MY_KEY", "line 1 is not base64")
                .doesNotContain("horse");
    }

    @Test
    void helpShowsEachToolServicesTargetsSectionAfterTheSettings() {
        ToolServiceFactory fixture = new FixtureToolServiceFactory();
        ToolServiceFactory withTargets = new ToolServiceFactory() {
            @Override
            public String name() {
                return fixture.name();
            }

            @Override
            public List<Setting> settings() {
                return fixture.settings();
            }

            @Override
            public ToolService create(Settings settings, Map<String, String> environment) {
                return fixture.create(settings, environment);
            }

            @Override
            public String targetsHelp() {
                return "\nTargets of this gateway and what each needs before it starts:\n  pets (2 tools)\n";
            }
        };
        Gateway gateway = new Gateway(
                List.of(withTargets),
                Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(gateway.run(new String[] {"--help"}, new ByteArrayInputStream(new byte[0])))
                .isZero();
        String help = out.toString(StandardCharsets.UTF_8);
        assertThat(help.indexOf("  pets (2 tools)")).isGreaterThan(help.indexOf("--transport"));
    }

    @Test
    void helpListsTheSessionKeySettings() {
        assertThat(run("", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("--session.key-file", "--session.key-env", "--session.max-age-seconds", "default 86400");
    }
}
