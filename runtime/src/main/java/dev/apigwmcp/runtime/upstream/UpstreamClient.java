package dev.apigwmcp.runtime.upstream;

import dev.apigwmcp.runtime.config.FailureReason;
import dev.apigwmcp.runtime.config.JettyDefaults;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpHeaders;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.ProxyAuthenticationProtocolHandler;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.client.WWWAuthenticationProtocolHandler;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * Sends {@link UpstreamRequest}s with one shared Jetty {@link HttpClient} (HTTP/1.1, pooled keep-alive connections,
 * TLS with the JVM's trust store and host name verification). The client is created on first use so that a
 * gateway that only lists tools never pays for it.
 *
 * <p>What it guarantees, each relied on by the call path: one deadline covers the whole exchange (connection,
 * headers and body; Jetty's total timeout), and when it passes the connection is closed; a request is sent exactly
 * once (no silent resend: retries are the caller's decision); redirects are never followed (they could carry
 * credentials to another host); the body is read up to the cap, then the connection is closed; the gateway asks
 * for {@code identity} and decodes gzip or deflate within the cap when an upstream compresses anyway;
 * interrupting the calling thread aborts the exchange and closes its connection.
 */
public final class UpstreamClient implements AutoCloseable {

    /** Headers the client sets itself (framing); a caller's copy is not sent. */
    private static final Set<String> CLIENT_MANAGED =
            Set.of("content-length", "connection", "expect", "upgrade", "transfer-encoding", "te", "keep-alive");
    /** Threads for I/O only: callers block on their own call threads, callbacks never block. */
    private static final int IO_THREADS = 16;
    /** {@code Name@1a2b3c}: an object's identity in a message. */
    private static final Pattern OBJECT_DUMP = Pattern.compile("\\w@[0-9a-f]{4,}");

    private final Duration connectTimeout;
    private final long maxResponseBytes;
    private final int maxConnectionsPerTarget;
    /** Read on every exchange without a lock; created, and cleared at close, under this object's lock. */
    private volatile HttpClient client;

    private java.net.http.HttpClient tokenClient;

    /**
     * @param connectTimeout          longest wait for a connection (within each call's deadline)
     * @param maxResponseBytes        the response body cap, after decoding
     * @param maxConnectionsPerTarget connections kept per upstream host and port
     */
    public UpstreamClient(Duration connectTimeout, long maxResponseBytes, int maxConnectionsPerTarget) {
        this.connectTimeout = connectTimeout;
        this.maxResponseBytes = maxResponseBytes;
        this.maxConnectionsPerTarget = maxConnectionsPerTarget;
    }

    public UpstreamClient(Duration connectTimeout, long maxResponseBytes) {
        this(connectTimeout, maxResponseBytes, 256);
    }

    /** Creates and starts the client now (a warm-up), so that the first call does not wait for it. */
    public void start() {
        client();
    }

    private HttpClient client() {
        HttpClient current = client;
        return current != null ? current : created();
    }

    private synchronized HttpClient created() {
        if (client == null) {
            JettyDefaults.apply();
            QueuedThreadPool threads = new QueuedThreadPool(IO_THREADS, 1);
            threads.setName("apigw-mcp-upstream");
            threads.setDaemon(true);
            threads.setReservedThreads(0);
            ClientConnector connector = new ClientConnector();
            connector.setSelectors(1);
            connector.setConnectTimeout(connectTimeout);
            HttpClientTransportOverHTTP transport = new HttpClientTransportOverHTTP(connector);
            // The listener below never blocks (it copies bytes and completes a future), so Jetty may run it on the
            // selector thread that read the bytes instead of handing each read to a pool thread.
            transport.setInvocationType(Invocable.InvocationType.NON_BLOCKING);
            HttpClient created = new HttpClient(transport);
            created.setExecutor(threads);
            created.setScheduler(new ScheduledExecutorScheduler("apigw-mcp-upstream-timer", true));
            created.setFollowRedirects(false);
            created.setConnectTimeout(connectTimeout.toMillis());
            // Pooled connections an upstream keeps open; a call's deadline bounds a live exchange, not this.
            created.setIdleTimeout(120_000);
            created.setMaxConnectionsPerDestination(maxConnectionsPerTarget);
            created.setMaxRequestsQueuedPerDestination(Math.max(1024, maxConnectionsPerTarget * 4));
            created.setUserAgentField(new HttpField("User-Agent", "apigw-mcp"));
            // No cookie jar: a cookie one caller's answer set must never ride along on another caller's request, and
            // without one Jetty need not rebuild each request's URI to look cookies up.
            created.setHttpCookieStore(new HttpCookieStore.Empty());
            try {
                created.start();
            } catch (Exception e) {
                throw new IllegalStateException("the upstream HTTP client did not start: " + e, e);
            }
            // No decoder (they are found while starting): the gateway asks for identity and decodes itself, so the
            // cap counts decoded bytes.
            created.getContentDecoderFactories().clear();
            // Nor authentication handlers: the gateway sends its credentials itself, and Jetty's would turn an
            // upstream's 401 without a WWW-Authenticate challenge (API Gateway's authorizers answer so) into a
            // protocol failure instead of the answer the model should see.
            created.getProtocolHandlers().remove(WWWAuthenticationProtocolHandler.NAME);
            created.getProtocolHandlers().remove(ProxyAuthenticationProtocolHandler.NAME);
            client = created;
        }
        return client;
    }

    /**
     * A JDK client for OAuth2 token requests only: a token is fetched once per lifetime, so it stays on the JDK
     * client (created on the first token request) rather than taking the call path's deadline and cap logic. HTTP/1.1:
     * the JDK's default would offer {@code Upgrade: h2c} on a loopback {@code http} endpoint, which some servers
     * refuse or mishandle, and one small POST per token lifetime gains nothing from HTTP/2.
     */
    public synchronized java.net.http.HttpClient tokenHttpClient() {
        if (tokenClient == null) {
            tokenClient = java.net.http.HttpClient.newBuilder()
                    .version(java.net.http.HttpClient.Version.HTTP_1_1)
                    .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                    .connectTimeout(connectTimeout)
                    .build();
        }
        return tokenClient;
    }

    public long maxResponseBytes() {
        return maxResponseBytes;
    }

    /**
     * Sends the request once and waits on the calling thread for the whole answer, at most {@code budget}.
     * Interrupting that thread aborts the exchange and closes its connection.
     *
     * @throws UpstreamFailure when there is no complete answer: the budget passed, no connection, a broken one
     */
    public UpstreamResponse exchange(UpstreamRequest request, Duration budget)
            throws UpstreamFailure, InterruptedException {
        long budgetMs = Math.max(1, budget.toMillis());
        Request jetty =
                client().newRequest(request.uri()).method(request.method()).timeout(budgetMs, TimeUnit.MILLISECONDS);
        jetty.headers(fields -> {
            boolean acceptEncoding = false;
            boolean host = false;
            for (HttpHeader header : request.headers()) {
                String lower = header.name().toLowerCase(Locale.ROOT);
                if (lower.equals("host")) {
                    // Exactly one Host: the first, which SigV4 signed when the request is signed.
                    if (!host) {
                        fields.add(org.eclipse.jetty.http.HttpHeader.HOST, header.value());
                        host = true;
                    }
                } else if (!CLIENT_MANAGED.contains(lower)) {
                    fields.add(header.name(), header.value());
                    acceptEncoding |= lower.equals("accept-encoding");
                }
            }
            if (!host) {
                // Set here rather than by Jetty, which would rebuild and parse the request's URI to find it.
                fields.add(org.eclipse.jetty.http.HttpHeader.HOST, hostHeader(request.uri()));
            }
            if (!acceptEncoding) {
                fields.add("Accept-Encoding", "identity");
            }
        });
        if (request.hasBody()) {
            // No content type here: the request's own Content-Type header (signed by SigV4) is the one sent.
            jetty.body(new BytesRequestContent((String) null, request.body()));
        }
        Collector collector = new Collector(maxResponseBytes);
        jetty.onRequestBegin(r -> collector.connected = true);
        jetty.send(collector);
        Collected collected;
        try {
            // Jetty's total timeout ends the exchange; the extra second only guards against a lost completion.
            collected = collector.done.get(budgetMs + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            jetty.abort(new CancellationException("the call was cancelled"));
            throw e;
        } catch (TimeoutException e) {
            jetty.abort(e);
            throw failure(new TimeoutException("total timeout"), collector);
        } catch (ExecutionException e) {
            throw failure(e.getCause(), collector);
        }
        ContentDecoding.Decoded decoded = ContentDecoding.decode(
                collected.body,
                collected.truncated,
                collected.headers.firstValue("content-encoding").orElse(null),
                maxResponseBytes);
        return new UpstreamResponse(
                collected.status, collected.headers, decoded.bytes(), decoded.truncated(), decoded.problem());
    }

    /** The Host header of a URI: its host, and its port unless that is the scheme's default (RFC 9110, 7.2). */
    static String hostHeader(java.net.URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port == -1
                || (port == 80 && "http".equalsIgnoreCase(uri.getScheme()))
                || (port == 443 && "https".equalsIgnoreCase(uri.getScheme()));
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }

    private static UpstreamFailure failure(Throwable cause, Collector collector) {
        ExchangePhase phase = collector.headers
                ? ExchangePhase.BODY
                : collector.connected ? ExchangePhase.HEADERS : ExchangePhase.CONNECT;
        long bytes = collector.received;
        int status = collector.status;
        String message = cause.getMessage() == null ? "" : cause.getMessage();
        if (cause instanceof TimeoutException
                && !message.toLowerCase(Locale.ROOT).startsWith("idle")) {
            return new UpstreamFailure(UpstreamFailure.Kind.DEADLINE, phase, bytes, status, "deadline passed", cause);
        }
        if (cause instanceof SSLException && phase != ExchangePhase.BODY) {
            // The handshake runs on the new connection, after Jetty has begun the request on it.
            return new UpstreamFailure(
                    UpstreamFailure.Kind.CONNECT_FAILED,
                    ExchangePhase.CONNECT,
                    0,
                    0,
                    "TLS handshake failed: " + plain(cause),
                    cause);
        }
        if (phase == ExchangePhase.CONNECT) {
            if (cause instanceof SocketTimeoutException) {
                return new UpstreamFailure(UpstreamFailure.Kind.CONNECT_TIMEOUT, phase, 0, 0, "connect timeout", cause);
            }
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
                return new UpstreamFailure(
                        UpstreamFailure.Kind.CONNECT_FAILED, phase, 0, 0, "connection refused or unreachable", cause);
            }
            if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
                return new UpstreamFailure(UpstreamFailure.Kind.CONNECT_FAILED, phase, 0, 0, "unknown host", cause);
            }
        }
        return new UpstreamFailure(UpstreamFailure.Kind.BROKEN, phase, bytes, status, plain(cause), cause);
    }

    /** A broken connection in words: Jetty's own messages dump connection objects, which help no model. */
    static String plain(Throwable cause) {
        if (cause instanceof EOFException || cause instanceof ClosedChannelException) {
            return "the upstream closed the connection";
        }
        String message = cause.getMessage();
        if (message != null && message.toLowerCase(Locale.ROOT).contains("connection reset")) {
            return "the connection was reset";
        }
        if (message == null || message.isBlank() || OBJECT_DUMP.matcher(message).find()) {
            return FailureReason.describe(cause);
        }
        return message.length() > 200 ? message.substring(0, 200) + "..." : message;
    }

    /** A completed answer, body as received. */
    private record Collected(int status, HttpHeaders headers, byte[] body, boolean truncated) {}

    /** Ends an exchange whose body reached the cap; its connection is closed, the bytes so far are kept. */
    private static final class CapReached extends IOException {
        private static final long serialVersionUID = 1L;

        CapReached() {
            super("response body cap reached", null);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /**
     * Collects one answer on Jetty's threads (callbacks of one exchange run one at a time) and hands it to the
     * waiting caller through {@link #done}.
     */
    private static final class Collector implements Response.Listener {
        private final long cap;
        private final CompletableFuture<Collected> done = new CompletableFuture<>();
        private volatile boolean connected;
        private volatile boolean headers;
        private volatile long received;
        private volatile int status;
        private byte[] buffer = new byte[0];
        private int size;
        private boolean truncated;
        private HttpHeaders responseHeaders;

        Collector(long cap) {
            this.cap = cap;
        }

        @Override
        public void onHeaders(Response response) {
            Map<String, List<String>> map = new LinkedHashMap<>();
            response.getHeaders()
                    .forEach(field -> map.computeIfAbsent(field.getName(), n -> new java.util.ArrayList<>())
                            .add(field.getValue()));
            responseHeaders = HttpHeaders.of(map, (name, value) -> true);
            status = response.getStatus();
            headers = true;
        }

        @Override
        public void onContent(Response response, ByteBuffer content) {
            int length = content.remaining();
            received += length;
            if (truncated) {
                return;
            }
            int room = (int) Math.min(Integer.MAX_VALUE - 8, cap - size);
            int take = Math.min(length, room);
            int needed = size + take;
            if (needed > buffer.length) {
                long grown = Math.max(needed, buffer.length * 2L + 256);
                buffer = Arrays.copyOf(buffer, (int) Math.min(grown, Math.min(cap, Integer.MAX_VALUE - 8)));
            }
            content.get(buffer, size, take);
            size += take;
            if (length > room) {
                truncated = true;
                response.abort(new CapReached());
            }
        }

        @Override
        public void onComplete(Result result) {
            Throwable failure = result.getFailure();
            if (failure == null || failure instanceof CapReached) {
                Response response = result.getResponse();
                if (responseHeaders == null) {
                    onHeaders(response);
                }
                done.complete(
                        new Collected(response.getStatus(), responseHeaders, Arrays.copyOf(buffer, size), truncated));
            } else {
                done.completeExceptionally(failure);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            try {
                client.stop();
            } catch (Exception e) {
                // Closing at shutdown: nothing left to do with a client that does not stop cleanly.
            }
            client = null;
        }
    }
}
