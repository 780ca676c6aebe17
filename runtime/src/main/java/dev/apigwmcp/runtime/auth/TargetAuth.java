package dev.apigwmcp.runtime.auth;

import dev.apigwmcp.runtime.config.Setting;
import dev.apigwmcp.runtime.config.Settings;
import dev.apigwmcp.runtime.config.StartupProblems;
import dev.apigwmcp.runtime.tools.Caller;
import dev.apigwmcp.runtime.upstream.UpstreamRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

/**
 * The credentials of one target, set up once at start from settings: an authenticator per kind its tools need.
 * A missing API key, token endpoint or Region is a start-up problem, not a surprise at the first call.
 */
public final class TargetAuth {

    private static final Logger LOG = LoggerFactory.getLogger(TargetAuth.class);
    /** The OAuth2 client-credentials settings, which the caller's token replaces. */
    private static final List<Setting> CLIENT_CREDENTIALS = List.of(
            AuthSettings.OAUTH2_TOKEN_URL,
            AuthSettings.OAUTH2_CLIENT_ID,
            AuthSettings.OAUTH2_CLIENT_SECRET_ENV,
            AuthSettings.OAUTH2_CLIENT_SECRET_FILE,
            AuthSettings.OAUTH2_SCOPES);

    /** Credentials are applied in this order; SigV4 last because it signs what the others added. */
    private static final List<AuthKind> ORDER =
            List.of(AuthKind.API_KEY, AuthKind.BEARER, AuthKind.BASIC, AuthKind.SIGV4);

    private final Map<AuthKind, RequestAuthenticator> authenticators;
    private final Set<String> reservedHeaders;
    private final Set<String> reservedQuery;
    private final AwsCredentialsSource awsCredentials;

    private TargetAuth(
            Map<AuthKind, RequestAuthenticator> authenticators,
            Set<String> reservedHeaders,
            Set<String> reservedQuery,
            AwsCredentialsSource awsCredentials) {
        this.authenticators = authenticators;
        this.reservedHeaders = Set.copyOf(reservedHeaders);
        this.reservedQuery = Set.copyOf(reservedQuery);
        this.awsCredentials = awsCredentials;
    }

    /** Everything needed to set up one target's credentials. */
    public record Request(
            String target,
            Set<AuthKind> needed,
            ApiKeyPlacement exportApiKey,
            String exportRegion,
            Settings settings,
            AuthEnvironment environment,
            Supplier<HttpClient> http,
            ObjectMapper json,
            Duration tokenTimeout) {}

    /**
     * Sets up the authenticators; each problem (a missing or unreadable setting) is added to {@code problems} and
     * the result is then unusable.
     */
    public static TargetAuth create(Request request, StartupProblems problems) {
        Map<AuthKind, RequestAuthenticator> authenticators = new EnumMap<>(AuthKind.class);
        Set<String> headers = new TreeSet<>();
        Set<String> query = new TreeSet<>();
        ApiKeyPlacement placement = apiKeyPlacement(request, problems);
        // The key's name is reserved even for tools without API_KEY, so no argument can pose as a key.
        if (placement != null) {
            (placement.in() == CredentialLocation.HEADER ? headers : query)
                    .add(placement.name().toLowerCase(Locale.ROOT));
        }
        if (request.needed().contains(AuthKind.API_KEY) && placement != null) {
            String key = secrets(request)
                    .headerValue(AuthSettings.API_KEY_ENV, AuthSettings.API_KEY_FILE, "an API key", problems);
            if (key != null) {
                authenticators.put(AuthKind.API_KEY, new ApiKeyAuthenticator(placement, key));
            }
        }
        if (request.needed().contains(AuthKind.BASIC)) {
            RequestAuthenticator basic = basic(request, problems);
            if (basic != null) {
                authenticators.put(AuthKind.BASIC, basic);
            }
        }
        boolean fromCaller = callerTokens(request, problems);
        if (request.needed().contains(AuthKind.BEARER) && fromCaller) {
            authenticators.put(AuthKind.BEARER, new CallerTokenAuthenticator());
        } else if (request.needed().contains(AuthKind.BEARER)) {
            RequestAuthenticator bearer = bearer(request, problems);
            if (bearer != null) {
                authenticators.put(AuthKind.BEARER, bearer);
            }
        }
        AwsCredentialsSource awsCredentials = null;
        if (request.needed().contains(AuthKind.SIGV4)) {
            String profile = request.settings()
                    .get(AuthSettings.AWS_PROFILE)
                    .filter(s -> !s.isBlank())
                    .orElse(null);
            // Only here are AWS SDK classes loaded: a gateway without SigV4 tools never pays for them.
            awsCredentials = request.environment().awsCredentials().apply(profile);
            String region = setting(request, AuthSettings.AWS_REGION);
            if (region == null) {
                region = request.exportRegion();
            }
            if (region == null) {
                region = request.settings()
                        .get(AuthSettings.AWS_DEFAULT_REGION)
                        .filter(s -> !s.isBlank())
                        .orElse(null);
            }
            if (region == null) {
                problems.unavailable(
                        "target '" + request.target() + "': tools need SigV4 but no AWS Region is known; set "
                                + name(AuthSettings.AWS_REGION, request.target()) + " or "
                                + AuthSettings.AWS_DEFAULT_REGION.name());
            } else if (awsCredentials != null) {
                authenticators.put(AuthKind.SIGV4, new SigV4Authenticator(region.trim(), awsCredentials));
            }
        }
        return new TargetAuth(authenticators, headers, query, awsCredentials);
    }

