package dev.apigwmcp.runtime.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.apigwmcp.runtime.ExitCode;
import dev.apigwmcp.runtime.Gateway;
import dev.apigwmcp.runtime.ToolServiceFactory;
import dev.apigwmcp.runtime.config.FailureReason;
import dev.apigwmcp.runtime.config.GatewaySettings;
import dev.apigwmcp.runtime.config.SettingsException;
import dev.apigwmcp.runtime.execution.StartupException;
import dev.apigwmcp.runtime.inbound.InboundCheck;
import dev.apigwmcp.runtime.protocol.CallScope;
import dev.apigwmcp.runtime.protocol.CancelReason;
import dev.apigwmcp.runtime.protocol.NotificationSink;
import dev.apigwmcp.runtime.tools.Caller;
import dev.apigwmcp.runtime.transport.McpEndpoint;
import dev.apigwmcp.runtime.transport.RequestHead;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway as an AWS Lambda function ({@code dev.apigwmcp.runtime.lambda.LambdaHandler::handleRequest}): MCP
 * Streamable HTTP requests arrive as function URL / HTTP API events (payload 2.0) or REST API events (payload 1.0)
 * and get JSON answers (a buffered response has no use for SSE, so progress is not sent). The endpoint's rules are
 * the HTTP transport's ({@link McpEndpoint}): Origin and Host checks (the host AWS routed the request by counts as
 * allowed), the body limit, both eras, portable legacy sessions with a session key (without one,
 * {@code initialize} is refused, as each execution environment is a replica of its own), and inbound authorization
 * ({@code --inbound.jwt.*}: the same bearer token check, challenge and protected resource metadata, through
 * {@link InboundCheck}). Settings come from the {@code APIGW_MCP_*} environment variables, as for the jar.
 *
 * <p>Everything that can be done before a request is done once per execution environment, in the constructor,
 * which Lambda runs in its init phase (and SnapStart snapshots): settings, the catalog, credentials, and a first
 * pass through the protocol code ({@link Priming}). A call that would outlive the function's timeout is cancelled a
 * second before it, so that the client still gets an answer.
 *
 * <p>A local entry point runs one event: {@code java -cp <gateway>.jar dev.apigwmcp.runtime.lambda.LambdaHandler
 * --event FILE [settings]} prints the response event.
 */
public final class LambdaHandler implements RequestStreamHandler {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Left of the function's time when a call is cancelled, to answer before Lambda stops the environment. */
    private static final long ANSWER_MARGIN_MILLIS = 1_000;

    private static final long LOCAL_TIMEOUT_MILLIS = 15 * 60 * 1000;

    private final McpEndpoint endpoint;
    private final InboundCheck inbound;

    /** What Lambda calls: settings from the environment, tool services from the classpath. */
    public LambdaHandler() {
        this(factories(), System.getenv(), new String[0], System.err);
    }

    /**
     * A handler over these tool services, environment and settings. Problems with the settings stop it with a
     * {@link LambdaStartupException} after one {@code apigw-mcp:} line each on {@code err}.
     */
    LambdaHandler(List<ToolServiceFactory> factories, Map<String, String> environment, String[] args, PrintStream err) {
        Gateway.Assembly assembly;
        try {
            assembly = new Gateway(factories, environment, err, err).assemble(args);
            // With inbound authorization, reads the issuer now: once per execution environment, in the init phase.
            this.inbound = assembly.inbound().check(assembly.http().path());
        } catch (SettingsException e) {
            throw LambdaStartupException.report(e.problems(), ExitCode.BAD_SETTINGS, err);
        } catch (StartupException e) {
            throw LambdaStartupException.report(
                    e.problems(), e.badSettings() ? ExitCode.BAD_SETTINGS : ExitCode.CANNOT_START, err);
        }
        this.endpoint = McpEndpoint.replicated(assembly.server(), assembly.http());
        if (assembly.http().sealing() == null) {
            err.println("apigw-mcp: no session key (--session.key-file or --session.key-env): legacy (initialize)"
                    + " clients are refused; 2026-07-28 clients need none");
        }
        String prime = assembly.settings().get(GatewaySettings.LAMBDA_PRIME).orElse("true");
        if (!prime.equals("true") && !prime.equals("false")) {
            throw LambdaStartupException.report(
                    List.of("--" + GatewaySettings.LAMBDA_PRIME.name() + " ("
                            + GatewaySettings.LAMBDA_PRIME.environmentVariable() + ") must be true or false, got \""
                            + prime + "\""),
                    ExitCode.BAD_SETTINGS,
                    err);
        }
        if (prime.equals("true")) {
            new Priming(this, assembly.tools()).run();
        }
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long remaining = context == null ? LOCAL_TIMEOUT_MILLIS : context.getRemainingTimeInMillis();
        output.write(handle(input.readAllBytes(), remaining));
        output.flush();
    }

    /** The response event for one request event, answered within {@code remainingMillis}. */
    byte[] handle(byte[] eventBytes, long remainingMillis) {
        return handle(eventBytes, remainingMillis, true);
    }

