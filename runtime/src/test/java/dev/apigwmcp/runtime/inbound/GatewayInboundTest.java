package dev.apigwmcp.runtime.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.runtime.Gateway;
import dev.apigwmcp.runtime.ToolServiceFactory;
import dev.apigwmcp.runtime.auth.AwsKeys;
import dev.apigwmcp.runtime.execution.PetsToolServiceFactory;
import dev.apigwmcp.runtime.protocol.FixtureToolServiceFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The launcher with inbound settings: wrong ones stop it with status 2, an unusable issuer with 3. */
class GatewayInboundTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(ToolServiceFactory factory, String... args) {
        Gateway gateway = new Gateway(
                List.of(factory),
                Map.of("PETS_KEY", "k"),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return gateway.run(args, new ByteArrayInputStream(new byte[0]));
    }

    private static PetsToolServiceFactory pets() {
        AwsKeys keys = new AwsKeys("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null);
        return new PetsToolServiceFactory(profile -> () -> keys);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsTheInboundSettings() {
        assertThat(run(new FixtureToolServiceFactory(), "--help")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains(
                        "--inbound.jwt.discovery-url",
                        "--inbound.jwt.allowed-clients",
                        "--inbound.scope.write",
                        "--inbound.resource",
                        "--inbound.none",
                        "--shutdown-grace-seconds");
    }

    @Test
    void aNonLoopbackHostWithoutAuthorizationExits2() {
        assertThat(run(new FixtureToolServiceFactory(), "--transport", "http", "--host", "0.0.0.0", "--port", "0"))
                .isEqualTo(2);
        assertThat(errors())
                .startsWith("apigw-mcp: --host 0.0.0.0 exposes every tool")
                .contains("--inbound.none");
    }

    @Test
    void anIssuerThatCannotBeReadExits3NamingTheSetting() {
        assertThat(run(
                        new FixtureToolServiceFactory(),
                        "--transport",
                        "http",
                        "--port",
                        "0",
                        "--inbound.jwt.discovery-url",
                        "http://127.0.0.1:1/pool/.well-known/openid-configuration",
                        "--inbound.jwt.allowed-clients",
                        "app"))
                .isEqualTo(3);
        assertThat(errors())
                .startsWith("apigw-mcp: cannot read the OpenID Connect discovery document "
                        + "http://127.0.0.1:1/pool/.well-known/openid-configuration (--inbound.jwt.discovery-url)");
    }

    @Test
    void anIssuerThatRefusesTheConnectionSaysSoInWords() {
        run(
                new FixtureToolServiceFactory(),
                "--transport",
                "http",
                "--port",
                "0",
                "--inbound.jwt.discovery-url",
                "http://127.0.0.1:1/pool/.well-known/openid-configuration",
                "--inbound.jwt.allowed-clients",
                "app");
        assertThat(errors())
                .contains("(--inbound.jwt.discovery-url): the connection was refused")
                .doesNotContain("Exception");
    }

    @Test
    void theCallersTokenWithoutInboundAuthorizationExits2() {
        assertThat(run(pets(), "--transport", "http", "--port", "0", "--target.pets.bearer.source", "caller"))
                .isEqualTo(2);
        assertThat(errors())
                .contains("target 'pets': --target.pets.bearer.source caller", "needs inbound authorization");
    }

    @Test
    void anUnknownBearerSourceExits2() {
        assertThat(run(pets(), "--target.pets.bearer.source", "sideways")).isEqualTo(2);
        assertThat(errors())
                .contains("setting target.pets.bearer.source: 'sideways' is not 'client-credentials' or" + " 'caller'");
    }

    @Test
    void aCredentialHeaderCannotBeForwarded() {
        assertThat(run(pets(), "--target.pets.forward-headers", "X-Tenant,Authorization,X-Amz-Date,Cookie"))
                .isEqualTo(2);
        assertThat(errors())
                .contains(
                        "target.pets.forward-headers: 'Authorization' carries a credential",
                        "'X-Amz-Date' carries a credential",
                        "'Cookie' carries a credential")
                .doesNotContain("'X-Tenant'");
    }

    @Test
    void theTargetsApiKeyHeaderCannotBeForwarded() {
        assertThat(run(pets(), "--target.pets.forward-headers", "x-api-key")).isEqualTo(2);
        assertThat(run(pets(), "--target.pets.forward-headers", "X-Tenant:1")).isEqualTo(2);
        assertThat(run(
                        pets(),
                        "--target.pets.api-key-name",
                        "X-Partner-Key",
                        "--target.pets.forward-headers",
                        "X-Partner-Key"))
                .isEqualTo(2);
        assertThat(errors())
                .contains(
                        "'x-api-key' carries a credential",
                        "'X-Tenant:1' is not a header name",
                        "'X-Partner-Key' is the target's API key header");
    }
}
