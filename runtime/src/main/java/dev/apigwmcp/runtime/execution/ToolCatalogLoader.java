package dev.apigwmcp.runtime.execution;

import dev.apigwmcp.runtime.auth.AuthEnvironment;
import dev.apigwmcp.runtime.auth.AuthException;
import dev.apigwmcp.runtime.auth.AuthKind;
import dev.apigwmcp.runtime.auth.AwsCredentialsSource;
import dev.apigwmcp.runtime.auth.CredentialLocation;
import dev.apigwmcp.runtime.auth.TargetAuth;
import dev.apigwmcp.runtime.auth.TokenPlacement;
import dev.apigwmcp.runtime.auth.ToolAuth;
import dev.apigwmcp.runtime.config.FailureReason;
import dev.apigwmcp.runtime.config.Setting;
import dev.apigwmcp.runtime.config.Settings;
import dev.apigwmcp.runtime.config.StartupProblems;
import dev.apigwmcp.runtime.spi.ToolRegistry;
import dev.apigwmcp.runtime.tools.Caller;
import dev.apigwmcp.runtime.tools.ToolListing;
import dev.apigwmcp.runtime.upstream.HttpSyntax;
import dev.apigwmcp.runtime.upstream.PathTemplate;
import dev.apigwmcp.runtime.upstream.RequestTarget;
import dev.apigwmcp.runtime.upstream.ResponseShape;
import dev.apigwmcp.runtime.upstream.SafeRequestBuilder;
import dev.apigwmcp.runtime.upstream.UpstreamSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Finds every target's generated tools and resources and checks that they fit together: each tool in
 * {@code tools.json} has generated code and a binding, tool names are unique across targets, base URLs and
 * credentials are configured. All problems are reported together in one {@link StartupException}.
 */
final class ToolCatalogLoader {

    private static final Logger LOG = LoggerFactory.getLogger(ToolCatalogLoader.class);
    /** A URL with a scheme and an authority; anything else in {@code server.url} is a path on the base URL. */
    /** Where an argument's value travels as text, so a number or boolean may stand for a string. */
    private static final Set<String> PARAMETER_LOCATIONS = Set.of("path", "query", "header", "cookie");

    private static final Pattern ABSOLUTE_URL = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://");

    private final Settings settings;
    private final AuthEnvironment environment;
    private final Supplier<HttpClient> http;
    private final ObjectMapper json;
    private final StartupProblems problems = new StartupProblems();

    ToolCatalogLoader(Settings settings, AuthEnvironment environment, Supplier<HttpClient> http, ObjectMapper json) {
        this.settings = settings;
        this.environment = environment;
        this.http = http;
        this.json = json;
    }

    /** The tools of all registries by name, sorted; throws {@link StartupException} listing every problem. */
    Map<String, LoadedTool> load(List<ToolRegistry> registries) {
        Duration defaultTimeout = Duration.ofMillis(positive(UpstreamSettings.TIMEOUT_MS));
        Map<String, LoadedTool> tools = new TreeMap<>();
        Map<String, String> targetOfTool = new HashMap<>();
        Map<String, TargetAuth> auths = new LinkedHashMap<>();
        for (ToolRegistry registry : distinctTargets(registries)) {
            String target = registry.targetName();
            for (LoadedTool tool : loadTarget(registry, defaultTimeout, auths)) {
                if (unique(tool.code().name(), target, targetOfTool)) {
                    tools.put(tool.code().name(), tool);
                }
            }
        }
        checkAwsCredentials(auths);
        if (!problems.isEmpty()) {
            throw new StartupException(problems);
        }
        return tools;
    }

