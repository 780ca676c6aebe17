package dev.apigwmcp.runtime.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.runtime.Gateway;
import dev.apigwmcp.runtime.auth.AuthException;
import dev.apigwmcp.runtime.auth.AwsCredentialsSource;
import dev.apigwmcp.runtime.auth.AwsKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's start-up checks on a target with every kind of credential ({@code pets}: API key, OAuth2, SigV4),
 * driven in-process with captured streams: what needs credentials and what does not, and the exit statuses.
 */
@Timeout(30)
class GatewayStartupTest {

    private static final AwsKeys KEYS = new AwsKeys("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null);
    private static final String NONE_FOUND = "no AWS credentials found; name a profile with --aws.profile, set"
            + " AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment, or sign in with aws sso login";
    private static final List<String> CREDENTIALS = PetsGatewayMain.CREDENTIALS;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final AtomicInteger awsResolutions = new AtomicInteger();
    private final Map<String, String> environment = new HashMap<>();
    private AwsCredentialsSource aws = () -> KEYS;

    @TempDir
    Path dir;

    private int run(String... args) {
        return run(List.of(args));
    }

    private int run(List<String> args) {
        return run(args, "");
    }

    private int run(List<String> args, String input) {
        PetsToolServiceFactory factory = new PetsToolServiceFactory(profile -> () -> {
            awsResolutions.incrementAndGet();
            return aws.resolve();
        });
        return new Gateway(
                        List.of(factory),
                        environment,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args.toArray(String[]::new), new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> with(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private List<String> stderrLines() {
        return stderr().lines().toList();
    }

    private void noAwsCredentials() {
        aws = () -> {
            throw new AuthException(NONE_FOUND);
        };
    }

    @Test
    void listToolsNeedsNoCredentialAtAll() {
        noAwsCredentials();
        assertThat(run("--list-tools")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines().map(line -> line.split("\\s+", 2)[0]))
                .containsExactly(
                        "pets___CreatePet",
                        "pets___Download",
                        "pets___GetPet",
                        "pets___ListPets",
                        "pets___Proxy",
                        "pets___Secure");
        assertThat(stderr()).isEmpty();
        assertThat(awsResolutions).hasValue(0);
    }

    @Test
    void helpNeedsNoCredentialAndEndsWithTheExitStatusTable() {
        noAwsCredentials();
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains(
                        "--target.<target>.api-key-env",
                        "Exit status:\n",
                        "  0  done",
                        "  1  unexpected failure",
                        "  2  wrong setting",
                        "  3  cannot start");
        assertThat(stderr()).isEmpty();
    }

    @Test
    void helpShowsEvenBesideAWrongSetting() {
        assertThat(run("--bogus", "1", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: ");
    }

    @Test
    void missingCredentialsStopTheStartWithStatus3AndOneLineEach() {
        noAwsCredentials();
        assertThat(run()).isEqualTo(3);
        assertThat(stderrLines())
                .containsExactly(
                        "apigw-mcp: target 'pets': tools need an API key; set target.pets.api-key-env (an environment"
                                + " variable name) or target.pets.api-key-file (a file)",
                        "apigw-mcp: target 'pets': tools need an OAuth2 bearer token; set target.pets.oauth2.token-url and"
                                + " target.pets.oauth2.client-id (and the client secret: target.pets.oauth2.client-secret-env or"
                                + " target.pets.oauth2.client-secret-file)",
                        "apigw-mcp: target 'pets': tools need SigV4 signing but " + NONE_FOUND);
        assertThat(out.size()).isZero();
    }

    @Test
    void aStartCheckThatFailsAfterTheClientsFirstLinesStillExits3WithEachMessageOnce() {
        noAwsCredentials();
        String input = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\"}}\n{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}\n";

        assertThat(run(List.of(), input)).isEqualTo(3);
        assertThat(stderrLines())
                .containsExactly(
                        "apigw-mcp: target 'pets': tools need an API key; set target.pets.api-key-env (an environment"
                                + " variable name) or target.pets.api-key-file (a file)",
                        "apigw-mcp: target 'pets': tools need an OAuth2 bearer token; set target.pets.oauth2.token-url and"
                                + " target.pets.oauth2.client-id (and the client secret: target.pets.oauth2.client-secret-env or"
                                + " target.pets.oauth2.client-secret-file)",
                        "apigw-mcp: target 'pets': tools need SigV4 signing but " + NONE_FOUND);
        // initialize may have been answered while the tool service started; tools/list never is.
        assertThat(out.toString(StandardCharsets.UTF_8).lines())
                .hasSizeLessThanOrEqualTo(1)
                .allSatisfy(line -> assertThat(line).startsWith("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":"));
    }

    @Test
    void anApiKeyVariableThatIsNotSetStopsTheStartWithStatus3() {
        assertThat(run(CREDENTIALS)).isEqualTo(3);
        assertThat(stderrLines())
                .allMatch(line -> line.startsWith(
                        "apigw-mcp: target 'pets': environment variable" + " PETS_KEY (named by target.pets."));
    }

    @Test
    void withEveryCredentialTheGatewayServesUntilEndOfInput() {
        environment.put("PETS_KEY", "k-123-secret");
        assertThat(run(CREDENTIALS)).as(stderr()).isZero();
        assertThat(awsResolutions).hasValue(1);
        assertThat(stderr()).doesNotContain("k-123-secret");
    }

    @Test
    void aWrongValueOfAToolSideSettingExits2() {
        environment.put("PETS_KEY", "k-123-secret");
        assertThat(run(with(CREDENTIALS, "--upstream.timeout-ms", "soon"))).isEqualTo(2);
        assertThat(stderrLines())
                .containsExactly("apigw-mcp: setting upstream.timeout-ms: 'soon' is not a positive" + " whole number");
    }

    @Test
    void anOptionForATargetThatDoesNotExistExits2BeforeAnyCredentialIsSought() {
        noAwsCredentials();
        assertThat(run("--target.pet.base-url", "http://127.0.0.1:9/")).isEqualTo(2);
        assertThat(stderrLines())
                .containsExactly("apigw-mcp: option --target.pet.base-url names target 'pet', which"
                        + " this gateway does not have (its targets: pets); did you mean --target.pets.base-url?");
        assertThat(awsResolutions).hasValue(0);
    }

    @Test
    void aVariableForATargetThatDoesNotExistExits2() {
        environment.put("APIGW_MCP_TARGET_PETZ_BASE_URL", "http://127.0.0.1:9/");
        assertThat(run("--list-tools")).isEqualTo(2);
        assertThat(stderrLines())
                .containsExactly("apigw-mcp: environment variable APIGW_MCP_TARGET_PETZ_BASE_URL"
                        + " names target 'PETZ', which this gateway does not have (its targets: pets); did you mean"
                        + " APIGW_MCP_TARGET_PETS_BASE_URL?");
        assertThat(out.size()).isZero();
    }

    @Test
    void aConfigFileSettingForATargetThatDoesNotExistExits2() throws Exception {
        Path file = dir.resolve("gateway.properties");
        Files.writeString(file, "target.pest.api-key-env=PETS_KEY\n");
        assertThat(run("--config", file.toString())).isEqualTo(2);
        assertThat(stderrLines())
                .containsExactly("apigw-mcp: setting target.pest.api-key-env in config file " + file
                        + " names target 'pest', which this gateway does not have (its targets: pets); did you mean"
                        + " target.pets.api-key-env?");
    }

    @Test
    void anUnknownVariableWithTheGatewaysPrefixExits2() {
        environment.put("APIGW_MCP_LOGLEVEL", "debug");
        assertThat(run("--list-tools")).isEqualTo(2);
        assertThat(stderrLines())
                .containsExactly("apigw-mcp: environment variable APIGW_MCP_LOGLEVEL is not a"
                        + " setting of this gateway; did you mean APIGW_MCP_LOG_LEVEL? (see --help)");
    }

    @Test
    void demoInAGatewayWithoutADemoLauncherSaysSoAndExits2() {
        assertThat(run("--demo")).isEqualTo(2);
        assertThat(stderrLines())
                .containsExactly("apigw-mcp: this gateway has no demo mode: --demo is an option of"
                        + " gateways built with a demo backend, such as the PetStore sample's petstore-gateway.jar");
    }

    @Test
    void aWrongPortExits2BeforeAnyCredentialIsSought() {
        noAwsCredentials();
        assertThat(run("--transport", "http", "--port", "eighty")).isEqualTo(2);
        assertThat(stderrLines())
                .containsExactly("apigw-mcp: --port (APIGW_MCP_PORT) must be an integer, got" + " \"eighty\"");
        assertThat(awsResolutions).hasValue(0);
    }

    @Test
    void aPortInUseSaysSoNamesPortAndExits3() throws Exception {
        environment.put("PETS_KEY", "k-123-secret");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            assertThat(run(with(CREDENTIALS, "--transport", "http", "--port", String.valueOf(port))))
                    .isEqualTo(3);
            assertThat(stderrLines())
                    .containsExactly("apigw-mcp: port " + port + " on 127.0.0.1 is already in use"
                            + " (another process listens there); choose another port with --port (APIGW_MCP_PORT), or"
                            + " --port 0 for any free port");
        }
    }
}
