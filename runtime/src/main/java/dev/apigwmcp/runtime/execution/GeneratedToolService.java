package dev.apigwmcp.runtime.execution;

import dev.apigwmcp.runtime.auth.AuthEnvironment;
import dev.apigwmcp.runtime.auth.AuthException;
import dev.apigwmcp.runtime.config.Settings;
import dev.apigwmcp.runtime.config.StartupProblems;
import dev.apigwmcp.runtime.spi.ArgumentException;
import dev.apigwmcp.runtime.spi.ToolRegistry;
import dev.apigwmcp.runtime.telemetry.CircuitState;
import dev.apigwmcp.runtime.telemetry.MetricsRegistry;
import dev.apigwmcp.runtime.telemetry.ObservedTool;
import dev.apigwmcp.runtime.telemetry.Telemetry;
import dev.apigwmcp.runtime.telemetry.ToolCall;
import dev.apigwmcp.runtime.tools.CallContext;
import dev.apigwmcp.runtime.tools.Caller;
import dev.apigwmcp.runtime.tools.ProgressListener;
import dev.apigwmcp.runtime.tools.ToolListing;
import dev.apigwmcp.runtime.tools.ToolService;
import dev.apigwmcp.runtime.upstream.CallOutcome;
import dev.apigwmcp.runtime.upstream.CircuitSettings;
import dev.apigwmcp.runtime.upstream.OutputConformance;
import dev.apigwmcp.runtime.upstream.ResponseMapper;
import dev.apigwmcp.runtime.upstream.RetryAfter;
import dev.apigwmcp.runtime.upstream.RetryPolicy;
import dev.apigwmcp.runtime.upstream.SafeRequestBuilder;
import dev.apigwmcp.runtime.upstream.TargetCircuit;
import dev.apigwmcp.runtime.upstream.ToolResult;
import dev.apigwmcp.runtime.upstream.UpstreamClient;
import dev.apigwmcp.runtime.upstream.UpstreamEvents;
import dev.apigwmcp.runtime.upstream.UpstreamExchange;
import dev.apigwmcp.runtime.upstream.UpstreamRequest;
import dev.apigwmcp.runtime.upstream.UpstreamSettings;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@link ToolService} of generated tools: validates arguments, lets the generated code fill a
 * {@link SafeRequestBuilder}, applies credentials, calls the upstream and maps the answer to a
 * {@code CallToolResult}. Every failure becomes a result with {@code isError: true}; the future completes
 * exceptionally only when cancelled.
 */
final class GeneratedToolService implements ToolService, AutoCloseable {

    private static final Logger CALLS = LoggerFactory.getLogger("dev.apigwmcp.runtime.calls");

    private final Map<String, LoadedTool> tools;
    private final List<ToolListing> listings;
    private final ArgumentValidator validator;
    private final OutputValidator outputs = new OutputValidator();
    /** Each tool's argument coercion, made from its input schema on its first call. */
    private final Map<String, ArgumentCoercion> coercions = new ConcurrentHashMap<>();

    private final UpstreamClient client;
    private final ResponseMapper mapper;
    private final ObjectMapper json;
    private final Telemetry telemetry;
    /** Each tool as telemetry reports it (names and request shape), made once. */
    private final Map<String, ObservedTool> observed;

    private final CallThreads executor;
    private final UpstreamExchange exchange;
    /** Each target's circuit breaker, by target name. */
    private final Map<String, TargetCircuit> circuits;