    /**
     * Whether the target's bearer methods get the caller's token ({@code bearer.source caller}) rather than a
     * client-credentials one. With {@code caller}, an {@code oauth2.*} setting of the target would be silently
     * unused, so it is a wrong setting; {@code caller} on a target without bearer methods changes nothing and is
     * said so.
     */
    private static boolean callerTokens(Request request, StartupProblems problems) {
        String source = request.settings()
                .forTarget(AuthSettings.BEARER_SOURCE, request.target())
                .orElse("client-credentials")
                .trim()
                .toLowerCase(Locale.ROOT);
        String setting = name(AuthSettings.BEARER_SOURCE, request.target());
        if (source.equals("client-credentials")) {
            return false;
        }
        if (!source.equals("caller")) {
            problems.badSetting("setting " + setting + ": '" + source + "' is not 'client-credentials' or 'caller'");
            return false;
        }
        for (Setting unused : CLIENT_CREDENTIALS) {
            if (setting(request, unused) != null) {
                problems.badSetting("setting " + name(unused, request.target()) + " is for client-credentials tokens,"
                        + " but " + setting + " is caller; remove one of them");
            }
        }
        if (!request.needed().contains(AuthKind.BEARER)) {
            LOG.warn(
                    "{} is caller, but no tool of target '{}' sends a bearer token; it has no effect",
                    setting,
                    request.target());
        }
        return true;
    }