    /**
     * The catalog alone: every target's {@code tools.json} entries, sorted by name. Bindings, settings and
     * credentials are not read, so listing the tools needs none of them.
     */
    List<ToolListing> listings(List<ToolRegistry> registries) {
        Map<String, ToolListing> listings = new TreeMap<>();
        Map<String, String> targetOfTool = new HashMap<>();
        for (ToolRegistry registry : distinctTargets(registries)) {
            String target = registry.targetName();
            Map<String, ToolListing> definitions = readDefinitions(
                    registry.getClass().getClassLoader(), registry.resourceFolder() + "tools.json", target);
            if (definitions != null) {
                definitions.forEach((name, listing) -> {
                    if (unique(name, target, targetOfTool)) {
                        listings.put(name, listing);
                    }
                });
            }
        }
        if (!problems.isEmpty()) {
            throw new StartupException(problems);
        }
        return List.copyOf(listings.values());
    }

    /** The registries, each target once (a second registry for a target is a problem); none at all is one too. */
    private List<ToolRegistry> distinctTargets(List<ToolRegistry> registries) {
        Map<String, String> seenTargets = new HashMap<>();
        List<ToolRegistry> distinct = new ArrayList<>();
        for (ToolRegistry registry : registries) {
            String target = registry.targetName();
            String previous = seenTargets.put(target, registry.getClass().getName());
            if (previous != null) {
                problems.unavailable("target '" + target + "' is provided twice (" + previous + " and "
                        + registry.getClass().getName() + ")");
            } else {
                distinct.add(registry);
            }
        }
        if (registries.isEmpty()) {
            problems.unavailable("no generated tools found on the class path; add the jar the apigw-mcp Maven plugin"
                    + " generated for the target");
        }
        return distinct;
    }

    /** Records the tool's target; false (and a problem) when another target already has a tool of that name. */
    private boolean unique(String tool, String target, Map<String, String> targetOfTool) {
        String other = targetOfTool.putIfAbsent(tool, target);
        if (other != null) {
            problems.unavailable("tool '" + tool + "' is defined by both target '" + other + "' and target '" + target
                    + "'; give one target another tool prefix");
            return false;
        }
        return true;
    }

    /**
     * Resolves each AWS credentials source once (targets with the same profile share one), so that missing or
     * expired credentials stop the start with one line instead of failing every SigV4 call.
     */
    private void checkAwsCredentials(Map<String, TargetAuth> auths) {
        Map<AwsCredentialsSource, List<String>> targetsBySource = new IdentityHashMap<>();
        List<AwsCredentialsSource> order = new ArrayList<>();
        auths.forEach((target, auth) -> auth.awsCredentials().ifPresent(source -> {
            if (!targetsBySource.containsKey(source)) {
                order.add(source);
            }
            targetsBySource.computeIfAbsent(source, s -> new ArrayList<>()).add("'" + target + "'");
        }));
        for (AwsCredentialsSource source : order) {
            List<String> targets = targetsBySource.get(source);
            String who = (targets.size() == 1 ? "target " : "targets ") + String.join(", ", targets);
            try {
                source.resolve();
            } catch (AuthException e) {
                problems.unavailable(who + ": tools need SigV4 signing but " + e.getMessage());
            } catch (RuntimeException e) {
                problems.unavailable(who + ": tools need SigV4 signing but resolving AWS credentials failed ("
                        + FailureReason.describeWithoutMessage(e) + ")");
            }
        }
    }

    /** The registry's tools by name; two of one name are reported. */
    private Map<String, ToolCode> generatedCode(ToolRegistry registry) {
        Map<String, ToolCode> generated = new LinkedHashMap<>();
        for (String name : registry.toolNames()) {
            if (generated.put(name, new ToolCode(registry, name)) != null) {
                problems.unavailable(
                        "target '" + registry.targetName() + "': two generated tools are named '" + name + "'");
            }
        }
        return generated;
    }

    /** The bindings by tool name, the first of each; a tool bound twice is reported at its second binding. */
    private Map<String, ToolBinding> uniqueBindings(String target, String folder, TargetBindings bindings) {
        Map<String, ToolBinding> toolBindings = new LinkedHashMap<>();
        for (int i = 0; i < bindings.tools().size(); i++) {
            ToolBinding binding = bindings.tools().get(i);
            if (toolBindings.putIfAbsent(binding.name(), binding) != null) {
                problems.unavailable("target '" + target + "': " + folder + "bindings.json tools[" + i
                        + "] binds tool '" + binding.name() + "' twice");
            }
        }
        return toolBindings;
    }

