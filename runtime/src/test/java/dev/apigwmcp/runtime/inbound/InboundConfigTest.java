package dev.apigwmcp.runtime.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigwmcp.runtime.config.Settings;
import dev.apigwmcp.runtime.config.SettingsException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Inbound authorization's settings, checked before anything starts: each contradiction is one line. */
class InboundConfigTest {

    private static final String DISCOVERY =
            "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Pool/" + ".well-known/openid-configuration";

    private static InboundConfig read(String transport, String host, String... pairs) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return InboundConfig.read(Settings.of(values), transport, host);
    }

    private static String problem(String transport, String host, String... pairs) {
        try {
            read(transport, host, pairs);
        } catch (SettingsException e) {
            return String.join("\n", e.problems());
        }
        throw new AssertionError("the settings were accepted");
    }

    @Test
    void loopbackHttpNeedsNoAuthorization() {
        InboundConfig config = read("http", "127.0.0.1");

        assertThat(config.enabled()).isFalse();
        assertThat(config.exposed()).isFalse();
    }

    @Test
    void aNonLoopbackInterfaceWithoutAuthorizationIsRefusedNamingBothWaysOut() {
        assertThat(problem("http", "0.0.0.0"))
                .contains(
                        "--host 0.0.0.0",
                        "--inbound.jwt.discovery-url",
                        "--inbound.none (APIGW_MCP_INBOUND_NONE) true");
    }

    @Test
    void aNonLoopbackInterfaceWithoutAuthorizationOnPurposeIsExposed() {
        assertThat(read("http", "0.0.0.0", "inbound.none", "true").exposed()).isTrue();
    }

    @Test
    void aNonLoopbackInterfaceWithAuthorizationNeedsNothingMore() {
        InboundConfig config =
                read("http", "0.0.0.0", "inbound.jwt.discovery-url", DISCOVERY, "inbound.jwt.allowed-clients", "abc");

        assertThat(config.enabled()).isTrue();
        assertThat(config.exposed()).isFalse();
    }

    @Test
    void aDiscoveryUrlNeedsAnAudienceOrAClient() {
        assertThat(problem("http", "127.0.0.1", "inbound.jwt.discovery-url", DISCOVERY))
                .contains("--inbound.jwt.allowed-audiences", "--inbound.jwt.allowed-clients");
    }

    @Test
    void aDiscoveryUrlMustBeHttpsUnlessOnLoopback() {
        assertThat(problem(
                        "http",
                        "127.0.0.1",
                        "inbound.jwt.discovery-url",
                        "http://idp.example.com/x",
                        "inbound.jwt.allowed-clients",
                        "abc"))
                .contains("must be an https URL");
        assertThat(read(
                                "http",
                                "127.0.0.1",
                                "inbound.jwt.discovery-url",
                                "http://127.0.0.1:9/x",
                                "inbound.jwt.allowed-clients",
                                "abc")
                        .enabled())
                .isTrue();
    }

    @Test
    void noneContradictsADiscoveryUrl() {
        assertThat(problem(
                        "http",
                        "127.0.0.1",
                        "inbound.jwt.discovery-url",
                        DISCOVERY,
                        "inbound.jwt.allowed-clients",
                        "abc",
                        "inbound.none",
                        "true"))
                .contains("contradicts");
    }

    @Test
    void stdioHasNoInboundRequestsToAuthorize() {
        assertThat(problem("stdio", null, "inbound.jwt.discovery-url", DISCOVERY, "inbound.jwt.allowed-clients", "abc"))
                .contains("needs --transport http");
    }

    @Test
    void aSettingThatNeedsTheIssuerIsRefusedWithoutIt() {
        assertThat(problem("http", "127.0.0.1", "inbound.jwt.allowed-clients", "abc"))
                .contains("--inbound.jwt.allowed-clients", "has no effect without --inbound.jwt.discovery-url");
    }

    @Test
    void aReadOnlyScopeNeedsAWriteScope() {
        assertThat(problem(
                        "http",
                        "127.0.0.1",
                        "inbound.jwt.discovery-url",
                        DISCOVERY,
                        "inbound.jwt.allowed-clients",
                        "abc",
                        "inbound.scope.read-only",
                        "mcp/read"))
                .contains("--inbound.scope.read-only", "needs --inbound.scope.write");
    }

    @Test
    void aScopeWithAQuoteIsNotOneScope() {
        assertThat(problem(
                        "http",
                        "127.0.0.1",
                        "inbound.jwt.discovery-url",
                        DISCOVERY,
                        "inbound.jwt.allowed-clients",
                        "abc",
                        "inbound.scope.write",
                        "mcp\"write"))
                .contains("not one scope");
    }

    @Test
    void theClockSkewIsBounded() {
        assertThat(problem(
                        "http",
                        "127.0.0.1",
                        "inbound.jwt.discovery-url",
                        DISCOVERY,
                        "inbound.jwt.allowed-clients",
                        "abc",
                        "inbound.jwt.clock-skew-seconds",
                        "3600"))
                .contains("from 0 to 300");
    }

    @Test
    void requiredScopesAreSeparatedBySpacesOrCommas() {
        InboundConfig config = read(
                "http",
                "127.0.0.1",
                "inbound.jwt.discovery-url",
                DISCOVERY,
                "inbound.jwt.allowed-clients",
                "abc",
                "inbound.jwt.required-scopes",
                "a b,c");

        assertThat(config.scopes().required()).containsExactly("a", "b", "c");
    }

    @Test
    void theCallersTokenUpstreamNeedsInboundAuthorization() {
        assertThat(problem("http", "127.0.0.1", "target.orders.bearer.source", "caller"))
                .contains("target 'orders'", "--target.orders.bearer.source caller", "needs inbound authorization");
        assertThat(problem("stdio", null, "target.ORDERS.bearer.source", "caller"))
                .contains("target 'ORDERS'");
    }

    @Test
    void theResourcesHostIsAnAllowedHost() {
        assertThat(read(
                                "http",
                                "0.0.0.0",
                                "inbound.jwt.discovery-url",
                                DISCOVERY,
                                "inbound.jwt.allowed-clients",
                                "abc",
                                "inbound.resource",
                                "https://MCP.example.com/mcp")
                        .publicHost())
                .contains("mcp.example.com");
    }

    @Test
    void aResourceUrlWithAFragmentIsRefused() {
        assertThatThrownBy(() -> read(
                        "http",
                        "127.0.0.1",
                        "inbound.jwt.discovery-url",
                        DISCOVERY,
                        "inbound.jwt.allowed-clients",
                        "abc",
                        "inbound.resource",
                        "https://mcp.example.com/mcp#x"))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("no query and no fragment");
    }
}
