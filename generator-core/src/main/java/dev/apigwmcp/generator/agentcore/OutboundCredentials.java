package dev.apigwmcp.generator.agentcore;

import java.util.List;
import java.util.Locale;

/**
 * AgentCore's outbound credentials ({@code credentialProviderConfigurations}) as gateway settings. AgentCore keeps
 * the secrets themselves (API keys, OAuth clients) in AgentCore Identity, out of reach of an import: each setting
 * names where the user puts the secret instead, and a note says what to do. The target keeps {@code auth}
 * {@code FROM_EXPORT}: each method gets the credential its export asks for, which is what AgentCore's one
 * credential per target achieved for every method it could call.
 */
final class OutboundCredentials {

    private final String target;
    private final String region;
    private final Findings findings;

    OutboundCredentials(String target, String region, Findings findings) {
        this.target = target;
        this.region = region;
        this.findings = findings;
    }

    void read(JsonObject file, List<GatewaySetting> settings) {
        List<JsonObject> configurations = file.objects("credentialProviderConfigurations", false);
        if (configurations == null || configurations.isEmpty()) {
            findings.note(
                    file.pointer("credentialProviderConfigurations"),
                    "no credential provider: AgentCore called"
                            + " the API without credentials; apigw-mcp sends each method the credential its export asks for"
                            + " (none where the export asks none), and the gateway stops at start, naming the setting, if"
                            + " one is missing");
            return;
        }
        for (JsonObject configuration : configurations) {
            String type = configuration.string("credentialProviderType", true);
            JsonObject provider = configuration.object("credentialProvider", false);
            configuration.unread("is not part of a credential provider configuration; has no equivalent in"
                    + " apigw-mcp and is not imported");
            if (type == null) {
                continue;
            }
            String at = configuration.pointer("credentialProviderType");
            switch (type) {
                case "GATEWAY_IAM_ROLE" -> iamRole(at, provider, settings);
                case "API_KEY" -> apiKey(at, provider, settings);
                case "OAUTH" -> oauth(at, provider, settings);
                case "JWT_PASSTHROUGH" -> {
                    settings.add(setting(
                            "bearer.source",
                            "caller",
                            "JWT_PASSTHROUGH: the caller's verified token goes"
                                    + " on to the methods behind a Cognito or Lambda authorizer"));
                    findings.note(
                            at,
                            "JWT_PASSTHROUGH: with bearer.source caller the gateway passes each caller's"
                                    + " verified access token on, to the methods the export puts behind a Cognito or Lambda"
                                    + " authorizer or an OAuth2 scheme only; it needs inbound authorization"
                                    + " (--inbound.jwt.discovery-url), as AgentCore needed its JWT authorizer");
                }
                case "CALLER_IAM_CREDENTIALS" ->
                    findings.note(
                            at,
                            "CALLER_IAM_CREDENTIALS has no equivalent:"
                                    + " apigw-mcp signs with its own AWS credentials (the default chain), never the caller's;"
                                    + " per-caller identity upstream is the caller's token (--target." + target
                                    + ".bearer.source caller) for methods behind an authorizer");
                default ->
                    findings.note(
                            at,
                            "'" + type + "' is a credential provider type apigw-mcp does not know;"
                                    + " configure the target's outbound credentials by hand (docs/runtime.md, outbound auth)");
            }
            if (provider != null) {
                provider.unread("does not belong to credentialProviderType " + type + "; not imported");
            }
        }
    }

    private void iamRole(String at, JsonObject provider, List<GatewaySetting> settings) {
        String signingRegion = region;
        if (provider != null) {
            JsonObject iam = provider.object("iamCredentialProvider", false);
            if (iam != null) {
                String service = iam.string("service", false);
                if (service != null && !service.equals("execute-api")) {
                    findings.note(
                            iam.pointer("service"),
                            "apigw-mcp signs for execute-api, the service of API" + " Gateway REST APIs, not '"
                                    + service + "'");
                }
                String given = iam.string("region", false);
                signingRegion = given != null ? given : signingRegion;
                iam.unread("has no equivalent in apigw-mcp and is not imported");
            }
        }
        if (signingRegion != null) {
            settings.add(setting(
                    "aws-region",
                    signingRegion,
                    "GATEWAY_IAM_ROLE: SigV4 in the API's Region"
                            + " (the export's invoke URL says the same unless it is a custom domain)"));
        }
        findings.note(
                at,
                "GATEWAY_IAM_ROLE: AgentCore signed calls with its service role. apigw-mcp signs the"
                        + " methods the export marks AWS_IAM with SigV4, with the AWS SDK default credentials chain where the"
                        + " gateway runs (environment, --aws.profile, SSO, a container or instance role): give that identity"
                        + " execute-api:Invoke on the API, as the service role had");
    }

