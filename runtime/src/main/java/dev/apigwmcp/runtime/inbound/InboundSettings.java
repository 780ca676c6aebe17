package dev.apigwmcp.runtime.inbound;

import dev.apigwmcp.runtime.config.Setting;
import java.util.List;

/** The settings of inbound authorization on the HTTP transport (declared here so that {@code --help} lists them). */
public final class InboundSettings {

    public static final Setting DISCOVERY_URL = Setting.of(
            "inbound.jwt.discovery-url",
            null,
            "HTTP: require a JWT access token from this OpenID Connect issuer (its discovery document's URL; the "
                    + "issuer and jwks_uri come from it, read at start); with allowed-audiences or allowed-clients");
    public static final Setting ALLOWED_AUDIENCES = Setting.of(
            "inbound.jwt.allowed-audiences",
            null,
            "HTTP: comma-separated audiences; a token's aud must name one of them");
    public static final Setting ALLOWED_CLIENTS = Setting.of(
            "inbound.jwt.allowed-clients",
            null,
            "HTTP: comma-separated OAuth client ids; a token's client_id (else azp) must be one of them (Cognito "
                    + "access tokens carry client_id and no aud)");
    public static final Setting REQUIRED_SCOPES = Setting.of(
            "inbound.jwt.required-scopes",
            null,
            "HTTP: scopes every token must carry (separated by spaces or commas); a token without them gets 403");
    public static final Setting CLOCK_SKEW_SECONDS =
            Setting.of("inbound.jwt.clock-skew-seconds", "60", "HTTP: tolerance for exp and nbf, 0 to 300 seconds");
    public static final Setting SCOPE_READ_ONLY = Setting.of(
            "inbound.scope.read-only",
            null,
            "HTTP: the scope that allows the tools annotated read-only (needs inbound.scope.write); a token "
                    + "with neither scope gets 403");
    public static final Setting SCOPE_WRITE = Setting.of(
            "inbound.scope.write",
            null,
            "HTTP: the scope that allows every tool; a token without it sees and calls only the tools annotated "
                    + "read-only");
    public static final Setting RESOURCE = Setting.of(
            "inbound.resource",
            null,
            "HTTP: this gateway's public MCP URL (behind a proxy or load balancer), published as the protected "
                    + "resource; default: the URL the request was sent to");
    public static final Setting NONE = Setting.of(
            "inbound.none",
            "false",
            "HTTP: true to serve a non-loopback --host without inbound authorization (anyone who reaches the port "
                    + "can call every tool; the start warns)");

    private InboundSettings() {}

    /** Every setting of inbound authorization. */
    public static List<Setting> declared() {
        return List.of(
                DISCOVERY_URL,
                ALLOWED_AUDIENCES,
                ALLOWED_CLIENTS,
                REQUIRED_SCOPES,
                CLOCK_SKEW_SECONDS,
                SCOPE_READ_ONLY,
                SCOPE_WRITE,
                RESOURCE,
                NONE);
    }
}
