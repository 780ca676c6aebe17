package dev.apigwmcp.runtime.transport;

import dev.apigwmcp.runtime.protocol.McpServer;
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

    public HttpTransport(McpServer server, HttpOptions options) {
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
        jetty.setHandler(new McpHttpHandler(server, options, sessions));
        jetty.setStopTimeout(2_000);
    }

    /** Binds and starts serving; fails with a clear message when the port is taken. */
    public HttpTransport start() throws Exception {
        jetty.start();
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
        jetty.stop();
    }
}