    private final ToolShares shares;
    private volatile UpstreamEvents events = UpstreamEvents.NONE;
    /** Each target's {@code search.json} (a catalog generated before search documents has none). */
    private List<URL> searchDocuments = List.of();
    /** The gateway project's interceptors; with none, a call never looks further than {@code isEmpty()}. */
    private Interceptors interceptors = Interceptors.NONE;
    /** Ends calls whose interceptors overrun the deadline; {@code null} without interceptors. */
    private InterceptorDeadlines interceptorDeadlines;
    /** Telemetry: circuit changes become the CircuitState metric, then go to the observer of observeUpstream. */
    private final UpstreamEvents circuitEvents = new UpstreamEvents() {
        @Override
        public void circuitChanged(String target, String from, String to) {
            CircuitState.named(to).ifPresent(state -> telemetry.circuitState(target, state));
            events.circuitChanged(target, from, to);
        }
    };

    /** How calls reach the upstream: limits, retries and circuits, from settings. */
    private record Limits(int maxConcurrentCalls, int perTool, RetryPolicy retry, CircuitSettings circuit) {}

    private GeneratedToolService(
            Map<String, LoadedTool> tools,
            UpstreamClient client,
            ObjectMapper json,
            Limits limits,
            Telemetry telemetry) {
        int maxConcurrentCalls = limits.maxConcurrentCalls();
        this.tools = tools;
        List<ToolListing> sorted = new ArrayList<>(tools.size());
        tools.values().forEach(t -> sorted.add(t.listing()));
        this.listings = List.copyOf(sorted);
        this.validator = new ArgumentValidator();
        this.client = client;
        this.json = json;
        this.mapper = new ResponseMapper(json);
        this.telemetry = telemetry;
        Map<String, ObservedTool> byName = new HashMap<>();
        tools.forEach((name, tool) -> byName.put(
                name,
                new ObservedTool(
                        tool.target(),
                        name,
                        tool.request().method(),
                        tool.request().path().template(),
                        tool.request().baseUri())));
        this.observed = Map.copyOf(byName);
        observed.values().forEach(telemetry::toolLoaded);
        // A call keeps its thread from preparation (which may block on a credential refresh) to the upstream's
        // answer. Bounded, so that a burst of calls queues instead of starting thousands of threads.
        this.executor = new CallThreads(maxConcurrentCalls, 30, "apigw-mcp-call-");
        this.exchange = new UpstreamExchange(client, limits.retry());
        this.shares = new ToolShares(tools.keySet(), limits.perTool(), maxConcurrentCalls);
        Map<String, TargetCircuit> byTarget = new TreeMap<>();
        tools.values()
                .forEach(tool -> byTarget.computeIfAbsent(
                        tool.target(), target -> new TargetCircuit(target, limits.circuit(), () -> circuitEvents)));
        this.circuits = Map.copyOf(byTarget);
        if (limits.circuit().enabled()) {
            // Telemetry: every circuit is reported from the start, closed until it changes.
            circuits.keySet().forEach(target -> telemetry.circuitState(target, CircuitState.CLOSED));
        }
    }

    /** Loads every target found by {@link ServiceLoader}; environment variables are looked up in {@code environment}. */
    public static GeneratedToolService load(Settings settings, Map<String, String> environment) {
        return load(settings, environment, Telemetry.callLogOnly());
    }

    /** {@link #load(Settings, Map)}, reporting every call to {@code telemetry} (which stays the caller's). */
    public static GeneratedToolService load(Settings settings, Map<String, String> environment, Telemetry telemetry) {
        ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
        return create(
                registries(classLoader),
                settings,
                AuthEnvironment.of(environment),
                telemetry,
                Interceptors.load(classLoader));
    }

    /**
     * Loads every target and every {@link dev.apigwmcp.runtime.spi.ToolInterceptor} that {@link ServiceLoader} finds
     * through {@code classLoader}.
     */
    public static GeneratedToolService load(Settings settings, ClassLoader classLoader, AuthEnvironment environment) {
        return create(
                registries(classLoader),
                settings,
                environment,
                Telemetry.callLogOnly(),
                Interceptors.load(classLoader));
    }