    /** Every tool of tools.json has generated code and a binding, and every generated tool is in tools.json. */
    private void checkAgreement(
            ToolRegistry registry,
            Map<String, ToolListing> definitions,
            Map<String, ToolCode> generated,
            Map<String, ToolBinding> toolBindings) {
        String target = registry.targetName();
        for (String name : definitions.keySet()) {
            if (!generated.containsKey(name)) {
                problems.unavailable(
                        "target '" + target + "': tool '" + name + "' is in tools.json but has no generated " + "code ("
                                + registry.getClass().getName() + ".toolNames()); regenerate the target");
            }
            if (!toolBindings.containsKey(name)) {
                problems.unavailable("target '" + target + "': tool '" + name + "' is in tools.json but not in "
                        + "bindings.json; regenerate the target");
            }
        }
        for (String name : generated.keySet()) {
            if (!definitions.containsKey(name)) {
                problems.unavailable("target '" + target + "': generated tool '" + name + "' is not in tools.json");
            }
        }
    }

    private List<LoadedTool> loadTarget(ToolRegistry registry, Duration defaultTimeout, Map<String, TargetAuth> auths) {
        String target = registry.targetName();
        String folder = registry.resourceFolder();
        ClassLoader loader = registry.getClass().getClassLoader();
        Map<String, ToolListing> definitions = readDefinitions(loader, folder + "tools.json", target);
        JsonNode bindingsJson = readResource(loader, folder + "bindings.json", target);
        if (definitions == null || bindingsJson == null) {
            return List.of();
        }
        TargetBindings bindings;
        try {
            bindings = new BindingsReader(folder + "bindings.json").read(bindingsJson);
        } catch (IllegalArgumentException e) {
            problems.unavailable("target '" + target + "': " + e.getMessage());
            return List.of();
        }
        if (!bindings.target().equals(target)) {
            problems.unavailable(
                    "target '" + target + "': " + folder + "bindings.json is for target '" + bindings.target() + "'");
            return List.of();
        }
        Map<String, ToolCode> generated = generatedCode(registry);
        Map<String, ToolBinding> toolBindings = uniqueBindings(target, folder, bindings);
        checkAgreement(registry, definitions, generated, toolBindings);
        URI baseUri = baseUri(target, bindings);
        Set<AuthKind> needed = EnumSet.noneOf(AuthKind.class);
        bindings.tools().forEach(b -> needed.addAll(b.auth()));
        TargetAuth auth = TargetAuth.create(
                new TargetAuth.Request(
                        target,
                        needed,
                        bindings.apiKey(),
                        bindings.serverRegion(),
                        settings,
                        environment,
                        http,
                        json,
                        defaultTimeout),
                problems);
        auths.put(target, auth);
        List<String> forwarded = forwardHeaders(target, auth, bindings);
        List<LoadedTool> loaded = new ArrayList<>();
        for (int i = 0; i < bindings.tools().size(); i++) {
            ToolBinding binding = bindings.tools().get(i);
            ToolListing definition = definitions.get(binding.name());
            ToolCode tool = generated.get(binding.name());
            if (toolBindings.get(binding.name()) != binding) {
                continue; // a second binding of the tool, reported above: loading it would report a name clash
            }
            if (definition == null || tool == null) {
                if (definition == null) {
                    problems.unavailable("target '" + target + "': bindings.json tools[" + i + "] binds tool '"
                            + binding.name() + "', which is not in tools.json");
                }
                continue;
            }
            LoadedTool loadedTool = tool(
                    target,
                    tool,
                    definition,
                    binding,
                    "bindings.json tools[" + i + "]",
                    baseUri,
                    auth,
                    defaultTimeout,
                    forwarded);
            if (loadedTool != null) {
                loaded.add(loadedTool);
            }
        }
        return loaded;
    }