    private static ApiKeyPlacement apiKeyPlacement(Request request, StartupProblems problems) {
        ApiKeyPlacement base = request.exportApiKey() == null ? ApiKeyPlacement.API_GATEWAY : request.exportApiKey();
        String in = setting(request, AuthSettings.API_KEY_IN);
        CredentialLocation location = base.in();
        if (in != null) {
            switch (in.trim().toLowerCase(Locale.ROOT)) {
                case "header" -> location = CredentialLocation.HEADER;
                case "query" -> location = CredentialLocation.QUERY;
                default -> {
                    problems.badSetting("setting " + name(AuthSettings.API_KEY_IN, request.target()) + ": '" + in
                            + "' is not 'header' or 'query'");
                    return null;
                }
            }
        }
        String keyName = setting(request, AuthSettings.API_KEY_NAME);
        keyName = keyName == null ? base.name() : keyName.trim();
        for (int i = 0; i < keyName.length(); i++) {
            char c = keyName.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 0x80) && "!#$%&'*+-.^_`|~".indexOf(c) < 0) {
                problems.badSetting("setting " + name(AuthSettings.API_KEY_NAME, request.target()) + ": '" + keyName
                        + "' is not a valid header or parameter name");
                return null;
            }
        }
        String prefix = request.settings()
                .forTarget(AuthSettings.API_KEY_PREFIX, request.target())
                .orElse("");
        return new ApiKeyPlacement(location, keyName, prefix);
    }

    private static RequestAuthenticator bearer(Request request, StartupProblems problems) {
        String target = request.target();
        String url = setting(request, AuthSettings.OAUTH2_TOKEN_URL);
        String clientId = setting(request, AuthSettings.OAUTH2_CLIENT_ID);
        List<String> missing = new ArrayList<>();
        if (url == null) {
            missing.add(name(AuthSettings.OAUTH2_TOKEN_URL, target));
        }
        if (clientId == null) {
            missing.add(name(AuthSettings.OAUTH2_CLIENT_ID, target));
        }
        if (!missing.isEmpty()) {
            problems.unavailable("target '" + target + "': tools need an OAuth2 bearer token; set "
                    + String.join(" and ", missing) + " (and the client secret: "
                    + name(AuthSettings.OAUTH2_CLIENT_SECRET_ENV, target) + " or "
                    + name(AuthSettings.OAUTH2_CLIENT_SECRET_FILE, target) + ")");
            return null;
        }
        URI tokenUrl;
        try {
            tokenUrl = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            problems.badSetting(
                    "setting " + name(AuthSettings.OAUTH2_TOKEN_URL, target) + ": '" + url + "' is not a valid URL");
            return null;
        }
        if (!"https".equals(tokenUrl.getScheme()) && !("http".equals(tokenUrl.getScheme()) && isLoopback(tokenUrl))) {
            problems.badSetting("setting " + name(AuthSettings.OAUTH2_TOKEN_URL, target) + ": '" + url
                    + "' must be an https URL (plain http only on a loopback address), the secret travels in it");
            return null;
        }
        String secret = secrets(request)
                .headerValue(
                        AuthSettings.OAUTH2_CLIENT_SECRET_ENV,
                        AuthSettings.OAUTH2_CLIENT_SECRET_FILE,
                        "an OAuth2 client secret",
                        problems);
        if (secret == null) {
            return null;
        }
        return new BearerAuthenticator(new ClientCredentialsTokenSource(
                tokenUrl,
                clientId.trim(),
                secret,
                setting(request, AuthSettings.OAUTH2_SCOPES),
                request.http(),
                request.json(),
                request.environment().clock(),
                request.tokenTimeout()));
    }

    /**
     * HTTP basic: the user name and the password, each from its variable or file. Both are checked before either is
     * used, so one start names every problem; no message holds a value.
     */
    private static RequestAuthenticator basic(Request request, StartupProblems problems) {
        SecretReader secrets = secrets(request);
        SecretReader.Secret user = secrets.read(
                AuthSettings.BASIC_USERNAME_ENV, AuthSettings.BASIC_USERNAME_FILE, "an HTTP basic user name", problems);
        // No password setting at all means the empty password (RFC 7617 allows it: APIs that take a key as the user
        // name, such as Stripe's); a password setting that is named must hold one, as any other secret.
        boolean noPassword = setting(request, AuthSettings.BASIC_PASSWORD_ENV) == null
                && setting(request, AuthSettings.BASIC_PASSWORD_FILE) == null;
        SecretReader.Secret password = noPassword
                ? new SecretReader.Secret("", "the empty password")
                : secrets.read(
                        AuthSettings.BASIC_PASSWORD_ENV,
                        AuthSettings.BASIC_PASSWORD_FILE,
                        "an HTTP basic password",
                        problems);
        if (noPassword) {
            LOG.warn(
                    "target '{}': HTTP basic with an empty password (neither {} nor {} is set)",
                    request.target(),
                    name(AuthSettings.BASIC_PASSWORD_ENV, request.target()),
                    name(AuthSettings.BASIC_PASSWORD_FILE, request.target()));
        }
        String userProblem = user == null ? null : BasicAuthenticator.userIdProblem(user.value());
        String passwordProblem = password == null ? null : BasicAuthenticator.textProblem(password.value());
        if (userProblem != null) {
            problems.unavailable("target '" + request.target() + "': " + user.source() + " " + userProblem);
        }
        if (passwordProblem != null) {
            problems.unavailable("target '" + request.target() + "': " + password.source() + " " + passwordProblem);
        }
        if (user == null || password == null || userProblem != null || passwordProblem != null) {
            return null;
        }
        return new BasicAuthenticator(user.value(), password.value());
    }

    private static boolean isLoopback(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            // Only literal addresses: no DNS lookup at start.
            return host.matches("[0-9.]+|\\[[0-9a-fA-F:]+\\]")
                    && InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    private static SecretReader secrets(Request request) {
        return new SecretReader(
                request.target(), request.settings(), request.environment().environment());
    }

    private static String setting(Request request, Setting setting) {
        return request.settings()
                .forTarget(setting, request.target())
                .filter(s -> !s.isBlank())
                .orElse(null);
    }

    private static String name(Setting setting, String target) {
        return setting.name().replace("<target>", target);
    }

    /**
     * Applies the credentials a tool needs to a request, in the fixed order (SigV4 last, so it signs the rest).
     * The caller's token is used only by a bearer method of a target set to pass it on.
     */
    public UpstreamRequest authenticate(UpstreamRequest request, ToolAuth tool, Caller caller) {
        UpstreamRequest current = request;
        for (AuthKind kind : ORDER) {
            if (tool.needs(kind)) {
                RequestAuthenticator authenticator = authenticators.get(kind);
                if (authenticator == null) {
                    throw new AuthException("No " + kind + " credentials are configured for this target.");
                }
                current = authenticator.authenticate(current, tool, caller);
            }
        }
        return current;
    }

    /**
     * The AWS credentials this target signs with, when its tools need SigV4; the loader resolves each source once
     * at start, so missing credentials stop the start instead of failing every call.
     */
    public Optional<AwsCredentialsSource> awsCredentials() {
        return Optional.ofNullable(awsCredentials);
    }

    /** Lower-case header names arguments may not set (the API key header). */
    public Set<String> reservedHeaders() {
        return reservedHeaders;
    }

    /** Lower-case query names arguments may not set (an API key sent in the query). */
    public Set<String> reservedQuery() {
        return reservedQuery;
    }
}
