package dev.apigwmcp.runtime.inbound;

import com.nimbusds.jose.util.DefaultResourceRetriever;
import dev.apigwmcp.runtime.config.Setting;
import dev.apigwmcp.runtime.config.Settings;
import dev.apigwmcp.runtime.config.SettingsException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Inbound authorization as the settings ask for it, checked before anything starts: every contradiction or
 * malformed value is one line and exit status 2. Reading the issuer (discovery document and keys) happens in
 * {@link #gate}, when the HTTP transport is about to serve.
 *
 * @param discoveryUrl the issuer's OpenID Connect discovery document, or {@code null}: no inbound authorization
 * @param audiences    allowed {@code aud} values (empty: not checked)
 * @param clients      allowed {@code client_id}/{@code azp} values (empty: not checked)
 * @param scopes       which scopes a token needs and which tools they allow
 * @param clockSkew    tolerance for {@code exp} and {@code nbf}
 * @param resource     the public URL of the MCP endpoint, or {@code null} (derived from each request)
 * @param exposed      HTTP on a non-loopback interface without authorization, as {@code inbound.none} allows
 */
public record InboundConfig(
        URI discoveryUrl,
        Set<String> audiences,
        Set<String> clients,
        ScopePolicy scopes,
        Duration clockSkew,
        URI resource,
        boolean exposed) {

    /** No inbound authorization: stdio, or HTTP on loopback. */
    public static final InboundConfig NONE =
            new InboundConfig(null, Set.of(), Set.of(), ScopePolicy.NONE, Duration.ZERO, null, false);

    private static final Duration DISCOVERY_TIMEOUT = Duration.ofSeconds(5);
    private static final int DOCUMENT_LIMIT = 512 * 1024;

    public InboundConfig {
        audiences = Set.copyOf(audiences);
        clients = Set.copyOf(clients);
    }

    /** Whether HTTP requests need a verified token. */
    public boolean enabled() {
        return discoveryUrl != null;
    }

    /** Whether callers' scopes choose the tools they see. */
    public boolean listsVaryByCaller() {
        return scopes.variesByCaller();
    }

    /** The host of the configured public URL: clients address the gateway by it, so it is an allowed Host. */
    public Optional<String> publicHost() {
        return resource == null
                ? Optional.empty()
                : Optional.of(resource.getHost().toLowerCase(Locale.ROOT));
    }

    /**
     * Reads and checks the settings.
     *
     * @param transport {@code stdio} or {@code http}
     * @param bindHost  the HTTP interface ({@code --host}), or {@code null} on stdio
     */
    public static InboundConfig read(Settings settings, String transport, String bindHost) {
        List<String> problems = new ArrayList<>();
        boolean http = "http".equals(transport);
        URI discovery = url(settings, InboundSettings.DISCOVERY_URL, problems);
        if (discovery != null && !Loopback.secureOrLocal(discovery)) {
            problems.add(option(InboundSettings.DISCOVERY_URL) + " must be an https URL (plain http only on a"
                    + " loopback address), got \"" + discovery + "\"");
        }
        boolean none = bool(settings, InboundSettings.NONE, problems);
        Set<String> audiences = list(settings, InboundSettings.ALLOWED_AUDIENCES);
        Set<String> clients = list(settings, InboundSettings.ALLOWED_CLIENTS);
        List<String> required = scopeList(settings, InboundSettings.REQUIRED_SCOPES, problems);
        String readOnly = scope(settings, InboundSettings.SCOPE_READ_ONLY, problems);
        String write = scope(settings, InboundSettings.SCOPE_WRITE, problems);
        long skew = integer(settings, InboundSettings.CLOCK_SKEW_SECONDS, 0, 300, problems);
        URI resource = url(settings, InboundSettings.RESOURCE, problems);
        if (resource != null && (resource.getRawQuery() != null || resource.getRawFragment() != null)) {
            problems.add(
                    option(InboundSettings.RESOURCE) + " must have no query and no fragment, got \"" + resource + "\"");
        }
        boolean exposed = false;
        if (discovery != null) {
            if (audiences.isEmpty() && clients.isEmpty()) {
                problems.add(option(InboundSettings.DISCOVERY_URL) + " needs "
                        + option(InboundSettings.ALLOWED_AUDIENCES)
                        + " or " + option(InboundSettings.ALLOWED_CLIENTS) + " (or both): a token of the issuer meant"
                        + " for another application must not pass");
            }
            if (none) {
                problems.add(option(InboundSettings.NONE) + " true contradicts " + option(InboundSettings.DISCOVERY_URL)
                        + "; set one of them");
            }
            if (!http) {
                problems.add(option(InboundSettings.DISCOVERY_URL) + " authorizes HTTP requests; it needs --transport"
                        + " http (stdio has no inbound requests to authorize)");
            }
        } else {
            problems.addAll(withoutIssuer(settings));
            if (http && bindHost != null && !Loopback.bindAddress(bindHost)) {
                if (none) {
                    exposed = true;
                } else {
                    problems.add("--host " + bindHost + " exposes every tool to anyone who can reach the port: require"
                            + " tokens with " + option(InboundSettings.DISCOVERY_URL) + " (and "
                            + option(InboundSettings.ALLOWED_AUDIENCES) + " or "
                            + option(InboundSettings.ALLOWED_CLIENTS)
                            + "), or serve without authorization on purpose with " + option(InboundSettings.NONE)
                            + " true");
                }
            }
            problems.addAll(callerTargetsWithoutAuthorization(settings));
        }
        if (readOnly != null && write == null) {
            problems.add(option(InboundSettings.SCOPE_READ_ONLY) + " needs " + option(InboundSettings.SCOPE_WRITE)
                    + ": otherwise no token could call the tools that change data");
        }
        if (!problems.isEmpty()) {
            throw new SettingsException(problems);
        }
        if (discovery == null) {
            return new InboundConfig(null, Set.of(), Set.of(), ScopePolicy.NONE, Duration.ZERO, null, exposed);
        }
        return new InboundConfig(
                discovery,
                audiences,
                clients,
                new ScopePolicy(required, readOnly, write),
                Duration.ofSeconds(skew),
                resource,
                false);
    }

    /** The settings that mean something only with an issuer, each set one a problem when there is none. */
    private static List<String> withoutIssuer(Settings settings) {
        List<String> problems = new ArrayList<>();
        for (Setting needsIssuer : List.of(
                InboundSettings.ALLOWED_AUDIENCES,
                InboundSettings.ALLOWED_CLIENTS,
                InboundSettings.REQUIRED_SCOPES,
                InboundSettings.SCOPE_READ_ONLY,
                InboundSettings.SCOPE_WRITE,
                InboundSettings.RESOURCE)) {
            if (settings.raw(needsIssuer.name()).filter(v -> !v.isBlank()).isPresent()) {
                problems.add(option(needsIssuer) + " has no effect without " + option(InboundSettings.DISCOVERY_URL));
            }
        }
        if (settings.raw(InboundSettings.CLOCK_SKEW_SECONDS.name()).isPresent()) {
            problems.add(option(InboundSettings.CLOCK_SKEW_SECONDS) + " has no effect without "
                    + option(InboundSettings.DISCOVERY_URL));
        }
        return problems;
    }

    /**
     * The handler in front of the MCP endpoint: health, and with authorization the protected resource metadata and
     * the token check. Reads the issuer's discovery document and keys now; either unreadable stops the start
     * (a {@link dev.apigwmcp.runtime.execution.StartupException}, exit status 3).
     */
    public InboundGate gate(String mcpPath, Readiness readiness) {
        return new InboundGate(mcpPath, check(mcpPath), readiness);
    }

    /**
     * The transport-neutral check of each request, for an endpoint served at {@code mcpPath}. Reads the issuer's
     * discovery document and keys now, as {@link #gate} does.
     */
    public InboundCheck check(String mcpPath) {
        if (!enabled()) {
            return new InboundCheck(null, null);
        }
        int timeout = (int) DISCOVERY_TIMEOUT.toMillis();
        DefaultResourceRetriever retriever = new DefaultResourceRetriever(timeout, timeout, DOCUMENT_LIMIT);
        IssuerMetadata issuer = OidcDiscovery.read(discoveryUrl, retriever);
        JwtVerifier verifier = JwtVerifier.start(
                issuer,
                new JwtVerifier.Rules(issuer.issuer(), audiences, clients, clockSkew),
                retriever,
                Clock.systemUTC());
        return new InboundCheck(
                new Authorizer(verifier, scopes),
                new ProtectedResource(resource, mcpPath, issuer.issuer(), scopes.supported()));
    }

    /**
     * Targets set to send the caller's token upstream ({@code target.<t>.bearer.source caller}) need a verified
     * caller, so without inbound authorization each is a wrong setting. Read from the raw names, so that the
     * option, variable and file spellings are all found.
     */
    private static List<String> callerTargetsWithoutAuthorization(Settings settings) {
        Map<String, String> callers = new TreeMap<>();
        settings.values().forEach((name, value) -> {
            if (name.startsWith("target.")
                    && name.endsWith(".bearer.source")
                    && "caller".equals(value.trim().toLowerCase(Locale.ROOT))) {
                callers.put(name, name.substring("target.".length(), name.length() - ".bearer.source".length()));
            }
        });
        List<String> problems = new ArrayList<>();
        callers.forEach((name, target) -> problems.add("target '" + target + "': --" + name + " caller sends the"
                + " caller's verified token upstream, so it needs inbound authorization (--transport http with "
                + option(InboundSettings.DISCOVERY_URL) + ")"));
        return problems;
    }

    private static String option(Setting setting) {
        return "--" + setting.name() + " (" + setting.environmentVariable() + ")";
    }

    private static URI url(Settings settings, Setting setting, List<String> problems) {
        String raw = settings.get(setting)
                .map(String::trim)
                .filter(v -> !v.isEmpty())
                .orElse(null);
        if (raw == null) {
            return null;
        }
        try {
            URI url = URI.create(raw);
            if (url.isAbsolute()
                    && url.getHost() != null
                    && ("https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme()))) {
                return url;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        problems.add(option(setting) + " must be an absolute http or https URL, got \"" + raw + "\"");
        return null;
    }

    private static boolean bool(Settings settings, Setting setting, List<String> problems) {
        String raw = settings.get(setting).orElse("false").trim();
        if (!raw.equals("true") && !raw.equals("false")) {
            problems.add(option(setting) + " must be true or false, got \"" + raw + "\"");
            return false;
        }
        return raw.equals("true");
    }

    private static long integer(Settings settings, Setting setting, long min, long max, List<String> problems) {
        String raw = settings.get(setting).orElse(setting.defaultValue()).trim();
        try {
            long value = Long.parseLong(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(option(setting) + " must be a whole number from " + min + " to " + max + ", got \"" + raw + "\"");
        return Long.parseLong(setting.defaultValue());
    }

    private static Set<String> list(Settings settings, Setting setting) {
        return new LinkedHashSet<>(
                Arrays.stream(settings.get(setting).orElse("").split(","))
                        .map(String::trim)
                        .filter(v -> !v.isEmpty())
                        .toList());
    }

    private static List<String> scopeList(Settings settings, Setting setting, List<String> problems) {
        List<String> scopes = new ArrayList<>();
        for (String each : settings.get(setting).orElse("").split("[\\s,]+")) {
            if (!each.isEmpty() && checkScope(setting, each, problems)) {
                scopes.add(each);
            }
        }
        return scopes;
    }

    private static String scope(Settings settings, Setting setting, List<String> problems) {
        String raw = settings.get(setting)
                .map(String::trim)
                .filter(v -> !v.isEmpty())
                .orElse(null);
        return raw != null && checkScope(setting, raw, problems) ? raw : null;
    }

    /** RFC 6749's scope-token: printable ASCII but space, {@code "} and {@code \}. */
    private static boolean checkScope(Setting setting, String scope, List<String> problems) {
        for (int i = 0; i < scope.length(); i++) {
            char c = scope.charAt(i);
            if (c <= 0x20 || c >= 0x7F || c == '"' || c == '\\') {
                problems.add(option(setting) + ": \"" + scope + "\" is not one scope (printable ASCII without"
                        + " spaces, quotes or backslashes)");
                return false;
            }
        }
        return true;
    }
}
