package dev.apigwmcp.runtime;

import dev.apigwmcp.runtime.config.CommandLine;
import dev.apigwmcp.runtime.config.FailureReason;
import dev.apigwmcp.runtime.config.GatewaySettings;
import dev.apigwmcp.runtime.config.HelpRenderer;
import dev.apigwmcp.runtime.config.Setting;
import dev.apigwmcp.runtime.config.Settings;
import dev.apigwmcp.runtime.config.SettingsException;
import dev.apigwmcp.runtime.config.SettingsLoader;
import dev.apigwmcp.runtime.config.TargetNameCheck;
import dev.apigwmcp.runtime.execution.StartupException;
import dev.apigwmcp.runtime.inbound.InboundConfig;
import dev.apigwmcp.runtime.inbound.InboundGate;
import dev.apigwmcp.runtime.inbound.InboundSettings;
import dev.apigwmcp.runtime.inbound.Readiness;
import dev.apigwmcp.runtime.protocol.McpServer;
import dev.apigwmcp.runtime.protocol.ServerOptions;
import dev.apigwmcp.runtime.search.SearchSettings;
import dev.apigwmcp.runtime.search.SearchingToolService;
import dev.apigwmcp.runtime.telemetry.GatewayTelemetry;
import dev.apigwmcp.runtime.telemetry.LogFormat;
import dev.apigwmcp.runtime.telemetry.TelemetryOptions;
import dev.apigwmcp.runtime.tools.ToolListing;
import dev.apigwmcp.runtime.tools.ToolService;
import dev.apigwmcp.runtime.transport.ClientLimits;
import dev.apigwmcp.runtime.transport.HttpOptions;
import dev.apigwmcp.runtime.transport.HttpTransport;
import dev.apigwmcp.runtime.transport.ListenFailure;
import dev.apigwmcp.runtime.transport.SessionKeys;
import dev.apigwmcp.runtime.transport.SessionSealing;
import dev.apigwmcp.runtime.transport.StdioTransport;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The gateway's entry point: reads settings, builds the tool service, and serves it over stdio or HTTP. Exit
 * statuses are {@link ExitCode}'s: 0 done, 1 unexpected failure, 2 wrong setting, 3 cannot start.
 */
public final class Gateway {
    static final String USAGE =
            "Usage: java -jar <gateway>.jar [--transport stdio|http] [--port N] [--host H] [options]";

    private final List<ToolServiceFactory> factories;
    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;
    private final String helpSection;

    public Gateway(
            List<ToolServiceFactory> factories, Map<String, String> environment, PrintStream out, PrintStream err) {
        this(factories, environment, out, err, "");
    }

    private Gateway(
            List<ToolServiceFactory> factories,
            Map<String, String> environment,
            PrintStream out,
            PrintStream err,
            String helpSection) {
        this.factories = List.copyOf(factories);
        this.environment = Map.copyOf(environment);
        this.out = out;
        this.err = err;
        this.helpSection = helpSection;
    }

    /** This gateway with a launcher's own options (such as a demo mode) described in {@code --help}. */
    public Gateway withHelpSection(String section) {
        return new Gateway(factories, environment, out, err, section);
    }

    public static void main(String[] args) {
        launch(args, (factories, environment, out, err) -> new Gateway(factories, environment, out, err)::run);
    }

    /** An entry point built on the gateway (the plain one, or a sample's with extra options). */
    @FunctionalInterface
    public interface EntryPoint {
        /** The runner for these streams; it returns the process exit code. */
        Runner create(
                List<ToolServiceFactory> factories, Map<String, String> environment, PrintStream out, PrintStream err);
    }

    /** Runs to completion and returns the exit code. */
    @FunctionalInterface
    public interface Runner {
        int run(String[] args, InputStream in);
    }

