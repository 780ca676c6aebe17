package dev.apigwmcp.runtime.transport;

import dev.apigwmcp.runtime.protocol.JsonRpc;
import dev.apigwmcp.runtime.protocol.McpServer;
import dev.apigwmcp.runtime.protocol.RpcError;
import dev.apigwmcp.runtime.telemetry.MetricsRegistry;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import java.net.URI;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** MCP Streamable HTTP on an embedded Jetty 12 server (core handler, no servlets). */
public final class HttpTransport implements AutoCloseable {
    private final HttpOptions options;
    private final Server jetty;
    private final ServerConnector connector;
    private final SessionStore sessions;
    private final Heartbeats heartbeats;

    public HttpTransport(McpServer server, HttpOptions options) {
        this(server, options, null);
    }

    /**
     * Serves MCP and, when {@code metrics} is given, its Prometheus text at {@code /metrics} on the same
     * connector (so never beyond the bind address) behind the same Host and Origin checks.
     */
    public HttpTransport(McpServer server, HttpOptions options, MetricsRegistry metrics) {
        this.options = options;
        QueuedThreadPool threads = new QueuedThreadPool(options.maxThreads(), 2);
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
        jetty.addConnector(connector);
        this.sessions = new SessionStore(options.maxSessions(), options.sessionIdle(), System::nanoTime);
        // A call still running after a second on an SSE-capable request is kept alive (and watched) by comments.
        this.heartbeats = new Heartbeats(Duration.ofSeconds(1));
        jetty.setHandler(new McpHttpHandler(server, options, sessions, heartbeats, metrics));
        jetty.setStopTimeout(2_000);
        // Jetty's own error pages (unknown path, unexpected failure) become a short JSON-RPC error: no HTML, no trace.
        jetty.setErrorHandler((request, response, callback) -> {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.write(true, ByteBuffer.wrap(JsonRpc.error(null, RpcError.of(
                    response.getStatus() == HttpStatus.NOT_FOUND_404 ? JsonRpc.INVALID_REQUEST : JsonRpc.INTERNAL_ERROR,
                    response.getStatus() == HttpStatus.NOT_FOUND_404 ? "Not found: the MCP endpoint is " + options.path() : "Internal error"))),
                    callback);
            return true;
        });
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

    @Override
    public void close() throws Exception {
        sessions.closeAll();
        heartbeats.close();
        jetty.stop();
    }
}