    /**
     * Loads the given targets; throws {@link StartupException} naming every problem (missing resources, tool or
     * binding, duplicate names, missing base URL or credentials, bad settings).
     */
    public static GeneratedToolService create(
            List<ToolRegistry> registries, Settings settings, AuthEnvironment environment) {
        return create(registries, settings, environment, Telemetry.callLogOnly());
    }

    /** {@link #create(List, Settings, AuthEnvironment)}, reporting every call to {@code telemetry}. */
    public static GeneratedToolService create(
            List<ToolRegistry> registries, Settings settings, AuthEnvironment environment, Telemetry telemetry) {
        return create(registries, settings, environment, telemetry, Interceptors.NONE);
    }

    /** {@link #create(List, Settings, AuthEnvironment, Telemetry)}, every call going through {@code interceptors}. */
    static GeneratedToolService create(
            List<ToolRegistry> registries,
            Settings settings,
            AuthEnvironment environment,
            Telemetry telemetry,
            Interceptors interceptors) {
        // Decimals as BigDecimal: an answer's numbers reach structuredContent with every digit (a double would turn
        // 1e400 into the string "Infinity"); trailing tokens make a body invalid JSON rather than silently cut.
        ObjectMapper json = JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        // One AWS credentials source per profile for all targets: resolved once at start, refreshed once.
        AuthEnvironment shared = environment.sharingAwsCredentials();
        ToolCatalogLoader numbers = new ToolCatalogLoader(settings, shared, null, json);
        long connectMs = numbers.positive(UpstreamSettings.CONNECT_TIMEOUT_MS);
        long maxBytes = numbers.positive(UpstreamSettings.MAX_RESPONSE_BYTES);
        long maxCalls = Math.min(numbers.positive(ExecutionSettings.MAX_CONCURRENT_CALLS), 100_000);
        long perTool = Math.min(numbers.positive(ExecutionSettings.MAX_CONCURRENT_PER_TOOL), 100_000);
        RetryPolicy retry = new RetryPolicy(
                (int) numbers.between(UpstreamSettings.RETRY_MAX_ATTEMPTS, 1, 10),
                Duration.ofMillis(numbers.between(UpstreamSettings.RETRY_BASE_DELAY_MS, 0, 60_000)),
                Duration.ofMillis(numbers.between(UpstreamSettings.RETRY_MAX_DELAY_MS, 0, 600_000)));
        CircuitSettings circuit = new CircuitSettings(
                (int) numbers.between(UpstreamSettings.CIRCUIT_FAILURE_RATE, 0, 100),
                (int) numbers.between(UpstreamSettings.CIRCUIT_WINDOW, 1, 10_000),
                Duration.ofMillis(numbers.between(UpstreamSettings.CIRCUIT_OPEN_MS, 1, 86_400_000)));
        String precompile = settings.get(ExecutionSettings.PRECOMPILE_SCHEMAS)
                .orElse("false")
                .trim();
        StartupProblems problems = numbers.problems();
        if (!precompile.equals("true") && !precompile.equals("false")) {
            problems.badSetting("setting " + ExecutionSettings.PRECOMPILE_SCHEMAS.name() + ": '" + precompile
                    + "' is not true or false");
        }
        UpstreamClient client = new UpstreamClient(Duration.ofMillis(connectMs), maxBytes, (int) maxCalls);
        ToolCatalogLoader loader = new ToolCatalogLoader(settings, shared, client::tokenHttpClient, json);
        Map<String, LoadedTool> tools;
        try {
            tools = loader.load(registries);
        } catch (StartupException e) {
            problems.addAll(loader.problems());
            throw new StartupException(problems);
        }
        if (!problems.isEmpty()) {
            throw new StartupException(problems);
        }
        GeneratedToolService service = new GeneratedToolService(
                tools, client, json, new Limits((int) maxCalls, (int) perTool, retry, circuit), telemetry);
        service.searchDocuments = searchDocuments(registries);
        service.interceptors = interceptors;
        service.interceptorDeadlines = interceptors.isEmpty() ? null : new InterceptorDeadlines();
        if (precompile.equals("true")) {
            service.precompile();
        }
        return service;
    }