    private LoadedTool tool(
            String target,
            ToolCode tool,
            ToolListing definition,
            ToolBinding binding,
            String at,
            URI baseUri,
            TargetAuth auth,
            Duration defaultTimeout,
            List<String> forwarded) {
        String where = "target '" + target + "': " + at;
        ToolAuth toolAuth = toolAuth(where, binding, auth);
        if (toolAuth == null) {
            return null;
        }
        if (!binding.method().equals("ANY") && !SafeRequestBuilder.ALLOWED_METHODS.contains(binding.method())) {
            problems.unavailable(where + ".method: '" + binding.method() + "' is not a supported HTTP method");
            return null;
        }
        PathTemplate path;
        try {
            path = PathTemplate.parse(binding.path());
        } catch (IllegalArgumentException e) {
            problems.unavailable(where + ".path: " + e.getMessage());
            return null;
        }
        if (baseUri == null) {
            return null;
        }
        Map<String, String> pathArguments = new HashMap<>();
        Set<String> parameters = new HashSet<>();
        for (ArgumentBinding argument : binding.arguments()) {
            if ("path".equals(argument.in())) {
                pathArguments.put(
                        argument.parameter() == null ? argument.name() : argument.parameter(), argument.name());
            }
            if (PARAMETER_LOCATIONS.contains(argument.in())) {
                parameters.add(argument.name());
            }
        }
        Duration timeout = binding.timeoutMs() == null ? defaultTimeout : Duration.ofMillis(binding.timeoutMs());
        // The token's header or parameter is reserved like the API key's, so no argument can pose as it.
        Set<String> reservedHeaders = new HashSet<>(auth.reservedHeaders());
        Set<String> reservedQuery = new HashSet<>(auth.reservedQuery());
        if (toolAuth.needs(AuthKind.BEARER)) {
            (toolAuth.token().in() == CredentialLocation.HEADER ? reservedHeaders : reservedQuery)
                    .add(toolAuth.token().name().toLowerCase(Locale.ROOT));
        }
        // A forwarded header carries the MCP request's value (a tenant, say), which no argument may replace.
        forwarded.forEach(name -> reservedHeaders.add(name.toLowerCase(Locale.ROOT)));
        RequestTarget request = new RequestTarget(
                binding.method(), path, pathArguments, baseUri, reservedHeaders, reservedQuery, timeout);
        boolean structured = definition.hasOutputSchema() || binding.output().schema();
        ResponseShape shape = new ResponseShape(structured, binding.output().wrap());
        return new LoadedTool(target, tool, definition, request, shape, toolAuth, auth, parameters, forwarded);
    }

    /**
     * The MCP request headers the target forwards ({@code target.<t>.forward-headers}): HTTP header names, never a
     * credential or a header the gateway sets ({@link Caller#notForwardable}), nor the target's API key header or
     * a header one of its tools sends a token in.
     */
    private List<String> forwardHeaders(String target, TargetAuth auth, TargetBindings bindings) {
        String raw =
                settings.forTarget(UpstreamSettings.FORWARD_HEADERS, target).orElse("");
        String setting = "setting " + UpstreamSettings.FORWARD_HEADERS.name().replace("<target>", target);
        Map<String, String> names = new LinkedHashMap<>();
        for (String each : raw.split(",")) {
            String name = each.trim();
            if (name.isEmpty()) {
                continue;
            }
            String lower = name.toLowerCase(Locale.ROOT);
            String problem = null;
            for (int i = 0; i < name.length() && problem == null; i++) {
                if (!HttpSyntax.isTokenChar(name.charAt(i))) {
                    problem =
                            "is not a header name (character " + HttpSyntax.describe(name.charAt(i)) + " at " + i + ")";
                }
            }
            if (problem == null) {
                problem = Caller.notForwardable(name);
            }
            if (problem == null && auth.reservedHeaders().contains(lower)) {
                problem = "is the target's API key header";
            }
            for (ToolBinding binding : bindings.tools()) {
                TokenPlacement token = binding.token();
                if (problem == null
                        && binding.auth().contains(AuthKind.BEARER)
                        && token != null
                        && token.in() == CredentialLocation.HEADER
                        && token.name().equalsIgnoreCase(name)) {
                    problem = "is the header tool '" + binding.name() + "' sends its bearer token in";
                }
            }
            if (problem != null) {
                problems.badSetting(
                        setting + ": '" + HttpSyntax.printable(name) + "' " + problem + "; it can never be forwarded");
            } else {
                names.putIfAbsent(lower, name);
            }
        }
        return List.copyOf(names.values());
    }

