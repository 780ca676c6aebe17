package dev.apigwmcp.runtime.auth;

import dev.apigwmcp.runtime.config.Setting;
import java.util.List;

/** The settings of outbound authentication (declared here so that {@code --help} can list them). */
public final class AuthSettings {

    public static final Setting API_KEY_ENV = Setting.of(
            "target.<target>.api-key-env",
            null,
            "Name of the environment variable holding the target's API key (read once at start)");
    public static final Setting API_KEY_FILE = Setting.of(
            "target.<target>.api-key-file",
            null,
            "File holding the target's API key (read once at start; surrounding whitespace ignored)");
    public static final Setting API_KEY_IN = Setting.of(
            "target.<target>.api-key-in",
            null,
            "Where the API key goes: header or query; default: the export's scheme, else header");
    public static final Setting API_KEY_NAME = Setting.of(
            "target.<target>.api-key-name",
            null,
            "Header or query parameter name of the API key; default: the export's, else x-api-key");
    public static final Setting API_KEY_PREFIX = Setting.of(
            "target.<target>.api-key-prefix",
            "",
            "Text placed before the API key value (for example 'ApiKey '); API Gateway needs none");
    public static final Setting BASIC_USERNAME_ENV = Setting.of(
            "target.<target>.basic-username-env",
            null,
            "Name of the environment variable holding the user name for the target's HTTP basic methods (read once"
                    + " at start)");
    public static final Setting BASIC_USERNAME_FILE = Setting.of(
            "target.<target>.basic-username-file",
            null,
            "File holding the user name for HTTP basic (read once at start; surrounding whitespace ignored)");
    public static final Setting BASIC_PASSWORD_ENV = Setting.of(
            "target.<target>.basic-password-env",
            null,
            "Name of the environment variable holding the password for the target's HTTP basic methods (read once"
                    + " at start; with neither this nor basic-password-file, the password is empty)");
    public static final Setting BASIC_PASSWORD_FILE = Setting.of(
            "target.<target>.basic-password-file",
            null,
            "File holding the password for HTTP basic (read once at start; surrounding whitespace ignored)");
    public static final Setting AWS_REGION = Setting.of(
            "target.<target>.aws-region",
            null,
            "AWS Region for SigV4 signing; default: the Region of the export's execute-api URL, else aws.region");
    public static final Setting AWS_DEFAULT_REGION = Setting.of(
            "aws.region",
            null,
            "AWS Region for SigV4 signing when neither the target setting nor the export gives one");
    public static final Setting AWS_PROFILE = Setting.of(
            "aws.profile",
            null,
            "Named AWS profile (config and credentials files, SSO, roles) that signs SigV4 calls, used alone as the AWS"
                    + " CLI's --profile (keys in the environment do not override it); default: the AWS default"
                    + " credentials chain");
    public static final Setting BEARER_SOURCE = Setting.of(
            "target.<target>.bearer.source",
            "client-credentials",
            "Where the token of the target's Cognito / Lambda authorizer methods comes from: client-credentials "
                    + "(the oauth2.* settings) or caller (the MCP request's verified token, passed on; needs inbound "
                    + "authorization)");
    public static final Setting OAUTH2_TOKEN_URL = Setting.of(
            "target.<target>.oauth2.token-url",
            null,
            "OAuth2 token endpoint for the client-credentials flow (https, or http on a loopback address)");
    public static final Setting OAUTH2_CLIENT_ID =
            Setting.of("target.<target>.oauth2.client-id", null, "OAuth2 client id");
    public static final Setting OAUTH2_CLIENT_SECRET_ENV = Setting.of(
            "target.<target>.oauth2.client-secret-env",
            null,
            "Name of the environment variable holding the OAuth2 client secret");
    public static final Setting OAUTH2_CLIENT_SECRET_FILE =
            Setting.of("target.<target>.oauth2.client-secret-file", null, "File holding the OAuth2 client secret");
    public static final Setting OAUTH2_SCOPES = Setting.of(
            "target.<target>.oauth2.scopes",
            null,
            "Space-separated OAuth2 scopes to request; default: none (the server's default scopes)");

    private AuthSettings() {}

    /** Every setting of this component. */
    public static List<Setting> declared() {
        return List.of(
                API_KEY_ENV,
                API_KEY_FILE,
                API_KEY_IN,
                API_KEY_NAME,
                API_KEY_PREFIX,
                BASIC_USERNAME_ENV,
                BASIC_USERNAME_FILE,
                BASIC_PASSWORD_ENV,
                BASIC_PASSWORD_FILE,
                AWS_REGION,
                AWS_DEFAULT_REGION,
                AWS_PROFILE,
                BEARER_SOURCE,
                OAUTH2_TOKEN_URL,
                OAUTH2_CLIENT_ID,
                OAUTH2_CLIENT_SECRET_ENV,
                OAUTH2_CLIENT_SECRET_FILE,
                OAUTH2_SCOPES);
    }
}