    /**
     * The catalog of the targets {@link ServiceLoader} finds through {@code classLoader}: their {@code tools.json}
     * entries, sorted by name, read without bindings, settings or credentials.
     */
    public static List<ToolListing> catalog(ClassLoader classLoader) {
        return catalog(registries(classLoader));
    }

    /** The catalog of the given targets, read as {@link #catalog(ClassLoader)} reads it. */
    public static List<ToolListing> catalog(List<ToolRegistry> registries) {
        return new ToolCatalogLoader(
                        Settings.of(Map.of()), null, null, JsonMapper.builder().build())
                .listings(registries);
    }

    /** The {@code --help} section of the targets {@link ServiceLoader} finds through {@code classLoader}. */
    public static String targetsHelp(ClassLoader classLoader) {
        JsonMapper json = JsonMapper.builder().build();
        List<TargetNeeds> needs = new ArrayList<>();
        registries(classLoader)
                .forEach(registry -> TargetNeeds.of(registry, json).ifPresent(needs::add));
        return TargetsHelp.render(needs);
    }

    /** The names of the targets {@link ServiceLoader} finds through {@code classLoader}. */
    public static Set<String> targets(ClassLoader classLoader) {
        Set<String> names = new TreeSet<>();
        registries(classLoader).forEach(registry -> names.add(registry.targetName()));
        return names;
    }

    private static List<ToolRegistry> registries(ClassLoader classLoader) {
        List<ToolRegistry> registries = new ArrayList<>();
        ServiceLoader.load(ToolRegistry.class, classLoader).forEach(registries::add);
        // Sorted so that messages and duplicate detection do not depend on classpath order.
        registries.sort(java.util.Comparator.comparing(ToolRegistry::targetName));
        return registries;
    }

    private void precompile() {
        List<String> problems = new ArrayList<>();
        tools.forEach((name, tool) -> {
            try {
                validator.compile(name, tool::inputSchema);
            } catch (RuntimeException e) {
                problems.add("tool '" + name + "': its inputSchema cannot be compiled: " + e.getMessage());
            }
        });
        if (!problems.isEmpty()) {
            close();
            throw new StartupException(problems);
        }
    }

    /**
     * Optionally called by the launcher after the first answer: loads the schema validator, creates the HTTP
     * client and the circuit breakers in the background, so that the first tool call does not pay for them. Never
     * fails.
     */
    @Override
    public CompletableFuture<Void> warmUp() {
        return CompletableFuture.runAsync(
                () -> {
                    try {
                        validator.warmUp();
                        client.start();
                        circuits.values().forEach(TargetCircuit::prepare);
                    } catch (RuntimeException e) {
                        CALLS.debug("warm-up failed: {}", e.toString());
                    }
                },
                executor);
    }

    @Override
    public List<ToolListing> listings() {
        return listings;
    }

    @Override
    public boolean hasTool(String name) {
        return tools.containsKey(name);
    }

    @Override
    public List<URL> searchDocuments() {
        return searchDocuments;
    }

    private static List<URL> searchDocuments(List<ToolRegistry> registries) {
        List<URL> found = new ArrayList<>();
        for (ToolRegistry registry : registries) {
            URL url = registry.getClass().getClassLoader().getResource(registry.resourceFolder() + "search.json");
            if (url != null) {
                found.add(url);
            }
        }
        return List.copyOf(found);
    }

    /**
     * The call counters (those of the telemetry given at creation: what {@code /metrics} serves), for a test or a
     * shutdown summary.
     */
    public MetricsRegistry metrics() {
        return telemetry.metrics();
    }

    /** Each target's circuit state ({@code CLOSED}, {@code OPEN}, {@code HALF_OPEN} or {@code DISABLED}). */
    public Map<String, String> circuitStates() {
        Map<String, String> states = new TreeMap<>();
        circuits.forEach((target, circuit) -> states.put(target, circuit.state()));
        return states;
    }