    /** The tool's credentials and token placement; {@code null} (with a problem) when they cannot work together. */
    private ToolAuth toolAuth(String where, ToolBinding binding, TargetAuth auth) {
        TokenPlacement token = binding.token();
        if (token != null && !binding.auth().contains(AuthKind.BEARER)) {
            LOG.warn("{}.token is ignored: the tool's auth has no BEARER", where);
            token = null;
        }
        ToolAuth toolAuth = ToolAuth.of(binding.auth(), token);
        String basicClash = basicClash(toolAuth, auth);
        if (basicClash != null) {
            problems.unavailable(
                    where + ": auth lists BASIC and " + basicClash + ", which both need the Authorization header");
            return null;
        }
        if (!toolAuth.needs(AuthKind.BEARER)) {
            return toolAuth;
        }
        if (toolAuth.needs(AuthKind.SIGV4) && toolAuth.token().usesAuthorizationHeader()) {
            problems.unavailable(where + ": auth lists both SIGV4 and BEARER, which both need the Authorization header;"
                    + " a token that the authorizer reads elsewhere needs its place in .token");
            return null;
        }
        String lower = toolAuth.token().name().toLowerCase(Locale.ROOT);
        boolean header = toolAuth.token().in() == CredentialLocation.HEADER;
        if (toolAuth.needs(AuthKind.API_KEY)
                && (header ? auth.reservedHeaders() : auth.reservedQuery()).contains(lower)) {
            problems.unavailable(where + ".token: the bearer token and the API key would both go in "
                    + (header ? "header '" : "query parameter '")
                    + toolAuth.token().name() + "'");
            return null;
        }
        return toolAuth;
    }

    /** What else of the tool's credentials would go in the Authorization header beside HTTP basic, or null. */
    private static String basicClash(ToolAuth toolAuth, TargetAuth auth) {
        if (!toolAuth.needs(AuthKind.BASIC)) {
            return null;
        }
        if (toolAuth.needs(AuthKind.SIGV4)) {
            return "SIGV4";
        }
        if (toolAuth.needs(AuthKind.BEARER) && toolAuth.token().usesAuthorizationHeader()) {
            return "BEARER (its token in the Authorization header)";
        }
        if (toolAuth.needs(AuthKind.API_KEY) && auth.reservedHeaders().contains("authorization")) {
            return "API_KEY (its key in the Authorization header)";
        }
        return null;
    }

