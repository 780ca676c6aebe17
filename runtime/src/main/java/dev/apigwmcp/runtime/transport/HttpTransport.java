package dev.apigwmcp.runtime.transport;

import dev.apigwmcp.runtime.config.JettyDefaults;
import dev.apigwmcp.runtime.protocol.McpServer;
import dev.apigwmcp.runtime.telemetry.MetricsRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** MCP Streamable HTTP on an embedded Jetty 12 server (core handler, no servlets). */
public final class HttpTransport implements AutoCloseable {
    /**
     * The request attribute holding the request's {@link dev.apigwmcp.runtime.tools.Caller}, set by the handler in
     * front of the MCP endpoint (inbound authorization); without one the request is served as
     * {@link dev.apigwmcp.runtime.tools.Caller#LOCAL}.
     */
    public static final String CALLER_ATTRIBUTE = "dev.apigwmcp.runtime.caller";
    /** How often the read deadlines are checked, at most; finer for short deadlines. */
    private static final long MAX_SWEEP_MILLIS = 500;

    private final HttpOptions options;
    private final Server jetty;
    private final ServerConnector connector;
    private final QueuedThreadPool threads;
    private final Sessions sessions;
    private final ScheduledExecutorService timer;
    private final Heartbeats heartbeats;
    private final ReadDeadlines deadlines;
    private final ClientCallBudgets budgets;
    private final GracefulHandler graceful;

    public HttpTransport(McpServer server, HttpOptions options) {
        this(server, options, null, null, null);
    }

    /**
     * @param front a handler in front of the MCP endpoint (inbound authorization, health), or {@code null}: it sees
     *              every request first, may answer it, and passes the rest on, with {@link #CALLER_ATTRIBUTE} set
     */
    public HttpTransport(McpServer server, HttpOptions options, Handler.Wrapper front) {
        this(server, options, front, null, null);
    }

    /**
     * Serves MCP behind {@code front} and, when {@code metrics} is given, its Prometheus text at {@code /metrics}
     * on the same connector (so never beyond the bind address), behind the same front handler (a bearer token
     * when inbound authorization is on) and the same Host and Origin checks.
     */
    public HttpTransport(McpServer server, HttpOptions options, Handler.Wrapper front, MetricsRegistry metrics) {
        this(server, options, front, metrics, null);
    }

    /**
     * For tests: worker threads a burst started all end {@code threadIdle} after it (Jetty's default: one a minute),
     * so that a test can see the thread count back at idle.
     */
    HttpTransport(McpServer server, HttpOptions options, Duration threadIdle) {
        this(server, options, null, null, threadIdle);
    }

    private HttpTransport(
            McpServer server,
            HttpOptions options,
            Handler.Wrapper front,
            MetricsRegistry metrics,
            Duration threadIdle) {
        this.options = options;
        ClientLimits limits = options.clientLimits();
        JettyDefaults.apply();
        this.threads = new QueuedThreadPool(options.maxThreads(), 2);
        if (threadIdle != null) {
            threads.setIdleTimeout((int) threadIdle.toMillis());
            threads.setMaxEvictCount(options.maxThreads());
        }
        threads.setName("mcp-http");
        threads.setDaemon(true);
        this.jetty = new Server(threads);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendDateHeader(false);
        this.connector = new ServerConnector(jetty, 1, 1, new HttpConnectionFactory(config));
        connector.setHost(options.host());
        connector.setPort(options.port());
        connector.setIdleTimeout(options.idleTimeout().toMillis());
        // Stopping, connections close within a tenth of a second (shutdown has waited for requests in flight).
        connector.setShutdownIdleTimeout(100);
        jetty.addConnector(connector);
        // One timer thread for every periodic check: heartbeats, read deadlines, session expiry.
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mcp-http-timer");
            thread.setDaemon(true);
            return thread;
        });
        this.deadlines = new ReadDeadlines(limits.readIdle(), limits.readTimeout(), System::nanoTime);
        connector.addEventListener(deadlines);
        long sweep = Math.max(10, Math.min(MAX_SWEEP_MILLIS, limits.readIdle().toMillis() / 10));
        timer.scheduleWithFixedDelay(deadlines::sweep, sweep, sweep, TimeUnit.MILLISECONDS);
        this.sessions = options.sessions(System::nanoTime, () -> System.currentTimeMillis() / 1000);
        timer.scheduleWithFixedDelay(sessions::reap, 1, 1, TimeUnit.SECONDS);
        this.budgets = new ClientCallBudgets(limits.maxCallsPerClient());
        // A call still running after half a second is kept alive (and watched) by heartbeats; a client that has not
        // read
        // one for a read-idle period is treated as gone.
        this.heartbeats = new Heartbeats(timer, Duration.ofMillis(500), limits.readIdle());
        McpEndpoint endpoint = new McpEndpoint(server, options, sessions, budgets);
        Handler mcp = new McpHttpHandler(endpoint, options.path(), heartbeats, deadlines, metrics);
        if (front != null) {
            front.setHandler(mcp);
            mcp = front;
        }
        // Counts requests in flight, so that shutdown waits for them (and answers new ones 503 meanwhile).
        this.graceful = new GracefulHandler();
        graceful.setHandler(new CrossOrigin(endpoint, options.path(), mcp));
        jetty.setHandler(graceful);
        jetty.setStopTimeout(2_000);
        jetty.setErrorHandler(new JettyErrors(options.path()));
    }

    /**
     * Binds and starts serving. On failure everything started so far is stopped again (no stray threads) and the
     * exception is passed on; {@link ListenFailure#describe} turns it into the line for the user.
     */
    public HttpTransport start() throws Exception {
        try {
            jetty.start();
        } catch (Exception e) {
            try {
                close();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return this;
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** The endpoint URL clients use. */
    public URI endpoint() {
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return URI.create("http://" + host + ":" + port() + options.path());
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        jetty.join();
    }

    /** Jetty worker threads running a task now (for tests: slow clients must not hold them). */
    int busyThreads() {
        return threads.getBusyThreads();
    }

    /** Connections open now (for tests). */
    int openConnections() {
        return deadlines.openConnections();
    }

    /** Legacy sessions alive now (for tests). */
    int sessionCount() {
        return sessions.size();
    }

    /** Tool calls in flight from {@code address} (for tests). */
    int callsInFlight(String address) {
        return budgets.inFlight(address);
    }

    /**
     * Stops gracefully: the port closes at once (no new connection), requests already received get up to
     * {@code grace} to be answered (new requests on open connections get 503), then whatever still runs is
     * cancelled as {@link #close()} does.
     */
    public void shutdown(Duration grace) throws Exception {
        connector.close();
        try {
            graceful.shutdown().get(Math.max(1, grace.toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // the grace period is over: close() cancels what still runs
        } finally {
            close();
        }
    }

    @Override
    public void close() throws Exception {
        sessions.closeAll();
        heartbeats.close();
        timer.shutdownNow();
        jetty.stop();
    }
}