    /**
     * Where every upstream attempt and circuit change is reported from now on, besides the telemetry given at
     * creation (which sees them whatever is set here).
     */
    public void observeUpstream(UpstreamEvents observer) {
        this.events = observer == null ? UpstreamEvents.NONE : observer;
    }

    @Override
    public CompletableFuture<ObjectNode> call(String name, JsonNode arguments, ProgressListener progress) {
        return call(name, arguments, progress, Caller.LOCAL, CallContext.NONE);
    }

    @Override
    public CompletableFuture<ObjectNode> call(
            String name, JsonNode arguments, ProgressListener progress, Caller caller) {
        return call(name, arguments, progress, caller, CallContext.NONE);
    }

    /**
     * Calls a tool for a caller: its verified token goes upstream only where the tool's target passes the caller's
     * token on (a bearer method), and only the request headers the target names are forwarded. Telemetry: the
     * call is reported with {@code context} (request id, revision, the caller's trace).
     */
    @Override
    public CompletableFuture<ObjectNode> call(
            String name, JsonNode arguments, ProgressListener progress, Caller caller, CallContext context) {
        Caller who = caller == null ? Caller.LOCAL : caller;
        CompletableFuture<ObjectNode> result = new CompletableFuture<>();
        // Set by whichever ending (result or cancellation) comes first, so each call is counted and logged once.
        AtomicBoolean ended = new AtomicBoolean();
        LoadedTool tool = tools.get(name);
        // Telemetry: the call's span, in-flight count, counters and log line; ended once (finish, or the cancel).
        ToolCall observed =
                telemetry.callStarted(tool == null ? ObservedTool.unknown(name) : this.observed.get(name), context);
        if (tool == null) {
            finish(
                    result,
                    ended,
                    observed,
                    ToolResult.text("Unknown tool '" + name + "'.", CallOutcome.INVALID_ARGUMENTS, 0));
            return result;
        }
        if (!shares.tryAcquire(name)) {
            finish(
                    result,
                    ended,
                    observed,
                    ToolResult.text(
                            "Throttled by the gateway: tool " + name + " already has "
                                    + shares.share() + " calls in flight, its share ("
                                    + ExecutionSettings.MAX_CONCURRENT_PER_TOOL.name()
                                    + "); this call was not sent upstream. Retry when earlier calls have finished.",
                            CallOutcome.GATEWAY_THROTTLED,
                            0));
            return result;
        }
        // The running task: cancelling the result interrupts it, which aborts the upstream exchange.
        AtomicReference<Future<?>> task = new AtomicReference<>();
        result.whenComplete((r, e) -> {
            // Its place in the tool's share ends with the call, however it ends.
            shares.release(name);
            if (result.isCancelled()) {
                Future<?> running = task.get();
                if (running != null) {
                    running.cancel(true);
                }
                if (ended.compareAndSet(false, true)) {
                    observed.ended(CallOutcome.CANCELLED, 0, null);
                }
            }
        });
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        try {
            FutureTask<Void> running = new FutureTask<>(
                    () -> run(tool, name, arguments, who, listener, result, ended, observed, task), null);
            task.set(running);
            executor.execute(running);
        } catch (RejectedExecutionException e) {
            finish(result, ended, observed, ToolResult.text("The gateway is shutting down.", CallOutcome.INTERNAL, 0));
            return result;
        }
        if (result.isCancelled()) {
            task.get().cancel(true);
        }
        return result;
    }