    /**
     * Runs an entry point as a process: stdout is claimed for protocol frames before any library can print to it
     * (stray prints go to stderr), tool services come from {@link ServiceLoader}, and the process exits with the
     * runner's code.
     */
    public static void launch(String[] args, EntryPoint entryPoint) {
        if (args.length > 0 && args[0].equals(ClassArchiveCommand.OPTION)) {
            // Before the entry point: the options after it are the training start's (a launcher's --demo included).
            System.exit(new ClassArchiveCommand(System.err).run(List.of(args).subList(1, args.length)));
        }
        PrintStream protocolOut = System.out;
        System.setOut(System.err);
        List<ToolServiceFactory> factories = new ArrayList<>();
        ServiceLoader.load(ToolServiceFactory.class).forEach(factories::add);
        int code = entryPoint
                .create(factories, System.getenv(), protocolOut, System.err)
                .run(args, new ProcessInput(System.in));
        protocolOut.flush();
        System.exit(code);
    }

    /**
     * Runs to completion (stdio: end of input; HTTP: until the process is stopped) and returns the exit status.
     * Every setting is checked before the tool service starts; {@code --help} and {@code --list-tools} need no
     * credential.
     */
    public int run(String[] args, InputStream in) {
        List<Setting> known = knownSettings();
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            // Help wins over everything else on the line, so that it shows even when a setting is wrong.
            StringBuilder targets = new StringBuilder();
            factories.forEach(factory -> targets.append(factory.targetsHelp()));
            out.print(HelpRenderer.render(USAGE, known) + targets + helpSection + "\n" + ExitCode.table());
            out.flush();
            return ExitCode.OK.code();
        }
        ToolService tools = null;
        GatewayTelemetry telemetry = null;
        try {
            Loaded loaded = load(args);
            Settings settings = loaded.settings();
            if (loaded.commandLine().listTools()) {
                listTools(loaded.factory().catalog(settings, environment));
                return ExitCode.OK.code();
            }
            // The launcher's own settings first: a wrong --port should not wait for credentials to be resolved.
            ServerOptions serverOptions = serverOptions(settings);
            String transport = settings.get(GatewaySettings.TRANSPORT).orElse("stdio");
            if (!transport.equals("stdio") && !transport.equals("http")) {
                throw new SettingsException("--transport (" + GatewaySettings.TRANSPORT.environmentVariable()
                        + ") must be stdio or http, got \"" + transport + "\"");
            }
            boolean overHttp = transport.equals("http");
            // Inbound authorization's settings are checked with the others, before any credential is resolved.
            InboundConfig inbound = InboundConfig.read(
                    settings,
                    transport,
                    overHttp ? settings.get(GatewaySettings.HOST).orElse("127.0.0.1") : null);
            HttpOptions http = overHttp
                    ? httpOptions(settings, inbound.publicHost()).withSealing(sessionSealing(settings, environment))
                    : null;
            // HTTP: how long calls in flight may finish after SIGTERM; stdio: after the end of input.
            Duration grace = Duration.ofSeconds(
                    GatewaySettings.integer(settings, GatewaySettings.SHUTDOWN_GRACE_SECONDS, 0, 3600));
            boolean prometheus = prometheus(settings, http);
            // Telemetry: the call log's format, /metrics, and OpenTelemetry when OTEL_* configures an exporter.
            telemetry = GatewayTelemetry.create(new TelemetryOptions(
                    loaded.logFormat(), prometheus, transport, environment, err, Clock.systemUTC()));
            SearchSettings search = SearchSettings.from(settings);
            if (http == null) {
                return serveStdio(
                        new ServerStart(loaded.factory(), settings, search, serverOptions, inbound, telemetry),
                        in,
                        grace);
            }
            tools = loaded.factory().create(settings, environment, telemetry);
            tools = SearchingToolService.around(tools, search, telemetry);
            warmUpThenCollect(tools);
            // Telemetry: calls refused at admission (limits, duplicate ids) count as Throttles.
            McpServer server = new McpServer(tools, serverOptions, inbound.listsVaryByCaller(), telemetry::callRefused);
            return serveHttp(server, http, inbound, grace, tools, telemetry);
        } catch (ReportedFailure e) {
            return e.code();
        } catch (RuntimeException e) {
            close(tools);
            return failed(e);
        } finally {
            // The last spans and metrics are flushed when the gateway stops (stdio: at the end of input).
            if (telemetry != null) {
                telemetry.close();
            }
        }
    }

    /** Reports why the gateway stops, as one line per problem, and returns the exit status for it. */
    private int failed(RuntimeException e) {
        if (e instanceof SettingsException settings) {
            report(settings.problems());
            return ExitCode.BAD_SETTINGS.code();
        }
        if (e instanceof StartupException startup) {
            report(startup.problems());
            return (startup.badSettings() ? ExitCode.BAD_SETTINGS : ExitCode.CANNOT_START).code();
        }
        err.println("apigw-mcp: unexpected failure: " + FailureReason.describe(e));
        err.flush();
        return ExitCode.FAILED.code();
    }

    /** What makes the MCP server once the settings are checked: the tool service (catalog, credentials). */
    private record ServerStart(
            ToolServiceFactory factory,
            Settings settings,
            SearchSettings search,
            ServerOptions options,
            InboundConfig inbound,
            GatewayTelemetry telemetry) {}

    /** A started server and its tool service. */
    private record Started(McpServer server, ToolService tools) {}

    /**
     * The tool service and the server over it. Telemetry: calls refused at admission (limits, duplicate ids) count
     * as Throttles.
     */
    private Started server(ServerStart start) {
        ToolService tools = start.factory().create(start.settings(), environment, start.telemetry());
        try {
            tools = SearchingToolService.around(tools, start.search(), start.telemetry());
            return new Started(
                    new McpServer(
                            tools,
                            start.options(),
                            start.inbound().listsVaryByCaller(),
                            start.telemetry()::callRefused),
                    tools);
        } catch (RuntimeException e) {
            close(tools);
            throw e;
        }
    }

    /** A failed start that was already reported; its exit status. */
    private static final class ReportedFailure extends RuntimeException {
        private final int code;

        ReportedFailure(int code) {
            super(null, null, false, false);
            this.code = code;
        }

        int code() {
            return code;
        }
    }

    /**
     * Serves stdio while the tool service starts on a thread of its own, so that the client's {@code initialize}
     * is answered meanwhile (the catalog, the credentials and the JSON mapper are most of a start). A start that
     * fails is reported as it is before any answer, with the same exit status: the transport ends with it at the
     * client's next line or at the end of input, and when the gateway serves the process's own standard input the
     * process ends at once (nothing else would end a read waiting for a client that waits for an answer).
     */
    private int serveStdio(ServerStart start, InputStream in, Duration grace) {
        CompletableFuture<McpServer> starting = new CompletableFuture<>();
        Thread starter = new Thread(
                () -> {
                    try {
                        Started started = server(start);
                        starting.complete(started.server());
                        // The first call's set-up (HTTP client, validator) once the start no longer needs the CPU.
                        warmUpThenCollect(started.tools());
                    } catch (RuntimeException e) {
                        int code = failed(e);
                        starting.completeExceptionally(new ReportedFailure(code));
                        if (in instanceof ProcessInput) {
                            out.flush();
                            System.exit(code);
                        }
                    } catch (Error e) {
                        starting.completeExceptionally(e);
                        throw e;
                    }
                },
                "apigw-mcp-start");
        starter.setDaemon(true);
        starter.start();
        return new StdioTransport(starting, start.options(), in, out, grace).run();
    }

    /**
     * Starts the tool service's warm-up and asks for one full collection when it is done. The start (the catalog,
     * the first list, the HTTP client's TLS set-up, the validator's meta-schemas) leaves tens of megabytes of
     * garbage in heap regions the collector touched once and would keep resident for the life of the process; one
     * collection then lets the heap shrink to what is live and return the rest, for one short pause.
     * {@code -XX:+DisableExplicitGC} turns it off.
     */
    private static void warmUpThenCollect(ToolService tools) {
        tools.warmUp().whenComplete((done, failure) -> System.gc());
    }

    /** The process's standard input, as {@link #launch} hands it to the gateway. */
    private static final class ProcessInput extends FilterInputStream {
        ProcessInput(InputStream in) {
            super(in);
        }
    }

    /** Whether {@code /metrics} is served: only on the HTTP transport, and never in place of the MCP endpoint. */
    private static boolean prometheus(Settings settings, HttpOptions http) {
        if (!prometheusAsked(settings)) {
            return false;
        }
        if (http == null) {
            throw new SettingsException("--" + GatewaySettings.METRICS_PROMETHEUS.name()
                    + " serves /metrics over HTTP; use it with --transport http");
        }
        if (http.path().equals("/metrics")) {
            throw new SettingsException("--path is /metrics, where --" + GatewaySettings.METRICS_PROMETHEUS.name()
                    + " serves the metrics; choose another MCP path");
        }
        return true;
    }

    /** {@code --metrics.prometheus}: true or false, else a wrong setting. */
    private static boolean prometheusAsked(Settings settings) {
        String raw =
                settings.get(GatewaySettings.METRICS_PROMETHEUS).orElse("false").trim();
        if (!raw.equals("true") && !raw.equals("false")) {
            throw new SettingsException("--" + GatewaySettings.METRICS_PROMETHEUS.name() + " ("
                    + GatewaySettings.METRICS_PROMETHEUS.environmentVariable() + ") must be true or false, got \""
                    + raw + "\"");
        }
        return raw.equals("true");
    }

    /**
     * What an entry point other than {@link #run} serves (AWS Lambda's handler): the MCP server over the tool
     * service and the HTTP endpoint's settings, from the same settings, checks and environment ({@code --transport},
     * {@code --host} and {@code --port} aside, which such an entry point has no use for). Throws {@link
     * SettingsException} for a wrong setting (exit status 2) and {@link StartupException} for anything missing.
     */
    public Assembly assemble(String[] args) {
        Loaded loaded = load(args);
        Settings settings = loaded.settings();
        ServerOptions serverOptions = serverOptions(settings);
        // No socket is bound, so no bind address to check: the platform in front decides who reaches the endpoint.
        InboundConfig inbound = InboundConfig.read(settings, "http", null);
        HttpOptions http =
                httpOptions(settings, inbound.publicHost()).withSealing(sessionSealing(settings, environment));
        if (prometheusAsked(settings)) {
            throw new SettingsException("--" + GatewaySettings.METRICS_PROMETHEUS.name() + " serves /metrics from the"
                    + " HTTP transport, which this entry point does not run; leave it false and export with OTEL_*");
        }
        // Telemetry as run() makes it, without /metrics: the call log's format, the counters, OpenTelemetry when
        // OTEL_* configures an exporter.
        GatewayTelemetry telemetry = GatewayTelemetry.create(
                new TelemetryOptions(loaded.logFormat(), false, "http", environment, err, Clock.systemUTC()));
        SearchSettings search = SearchSettings.from(settings);
        ToolService tools = SearchingToolService.around(
                loaded.factory().create(settings, environment, telemetry), search, telemetry);
        tools.warmUp();
        return new Assembly(
                new McpServer(tools, serverOptions, inbound.listsVaryByCaller(), telemetry::callRefused),
                http,
                tools,
                settings,
                inbound,
                telemetry);
    }

    /**
     * The gateway {@link #assemble} made.
     *
     * @param server    the MCP server over the tool service
     * @param http      the endpoint's settings: Host and Origin lists, body limit, sessions (portable with a key)
     * @param tools     the tool service, to close when done
     * @param settings  every setting, for the entry point's own
     * @param inbound   inbound authorization as configured
     * @param telemetry the calls' log line, counters and OpenTelemetry export, to close when done (it flushes the
     *                  last spans)
     */
    public record Assembly(
            McpServer server,
            HttpOptions http,
            ToolService tools,
            Settings settings,
            InboundConfig inbound,
            GatewayTelemetry telemetry) {}

    private record Loaded(
            CommandLine commandLine, Settings settings, ToolServiceFactory factory, LogFormat logFormat) {}

    private List<Setting> knownSettings() {
        List<Setting> known = new ArrayList<>(GatewaySettings.ALL);
        known.addAll(InboundSettings.declared());
        known.addAll(SearchSettings.ALL);
        factories.forEach(factory -> known.addAll(factory.settings()));
        return known;
    }

    /** The settings, logging configured, the tool service chosen and every named target checked. */
    private Loaded load(String[] args) {
        CommandLine commandLine = new SettingsLoader(knownSettings()).load(args, environment);
        Settings settings = commandLine.settings();
        LogFormat logFormat = configureLogging(settings);
        ToolServiceFactory factory = chooseFactory(settings);
        TargetNameCheck.check(commandLine, factory.targets());
        return new Loaded(commandLine, settings, factory, logFormat);
    }

    /** One line per problem, each marked as the gateway's. */
    private void report(List<String> problems) {
        problems.forEach(problem -> err.println("apigw-mcp: " + problem));
        err.flush();
    }

    private static void close(ToolService tools) {
        if (tools instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // stopping anyway
            }
        }
    }

    private ToolServiceFactory chooseFactory(Settings settings) {
        if (factories.isEmpty()) {
            throw new StartupException(List.of("this jar holds no tool service (the apigw-mcp runtime is missing from"
                    + " the class path); add the runtime and the generated tools"));
        }
        String wanted = settings.get(GatewaySettings.TOOL_SERVICE).orElse(null);
        if (wanted == null) {
            if (factories.size() > 1) {
                throw new SettingsException("several tool services are on the classpath ("
                        + factories.stream()
                                .map(ToolServiceFactory::name)
                                .sorted()
                                .collect(Collectors.joining(", "))
                        + "); choose one with --tool-service");
            }
            return factories.get(0);
        }
        return factories.stream()
                .filter(factory -> factory.name().equals(wanted))
                .findFirst()
                .orElseThrow(() ->
                        new SettingsException("--tool-service \"" + wanted + "\" is not on the classpath; available: "
                                + factories.stream()
                                        .map(ToolServiceFactory::name)
                                        .sorted()
                                        .collect(Collectors.joining(", "))));
    }

    private void listTools(List<ToolListing> listings) {
        for (ToolListing listing : listings) {
            ObjectNode tool = listing.definition();
            JsonNode description = tool.get("description");
            String first = description == null
                    ? ""
                    : description.asString().strip().lines().findFirst().orElse("");
            out.println(tool.get("name").asString() + (first.isEmpty() ? "" : "  " + first));
        }
        out.flush();
    }

    /**
     * Serves until the process is stopped. The handler in front of the endpoint ({@link InboundGate}: health,
     * and inbound authorization when configured) reads the issuer first, so an unreachable issuer stops the start.
     * A stop (SIGTERM) closes the port at once, marks the gateway not ready and gives calls in flight up to
     * {@code grace} to finish before the rest are cancelled; then the last spans and metrics are flushed.
     * {@code /metrics}, when asked for, is served behind the same gate as the endpoint.
     */
    private int serveHttp(
            McpServer server,
            HttpOptions options,
            InboundConfig inbound,
            Duration grace,
            ToolService tools,
            GatewayTelemetry telemetry) {
        Readiness readiness = new Readiness();
        InboundGate gate = inbound.gate(options.path(), readiness);
        HttpTransport transport =
                new HttpTransport(server, options, gate, telemetry.prometheus().orElse(null));
        try {
            transport.start();
        } catch (Exception e) {
            gate.close();
            throw new StartupException(List.of(ListenFailure.describe(options.host(), options.port(), e)));
        }
        if (inbound.exposed()) {
            err.println("apigw-mcp: warning: serving " + options.host() + " without inbound authorization ("
                    + "--" + InboundSettings.NONE.name() + " true): anyone who can reach port " + transport.port()
                    + " can call every tool");
        }
        err.println("apigw-mcp: serving MCP on " + transport.endpoint()
                + (gate.authorizes() ? " (bearer tokens required)" : ""));
        readiness.ready();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            readiness.stopping();
                            err.println("apigw-mcp: stopping: the port is closed, calls in flight have up to "
                                    + grace.toSeconds() + " s to finish");
                            try {
                                transport.shutdown(grace);
                            } catch (Exception e) {
                                // shutting down anyway
                            }
                            gate.close();
                            close(tools);
                            // Telemetry: a process ends while serving HTTP, so the last spans are flushed here.
                            telemetry.close();
                            err.println("apigw-mcp: stopped");
                            err.flush();
                        },
                        "mcp-http-shutdown"));
        try {
            transport.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    static ServerOptions serverOptions(Settings settings) {
        Package pkg = Gateway.class.getPackage();
        String version =
                pkg != null && pkg.getImplementationVersion() != null ? pkg.getImplementationVersion() : "0.1.0";
        return new ServerOptions(
                "apigw-mcp",
                version,
                settings.get(GatewaySettings.INSTRUCTIONS).orElse(null),
                (int) GatewaySettings.integer(settings, GatewaySettings.PAGE_SIZE, 1, 100_000),
                GatewaySettings.integer(settings, GatewaySettings.LIST_TTL_MS, 0, Integer.MAX_VALUE),
                (int) GatewaySettings.integer(settings, GatewaySettings.MAX_CALLS_PER_SESSION, 1, 100_000),
                (int) GatewaySettings.integer(settings, GatewaySettings.MAX_BATCH_REQUESTS, 1, 100_000));
    }

    /** @param publicHost the host of the gateway's public URL ({@code inbound.resource}), an allowed Host too */
    static HttpOptions httpOptions(Settings settings, Optional<String> publicHost) {
        String path = settings.get(GatewaySettings.PATH).orElse("/mcp");
        if (!path.startsWith("/")) {
            throw new SettingsException("--path (" + GatewaySettings.PATH.environmentVariable()
                    + ") must start with '/', got \"" + path + "\"");
        }
        Set<String> hosts = new HashSet<>();
        GatewaySettings.list(settings, GatewaySettings.ALLOWED_HOSTS)
                .forEach(host -> hosts.add(host.toLowerCase(java.util.Locale.ROOT)));
        String bind = settings.get(GatewaySettings.HOST).orElse("127.0.0.1");
        if (!bind.equals("0.0.0.0") && !bind.equals("::")) {
            hosts.add(bind.toLowerCase(java.util.Locale.ROOT)); // clients may address the server by its bind address
        }
        publicHost.ifPresent(hosts::add);
        return new HttpOptions(
                bind,
                (int) GatewaySettings.integer(settings, GatewaySettings.PORT, 0, 65535),
                path,
                GatewaySettings.integer(settings, GatewaySettings.MAX_REQUEST_BYTES, 1, Integer.MAX_VALUE),
                (int) GatewaySettings.integer(settings, GatewaySettings.MAX_SESSIONS, 1, 1_000_000),
                Duration.ofSeconds(
                        GatewaySettings.integer(settings, GatewaySettings.SESSION_IDLE_SECONDS, 1, 7L * 24 * 3600)),
                Set.copyOf(GatewaySettings.list(settings, GatewaySettings.ALLOWED_ORIGINS)),
                hosts,
                (int) GatewaySettings.integer(settings, GatewaySettings.HTTP_THREADS, 4, 1000),
                Duration.ofSeconds(GatewaySettings.integer(settings, GatewaySettings.IDLE_TIMEOUT_SECONDS, 1, 86_400)),
                clientLimits(settings));
    }

    /**
     * Portable legacy sessions when a session key is configured ({@code session.key-file} or {@code
     * session.key-env}), else {@code null}. A key that is missing or malformed stops the start (never showing it).
     */
    static SessionSealing sessionSealing(Settings settings, Map<String, String> environment) {
        Duration maxAge = Duration.ofSeconds(
                GatewaySettings.integer(settings, GatewaySettings.SESSION_MAX_AGE_SECONDS, 60, 30L * 24 * 3600));
        String file = settings.get(GatewaySettings.SESSION_KEY_FILE)
                .filter(value -> !value.isBlank())
                .orElse(null);
        String variable = settings.get(GatewaySettings.SESSION_KEY_ENV)
                .filter(value -> !value.isBlank())
                .orElse(null);
        if (file != null && variable != null) {
            throw new SettingsException("--" + GatewaySettings.SESSION_KEY_FILE.name() + " and --"
                    + GatewaySettings.SESSION_KEY_ENV.name() + " are both set; set one of them");
        }
        if (file == null && variable == null) {
            return null;
        }
        String source;
        String text;
        if (file != null) {
            source =
                    "session key file " + file.trim() + " (named by --" + GatewaySettings.SESSION_KEY_FILE.name() + ")";
            try {
                text = Files.readString(Path.of(file.trim()), StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                throw new StartupException(List.of("cannot read the " + source + ": " + FailureReason.describe(e)));
            }
        } else {
            source = "environment variable " + variable.trim() + " (named by --"
                    + GatewaySettings.SESSION_KEY_ENV.name() + ")";
            text = environment.get(variable.trim());
            if (text == null) {
                throw new StartupException(List.of("the " + source + " is not set"));
            }
        }
        try {
            return new SessionSealing(SessionKeys.parse(text, "the " + source), maxAge);
        } catch (IllegalArgumentException e) {
            throw new StartupException(List.of(e.getMessage()));
        }
    }

    static ClientLimits clientLimits(Settings settings) {
        return new ClientLimits(
                Duration.ofMillis(
                        GatewaySettings.integer(settings, GatewaySettings.REQUEST_READ_IDLE_MS, 100, 3_600_000)),
                Duration.ofMillis(
                        GatewaySettings.integer(settings, GatewaySettings.REQUEST_READ_TIMEOUT_MS, 100, 3_600_000)),
                (int) GatewaySettings.integer(settings, GatewaySettings.MAX_SESSIONS_PER_CLIENT, 1, 1_000_000),
                Duration.ofSeconds(
                        GatewaySettings.integer(settings, GatewaySettings.SESSION_UNUSED_SECONDS, 1, 7L * 24 * 3600)),
                (int) GatewaySettings.integer(settings, GatewaySettings.MAX_CALLS_PER_CLIENT, 1, 100_000));
    }

    /**
     * slf4j-simple reads its configuration once, at first use; set it before any logger exists. Jetty's
     * informational lines (version, start-up) are noise next to the per-call lines, so it logs warnings only. At
     * debug, Jetty's client and server write every request's headers (the API key, the SigV4 and bearer
     * Authorization, an inbound access token) and the AWS signer its canonical request (the key again): so neither
     * follows --log-level below warn / info, and debugging never puts a credential in the log.
     */
    private static LogFormat configureLogging(Settings settings) {
        String level = settings.get(GatewaySettings.LOG_LEVEL).orElse("info");
        if (!Set.of("error", "warn", "info", "debug", "trace").contains(level)) {
            throw new SettingsException("--log-level (" + GatewaySettings.LOG_LEVEL.environmentVariable()
                    + ") must be error, warn, info, debug or trace, got \"" + level + "\"");
        }
        String format = settings.get(GatewaySettings.LOG_FORMAT).orElse("text").trim();
        if (!format.equals("text") && !format.equals("json")) {
            throw new SettingsException("--log-format (" + GatewaySettings.LOG_FORMAT.environmentVariable()
                    + ") must be text or json, got \"" + format + "\"");
        }
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
        boolean debugging = level.equals("debug") || level.equals("trace");
        System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", level.equals("error") ? "error" : "warn");
        System.setProperty("org.slf4j.simpleLogger.log.software.amazon.awssdk.http", debugging ? "info" : level);
        // The upstream client's selector, stopped just after it started (a start that fails at once, such as on a
        // busy port), warns "select() failure java.nio.channels.ClosedSelectorException" before the user's one line:
        // nothing anyone can act on.
        System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty.io.ManagedSelector", "error");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        return format.equals("json") ? LogFormat.JSON : LogFormat.TEXT;
    }
}