    /**
     * The target's base URL: the configured one, else the export's server URL. An export whose server URL is only
     * a path (no host: {@code /v1}, or none at all) needs a configured base URL; its path is kept and appended.
     */
    private URI baseUri(String target, TargetBindings bindings) {
        String configured = settings.forTarget(UpstreamSettings.BASE_URL, target)
                .filter(s -> !s.isBlank())
                .orElse(null);
        String setting = UpstreamSettings.BASE_URL.name().replace("<target>", target);
        String exported = bindings.serverUrl() == null || bindings.serverUrl().isBlank()
                ? null
                : bindings.serverUrl().trim();
        boolean absolute = exported != null && ABSOLUTE_URL.matcher(exported).lookingAt();
        String basePath = exported == null || absolute ? "" : RequestTarget.basePath(exported);
        if (!basePath.isEmpty()) {
            try {
                URI.create("https://h" + basePath);
            } catch (IllegalArgumentException e) {
                problems.unavailable("target '" + target + "': the export's server URL '" + exported
                        + "' is neither an absolute http or https URL nor a URL path; fix the export's server (or"
                        + " host and basePath) and regenerate the target");
                return null;
            }
        }
        if (configured == null && !absolute) {
            problems.unavailable("target '" + target + "': "
                    + (exported == null
                            ? "its export has no server URL, so the gateway does not know the API's host"
                            : "its export's server URL '" + exported + "' names no host")
                    + "; set --" + setting + " URL (environment variable "
                    + UpstreamSettings.BASE_URL
                            .environmentVariable()
                            .replace("<TARGET>", Settings.environmentTarget(target))
                    + ", or " + setting + "=URL in the --config file)"
                    + (basePath.isEmpty() ? "" : "; the export's base path " + basePath + " is appended to it"));
            return null;
        }
        try {
            // A configured URL replaces an absolute export URL (custom domain, local backend) but keeps a base path.
            return configured != null ? RequestTarget.baseUri(configured, basePath) : RequestTarget.baseUri(exported);
        } catch (IllegalArgumentException e) {
            if (configured != null) {
                problems.badSetting("target '" + target + "': setting " + setting + ": " + e.getMessage());
            } else {
                problems.unavailable("target '" + target + "': the export's server URL is not usable (" + e.getMessage()
                        + "); set --" + setting + " URL to the API's address");
            }
            return null;
        }
    }

    private Map<String, ToolListing> readDefinitions(ClassLoader loader, String path, String target) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                problems.unavailable("target '" + target + "': resource " + path + " not found on the classpath");
                return null;
            }
            byte[] bytes = in.readAllBytes();
            Map<String, ToolListing> lines = ToolLinesReader.read(bytes);
            if (lines != null) {
                return lines;
            }
            // Correct either way, but a start that parses a large catalog is slower: say why and how to avoid it.
            LOG.warn(
                    "target '{}': {} is not in the generator's one-tool-per-line layout (an older or edited"
                            + " file?); reading it with the JSON parser, which slows the start for large catalogs;"
                            + " regenerate to restore the fast path",
                    target,
                    path);
            List<String> malformed = new ArrayList<>();
            Map<String, ToolListing> read = new ToolDefinitionsReader(json)
                    .read(new ByteArrayInputStream(bytes), "target '" + target + "': " + path, malformed);
            malformed.forEach(problems::unavailable);
            return read;
        } catch (IOException | JacksonException e) {
            problems.unavailable(notJson(path, target, e));
            return null;
        }
    }

    private JsonNode readResource(ClassLoader loader, String path, String target) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                problems.unavailable("target '" + target + "': resource " + path + " not found on the classpath");
                return null;
            }
            return json.readTree(in);
        } catch (IOException | JacksonException e) {
            problems.unavailable(notJson(path, target, e));
            return null;
        }
    }

    private static String notJson(String path, String target, Exception e) {
        // The parser's own message puts the line and column on a second line: keep them, they are the place.
        String message = e instanceof JacksonException j && j.getLocation() != null
                ? String.valueOf(j.getOriginalMessage()).lines().findFirst().orElse("") + " at line "
                        + j.getLocation().getLineNr() + ", column "
                        + j.getLocation().getColumnNr()
                : String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        return "target '" + target + "': resource " + path + " is not valid JSON (" + message + ")";
    }

    long positive(Setting setting) {
        String value = settings.get(setting).orElse("");
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.badSetting("setting " + setting.name() + ": '" + value + "' is not a positive whole number");
        return Long.parseLong(setting.defaultValue());
    }

    /** A whole number from {@code min} to {@code max}; else a problem and the default. */
    long between(Setting setting, long min, long max) {
        String value = settings.get(setting).orElse("");
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.badSetting(
                "setting " + setting.name() + ": '" + value + "' is not a whole number from " + min + " to " + max);
        return Long.parseLong(setting.defaultValue());
    }

    StartupProblems problems() {
        return problems;
    }
}