    private void apiKey(String at, JsonObject provider, List<GatewaySetting> settings) {
        JsonObject key = provider == null ? null : provider.object("apiKeyCredentialProvider", false);
        String providerArn = null;
        String variable = target.toUpperCase(Locale.ROOT).replace('-', '_') + "_API_KEY";
        settings.add(setting(
                "api-key-env",
                variable,
                "API_KEY: the environment variable that holds the key" + " (or api-key-file)"));
        if (key != null) {
            providerArn = key.string("providerArn", false);
            String location = key.string("credentialLocation", false);
            if (location != null) {
                switch (location) {
                    case "HEADER" ->
                        settings.add(setting("api-key-in", "header", "API_KEY: credentialLocation" + " HEADER"));
                    case "QUERY_PARAMETER" ->
                        settings.add(
                                setting("api-key-in", "query", "API_KEY:" + " credentialLocation QUERY_PARAMETER"));
                    default ->
                        findings.error(
                                key.pointer("credentialLocation"),
                                "must be HEADER or QUERY_PARAMETER," + " was '" + location + "'");
                }
            }
            String parameter = key.string("credentialParameterName", false);
            if (parameter != null) {
                settings.add(setting("api-key-name", parameter, "API_KEY: credentialParameterName"));
            }
            // A prefix is kept exactly, trailing space included ("Bearer "): the string reader trims, so read raw.
            String prefix = key.rawString("credentialPrefix");
            if (prefix != null && !prefix.isEmpty()) {
                settings.add(setting("api-key-prefix", prefix, "API_KEY: credentialPrefix"));
            }
            key.unread("has no equivalent in apigw-mcp and is not imported");
        }
        findings.note(
                at,
                "API_KEY: the key itself stays in AgentCore Identity"
                        + (providerArn == null ? "" : " (" + providerArn + ")")
                        + ", out of reach of an import: put it in the"
                        + " environment variable " + variable + " where the gateway runs (or name a file with --target."
                        + target
                        + ".api-key-file); it is read once at start and never logged. apigw-mcp sends it to the"
                        + " methods the export marks as needing a key; AgentCore sent it on every call");
    }

    private void oauth(String at, JsonObject provider, List<GatewaySetting> settings) {
        JsonObject oauth = provider == null ? null : provider.object("oauthCredentialProvider", false);
        String grant = "CLIENT_CREDENTIALS";
        String providerArn = null;
        if (oauth != null) {
            providerArn = oauth.string("providerArn", false);
            String given = oauth.string("grantType", false);
            grant = given != null ? given : grant;
            List<String> scopes = oauth.strings("scopes", false);
            if (grant.equals("CLIENT_CREDENTIALS") && scopes != null && !scopes.isEmpty()) {
                settings.add(setting(
                        "oauth2.scopes", String.join(" ", scopes), "OAUTH: the scopes AgentCore" + " asked for"));
            }
            if (oauth.has("customParameters")) {
                findings.note(
                        oauth.pointer("customParameters"),
                        "custom token request parameters have no"
                                + " equivalent: apigw-mcp sends a standard client-credentials request");
            }
            oauth.ignore("customParameters");
            oauth.unread("has no equivalent in apigw-mcp and is not imported");
        }
        if (!grant.equals("CLIENT_CREDENTIALS")) {
            findings.note(
                    at,
                    "OAUTH with grant " + grant + " has no equivalent: apigw-mcp gets tokens with the"
                            + " client-credentials grant (--target." + target
                            + ".oauth2.*), or passes each caller's own"
                            + " token on (--target." + target + ".bearer.source caller, with inbound authorization)");
            return;
        }
        findings.note(
                at,
                "OAUTH: the client stays in AgentCore Identity" + (providerArn == null ? "" : " (" + providerArn + ")")
                        + ": set --target." + target + ".oauth2.token-url, oauth2.client-id and"
                        + " oauth2.client-secret-env (or -file) to that client's values; apigw-mcp sends the token to the"
                        + " methods the export puts behind a Cognito or Lambda authorizer or an OAuth2 scheme");
    }

    private GatewaySetting setting(String key, String value, String comment) {
        return new GatewaySetting("target." + target + "." + key, value, comment);
    }
}