    /**
     * @param authorize {@code false} only for {@link Priming}'s made-up events at init, which no client sends and
     *                  which carry no token: they go on as the local caller, so that priming warms the protocol code
     *                  with inbound authorization on too
     */
    byte[] handle(byte[] eventBytes, long remainingMillis, boolean authorize) {
        HttpEvent event;
        try {
            event = HttpEvent.parse(JSON.readTree(eventBytes));
        } catch (JacksonException | IllegalArgumentException e) {
            String why = e instanceof JacksonException ? "the event is not JSON" : e.getMessage();
            return ResponseEvent.of(McpEndpoint.plainError(400, "Bad request: " + why));
        }
        if (!authorize) {
            return ResponseEvent.of(answer(event, Caller.LOCAL, remainingMillis));
        }
        InboundCheck.Outcome outcome = inbound.check(
                event.method(), event.path(), "https", authority(event), event.authorization(), headers(event));
        if (outcome instanceof InboundCheck.Answer refusedOrMetadata) {
            return ResponseEvent.of(refusedOrMetadata);
        }
        return ResponseEvent.of(answer(event, ((InboundCheck.Pass) outcome).caller(), remainingMillis));
    }

    /** The authority the client addressed: function URLs and API Gateway are served over HTTPS only. */
    private static String authority(HttpEvent event) {
        String host = event.headers().get("host");
        return host != null ? host : event.domainName() != null ? event.domainName() : "localhost";
    }

    private static Map<String, List<String>> headers(HttpEvent event) {
        Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
        event.headers().forEach((name, value) -> headers.put(name, List.of(value)));
        return headers;
    }

    private McpEndpoint.Answer answer(HttpEvent event, Caller caller, long remainingMillis) {
        RequestHead head = new EventHead(event);
        McpEndpoint.Answer screened = endpoint.screen(head);
        if (screened != null) {
            return screened;
        }
        if ("DELETE".equals(event.method())) {
            return endpoint.delete(head);
        }
        if (event.bodyLength() > endpoint.maxRequestBytes()) {
            return endpoint.tooLarge();
        }
        byte[] body;
        try {
            body = event.bodyBytes();
        } catch (IllegalArgumentException e) {
            return McpEndpoint.plainError(400, "Bad request: the event's body is marked base64 but is not");
        }
        if (body.length > endpoint.maxRequestBytes()) {
            return endpoint.tooLarge();
        }
        CallScope scope = endpoint.scope(head);
        CompletableFuture<McpEndpoint.Answer> answer =
                endpoint.post(head, caller, body, scope, NotificationSink.DISCARD);
        try {
            return answer.get(Math.max(0, remainingMillis - ANSWER_MARGIN_MILLIS), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Cancelled, the call ends at once and its request is answered with the reason.
            scope.cancel(CancelReason.TIME_LIMIT);
            return answer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            scope.cancel(CancelReason.SHUTDOWN);
            return answer.join();
        } catch (ExecutionException e) {
            return McpEndpoint.plainError(500, "Internal error");
        }
    }

    /**
     * Runs one event from a file and prints the response event: {@code --event FILE}, then any setting as for the
     * jar. Exit status 0 with a response printed (whatever its status code), else as for the jar.
     */
    public static void main(String[] args) {
        PrintStream out = System.out;
        System.setOut(System.err);
        System.exit(runLocally(args, factories(), System.getenv(), out, System.err));
    }

    static int runLocally(
            String[] args,
            List<ToolServiceFactory> factories,
            Map<String, String> environment,
            PrintStream out,
            PrintStream err) {
        int at = Arrays.asList(args).indexOf("--event");
        if (at < 0 || at + 1 >= args.length) {
            err.println("apigw-mcp: usage: java -cp <gateway>.jar " + LambdaHandler.class.getName()
                    + " --event FILE [settings]");
            return ExitCode.BAD_SETTINGS.code();
        }
        Path file = Path.of(args[at + 1]);
        byte[] event;
        try {
            event = Files.readAllBytes(file);
        } catch (IOException e) {
            err.println("apigw-mcp: cannot read the event file " + file + ": " + FailureReason.describe(e));
            return ExitCode.BAD_SETTINGS.code();
        }
        List<String> settings = new ArrayList<>(Arrays.asList(args));
        settings.subList(at, at + 2).clear();
        long start = System.nanoTime();
        LambdaHandler handler;
        try {
            handler = new LambdaHandler(factories, environment, settings.toArray(String[]::new), err);
        } catch (LambdaStartupException e) {
            return e.exitCode().code();
        }
        long initialized = System.nanoTime();
        byte[] response = handler.handle(event, LOCAL_TIMEOUT_MILLIS);
        long answered = System.nanoTime();
        out.println(new String(response, StandardCharsets.UTF_8));
        out.flush();
        // What Lambda's REPORT line would call Init Duration (less the JVM's own start) and Duration.
        err.printf(
                "apigw-mcp: init %d ms, event %d ms (JVM up %d ms before init)%n",
                (initialized - start) / 1_000_000,
                (answered - initialized) / 1_000_000,
                ManagementFactory.getRuntimeMXBean().getUptime() - (System.nanoTime() - start) / 1_000_000);
        return ExitCode.OK.code();
    }

    private static List<ToolServiceFactory> factories() {
        List<ToolServiceFactory> factories = new ArrayList<>();
        ServiceLoader.load(ToolServiceFactory.class).forEach(factories::add);
        return factories;
    }

    /** An event as the endpoint reads it. */
    private record EventHead(HttpEvent event) implements RequestHead {
        @Override
        public String method() {
            return event.method();
        }

        @Override
        public String header(String name) {
            return event.headers().get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String host() {
            String host = event.headers().get("host");
            if (host == null) {
                return null;
            }
            int colon = host.startsWith("[") ? host.indexOf("]:") + 1 : host.indexOf(':');
            return colon > 0 ? host.substring(0, colon) : host;
        }

        @Override
        public String remoteAddress() {
            return event.sourceIp();
        }

        @Override
        public String routedHost() {
            return event.domainName();
        }
    }
}
