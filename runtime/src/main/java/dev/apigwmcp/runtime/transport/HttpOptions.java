package dev.apigwmcp.runtime.transport;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Settings of the Streamable HTTP transport.
 *
 * @param host            interface to bind (127.0.0.1 by default: never exposed unless asked)
 * @param port            port, 0 for any free one
 * @param path            the one MCP endpoint, for example {@code /mcp}
 * @param maxRequestBytes largest accepted request body; larger gets 413
 * @param maxSessions     cap on live legacy sessions (at the cap an idle one makes room)
 * @param sessionIdle     a legacy session with no request and no call running for this long expires
 * @param allowedOrigins  extra allowed {@code Origin} values (exact, e.g. {@code https://app.example.com})
 * @param allowedHosts    extra allowed {@code Host} names (loopback names are always allowed)
 * @param maxThreads      Jetty worker threads
 * @param idleTimeout     idle timeout of a keep-alive connection between requests
 * @param clientLimits    limits against slow and hostile clients
 * @param sealing         portable legacy sessions (ids sealed with keys the replicas share), or {@code null}: sessions
 *                        live in this process
 */
public record HttpOptions(
        String host,
        int port,
        String path,
        long maxRequestBytes,
        int maxSessions,
        Duration sessionIdle,
        Set<String> allowedOrigins,
        Set<String> allowedHosts,
        int maxThreads,
        Duration idleTimeout,
        ClientLimits clientLimits,
        SessionSealing sealing) {
    /** Settings with sessions held in this process. */
    public HttpOptions(
            String host,
            int port,
            String path,
            long maxRequestBytes,
            int maxSessions,
            Duration sessionIdle,
            Set<String> allowedOrigins,
            Set<String> allowedHosts,
            int maxThreads,
            Duration idleTimeout,
            ClientLimits clientLimits) {
        this(
                host,
                port,
                path,
                maxRequestBytes,
                maxSessions,
                sessionIdle,
                allowedOrigins,
                allowedHosts,
                maxThreads,
                idleTimeout,
                clientLimits,
                null);
    }

    public HttpOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(clientLimits, "clientLimits");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/', got \"" + path + "\"");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (maxRequestBytes < 1) {
            throw new IllegalArgumentException("max request bytes must be positive, got " + maxRequestBytes);
        }
        if (maxThreads < 4) {
            throw new IllegalArgumentException("max threads must be at least 4, got " + maxThreads);
        }
        allowedOrigins = Set.copyOf(allowedOrigins);
        allowedHosts = Set.copyOf(allowedHosts);
    }

    public static HttpOptions defaults() {
        return new HttpOptions(
                "127.0.0.1",
                8080,
                "/mcp",
                4L << 20,
                1000,
                Duration.ofMinutes(30),
                Set.of(),
                Set.of(),
                32,
                Duration.ofMinutes(2),
                ClientLimits.defaults());
    }

    public HttpOptions withPort(int newPort) {
        return new HttpOptions(
                host,
                newPort,
                path,
                maxRequestBytes,
                maxSessions,
                sessionIdle,
                allowedOrigins,
                allowedHosts,
                maxThreads,
                idleTimeout,
                clientLimits,
                sealing);
    }

    public HttpOptions withClientLimits(ClientLimits limits) {
        return new HttpOptions(
                host,
                port,
                path,
                maxRequestBytes,
                maxSessions,
                sessionIdle,
                allowedOrigins,
                allowedHosts,
                maxThreads,
                idleTimeout,
                limits,
                sealing);
    }

    /** These settings with portable sessions ({@code null}: sessions held in this process). */
    public HttpOptions withSealing(SessionSealing portable) {
        return new HttpOptions(
                host,
                port,
                path,
                maxRequestBytes,
                maxSessions,
                sessionIdle,
                allowedOrigins,
                allowedHosts,
                maxThreads,
                idleTimeout,
                clientLimits,
                portable);
    }

    /** The sessions these settings describe: in this process, or portable. */
    Sessions sessions(LongSupplier nanoClock, LongSupplier epochSeconds) {
        SessionStore local = new SessionStore(
                maxSessions,
                clientLimits.maxSessionsPerClient(),
                sessionIdle,
                clientLimits.unusedSessionIdle(),
                nanoClock);
        return sealing == null
                ? local
                : new PortableSessions(local, sealing.keys(), sealing.maxAge(), epochSeconds, maxSessions);
    }
}