    /**
     * One call from arguments to result, on a call thread: preparing may block (credential refresh, token
     * request) and so does the upstream exchange, which keeps the whole call on this one thread.
     */
    private void run(
            LoadedTool tool,
            String name,
            JsonNode arguments,
            Caller caller,
            ProgressListener progress,
            CompletableFuture<ObjectNode> result,
            AtomicBoolean ended,
            ToolCall observed,
            AtomicReference<Future<?>> task) {
        if (result.isDone()) {
            return;
        }
        // Null unless the gateway's project has interceptors for this tool: then the existing path, unchanged.
        Interception interception = interceptors.isEmpty() ? null : intercept(tool, name, caller, observed);
        ScheduledFuture<?> watch = watchDeadline(interception, tool, result, ended, observed, task);
        try {
            UpstreamRequest request;
            try {
                request = forward(tool, name, prepare(tool, name, arguments, interception), caller);
            } catch (PreparationFailure failure) {
                finish(
                        result,
                        ended,
                        observed,
                        interception == null ? failure.result : interception.after(failure.result));
                return;
            }
            progress.progress(0, 1.0, "Calling " + request.method() + " " + request.displayUri());
            Duration deadline = interception == null ? request.timeout() : interception.remaining(request.timeout());
            // Telemetry: a client span per attempt, whose trace headers the signer puts on before the credentials, so
            // that SigV4 signs them on every attempt; the exchange's event for the attempt ends it.
            ObservedAttempts attempts = new ObservedAttempts(observed, events);
            ToolResult mapped;
            UpstreamExchange.Result exchanged = null;
            try {
                exchanged = exchange.run(
                        request,
                        unsigned -> attempts.sign(unsigned, traced -> authenticate(tool, name, traced, caller)),
                        circuits.get(tool.target()),
                        name,
                        deadline,
                        attempts,
                        (next, max, why, wait) ->
                                // Progress must grow: each retry a step further, the answer at 1.
                                progress.progress(
                                        (next - 1.0) / (max + 1.0),
                                        1.0,
                                        "Retrying " + request.method() + " "
                                                + request.displayUri()
                                                + " (attempt " + next + " of " + max + ") after " + why + ", in "
                                                + wait.toMillis() + " ms"));
                mapped = map(tool, name, request, exchanged);
            } catch (InterruptedException e) {
                attempts.abandoned("cancelled");
                return; // cancelled: the cancelling side has counted the call and completed the result
            } catch (PreparationFailure failure) {
                mapped = failure.result;
            } catch (RuntimeException e) {
                attempts.abandoned(e.getClass().getName());
                CALLS.warn("tool={} calling the upstream or mapping its answer failed: {}", name, e.toString());
                mapped = ToolResult.text(
                        "Internal error while reading the upstream answer.",
                        CallOutcome.INTERNAL,
                        exchanged == null || exchanged.response() == null
                                ? 0
                                : exchanged.response().status());
            }
            progress.progress(1.0, 1.0, "Upstream answered");
            finish(result, ended, observed, interception == null ? mapped : interception.after(mapped));
        } finally {
            if (watch != null) {
                watch.cancel(false);
            }
        }
    }

    /**
     * With interceptors, one of them still running at the call's deadline ends the call then ({@link
     * InterceptorDeadlines}); {@code null} without. Cancel the watch when the call ends.
     */
    private ScheduledFuture<?> watchDeadline(
            Interception interception,
            LoadedTool tool,
            CompletableFuture<ObjectNode> result,
            AtomicBoolean ended,
            ToolCall observed,
            AtomicReference<Future<?>> task) {
        return interception == null
                ? null
                : interceptorDeadlines.watch(
                        interception,
                        tool.request().timeout(),
                        overran -> finish(result, ended, observed, overran),
                        task.get());
    }

    /** The result of the exchange's last attempt, with how often the request was sent when that was more than once. */
    private ToolResult map(LoadedTool tool, String name, UpstreamRequest request, UpstreamExchange.Result exchanged) {
        if (exchanged.circuitOpen()) {
            return circuitOpen(tool, request, exchanged.pausedFor());
        }
        ToolResult mapped;
        if (exchanged.response() != null) {
            // Only the schema a client sees (the listing's) is checked; a tool without one is mapped as before.
            OutputConformance conformance = tool.listing().hasOutputSchema()
                    ? candidate -> outputs.problems(name, tool::outputSchema, candidate)
                    : null;
            mapped = mapper.map(exchanged.response(), tool.shape(), conformance, request.displayUri());
        } else {
            mapped = mapper.failure(
                    exchanged.failure(), request.displayUri(), request.timeout().toMillis());
        }
        if (exchanged.attempts() > 1 && mapped.outcome().isError()) {
            ObjectNode first = (ObjectNode) mapped.result().get("content").get(0);
            if (first != null && first.has("text")) {
                first.put(
                        "text",
                        first.get("text").stringValue() + " (The gateway sent the request " + exchanged.attempts()
                                + " times.)");
            }
        }
        return mapped;
    }

    private ToolResult circuitOpen(LoadedTool tool, UpstreamRequest request, Duration pausedFor) {
        TargetCircuit circuit = circuits.get(tool.target());
        CircuitSettings settings = circuit.settings();
        String host = request.uri().getScheme() + "://" + request.uri().getRawAuthority();
        String pause = pausedFor.isZero()
                ? "a trial call is checking whether it is back, and its other calls are paused until that answers"
                : "calls to it are paused for " + RetryAfter.seconds(pausedFor)
                        + " s, then one trial call goes through";
        return ToolResult.text(
                "Upstream of target '" + tool.target() + "' (" + host + ") is failing: at least "
                        + settings.failureRatePercent() + "% of its last " + settings.window() + " attempts failed (no"
                        + " connection, deadline passed, or HTTP 502/503/504), so " + pause
                        + ". This call was not sent;"
                        + " retry later.",
                CallOutcome.CIRCUIT_OPEN,
                0);
    }

    /** Applies the tool's credentials; called before every attempt, so that each SigV4 signature is fresh. */
    private static UpstreamRequest authenticate(LoadedTool tool, String name, UpstreamRequest request, Caller caller) {
        try {
            return tool.targetAuth().authenticate(request, tool.auth(), caller);
        } catch (AuthException e) {
            throw new PreparationFailure(
                    ToolResult.text("Could not authenticate the call: " + e.getMessage(), CallOutcome.AUTH_FAILED, 0));
        } catch (RuntimeException e) {
            CALLS.warn(
                    "tool={} applying credentials failed: {}",
                    name,
                    e.getClass().getName());
            throw new PreparationFailure(ToolResult.text(
                    "Internal error while applying credentials for tool " + name + ".", CallOutcome.AUTH_FAILED, 0));
        }
    }

    /**
     * Adds the MCP request's headers the tool's target forwards ({@code target.<t>.forward-headers}), each value as
     * it came; none of them can be a credential (checked at start).
     */
    private static UpstreamRequest forward(LoadedTool tool, String name, UpstreamRequest request, Caller caller) {
        UpstreamRequest forwarded = request;
        for (String header : tool.forwarded()) {
            for (String value : caller.header(header)) {
                for (int i = 0; i < value.length(); i++) {
                    char c = value.charAt(i);
                    if ((c < 0x20 && c != '\t') || c == 0x7F || c > 0xFF) {
                        throw new PreparationFailure(ToolResult.text(
                                "The MCP request's header " + header
                                        + " cannot be forwarded to tool " + name + ": it holds character "
                                        + String.format("U+%04X", (int) c) + " at position " + i + ".",
                                CallOutcome.INVALID_ARGUMENTS,
                                0));
                    }
                }
                forwarded = forwarded.withHeader(header, value);
            }
        }
        return forwarded;
    }

    /** The call's way through its tool's interceptors, or {@code null} when none runs for the tool. */
    private Interception intercept(LoadedTool tool, String name, Caller caller, ToolCall observed) {
        Interceptors.Chain chain = interceptors.chain(name, tool);
        if (chain.interceptors().isEmpty()) {
            return null;
        }
        OutputConformance conformance = tool.listing().hasOutputSchema()
                ? candidate -> outputs.problems(name, tool::outputSchema, candidate)
                : null;
        return new Interception(
                chain, tool, caller, observed, args -> validator.validate(name, tool::inputSchema, args), conformance);
    }

    /**
     * Everything before the network but credentials (applied per attempt): arguments (through the interceptors, when
     * there are any) and request.
     */
    private UpstreamRequest prepare(LoadedTool tool, String name, JsonNode arguments, Interception interception) {
        JsonNode args = arguments == null || arguments.isNull() ? json.createObjectNode() : arguments;
        if (!args.isObject()) {
            throw new PreparationFailure(ToolResult.text(
                    "Invalid arguments for tool " + name + ": arguments must be a JSON object.",
                    CallOutcome.INVALID_ARGUMENTS,
                    0));
        }
        List<String> problems;
        try {
            // Coerced first, so that validation and the generated reader see the same values.
            args = coercions
                    .computeIfAbsent(name, n -> ArgumentCoercion.of(tool.inputSchema(), tool.parameters()))
                    .apply(args);
            problems = validator.validate(name, tool::inputSchema, args);
        } catch (RuntimeException e) {
            CALLS.warn("tool={} input schema cannot be compiled: {}", name, e.toString());
            throw new PreparationFailure(ToolResult.text(
                    "Internal error: the input schema of tool " + name + " cannot be used.", CallOutcome.INTERNAL, 0));
        }
        if (!problems.isEmpty()) {
            throw new PreparationFailure(ToolResult.text(
                    "Invalid arguments for tool " + name + ":\n- " + String.join("\n- ", problems),
                    CallOutcome.INVALID_ARGUMENTS,
                    0));
        }
        if (interception != null) {
            ToolResult refused = interception.before(args);
            if (refused != null) {
                throw new PreparationFailure(refused);
            }
            args = interception.arguments();
        }
        UpstreamRequest request;
        try {
            SafeRequestBuilder builder = new SafeRequestBuilder(tool.request(), json);
            tool.code().get().writeRequest(args, builder);
            request = builder.build();
        } catch (ArgumentException e) {
            throw new PreparationFailure(ToolResult.text(
                    "Invalid argument '" + e.argument() + "' for tool " + name + ": " + e.getMessage(),
                    CallOutcome.INVALID_ARGUMENTS,
                    0));
        } catch (RuntimeException e) {
            // A bug in generated code or a binding mismatch: log the kind, never show internals to the client.
            CALLS.warn("tool={} building the request failed: {}", name, e.toString());
            throw new PreparationFailure(ToolResult.text(
                    "Internal error while building the request for tool " + name + ".", CallOutcome.INTERNAL, 0));
        }
        if (interception != null) {
            try {
                request = interception.headers(request);
            } catch (Interception.Refused refused) {
                throw new PreparationFailure(refused.result());
            }
        }
        return request;
    }

    /**
     * Counts and logs the call before completing it, so that whoever sees the result also sees the count.
     * Telemetry: the counters, the span's end and the one log line per call (never argument values, answer content
     * or credentials).
     */
    private static void finish(
            CompletableFuture<ObjectNode> result, AtomicBoolean ended, ToolCall observed, ToolResult outcome) {
        if (!result.isDone() && ended.compareAndSet(false, true)) {
            observed.ended(outcome.outcome(), outcome.status(), outcome.detail());
            result.complete(outcome.result());
        }
    }

    @Override
    public void close() {
        executor.close();
        client.close();
        if (interceptorDeadlines != null) {
            interceptorDeadlines.close();
        }
    }

    /** Ends preparation with a finished result. */
    private static final class PreparationFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ToolResult result;

        PreparationFailure(ToolResult result) {
            super(null, null, false, false);
            this.result = result;
        }
    }
}
