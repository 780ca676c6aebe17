package dev.apigwmcp.bench.client;

import dev.apigwmcp.runtime.upstream.HttpHeader;
import dev.apigwmcp.runtime.upstream.UpstreamRequest;
import dev.apigwmcp.runtime.upstream.UpstreamResponse;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * The gateway's JDK-client exchange as it was before the switch to Jetty's client (commit 90b29f8), kept here
 * only to measure the two side by side.
 *
 * <p>Sends {@link UpstreamRequest}s with one shared JDK {@link HttpClient} (connection pooling, HTTP/2 over TLS with
 * HTTP/1.1 fallback). The client is created on first use so that a gateway that only lists tools never pays for
 * it. Redirects are never followed: they could carry credentials to another host.
 */
public final class JdkUpstreamClient {

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> JDK_MANAGED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final Duration connectTimeout;
    private final long maxResponseBytes;
    private HttpClient client;

    public JdkUpstreamClient(Duration connectTimeout, long maxResponseBytes) {
        this.connectTimeout = connectTimeout;
        this.maxResponseBytes = maxResponseBytes;
    }

    /** The shared client (also used for OAuth2 token requests). */
    public synchronized HttpClient httpClient() {
        if (client == null) {
            client = HttpClient.newBuilder()
                    // Completions run on the client's selector thread instead of hopping to a worker pool: the
                    // work after a response (mapping a capped body to a tool result) is short and never blocks,
                    // and each hand-off costs a thread wake-up on the hot path.
                    .executor(Runnable::run)
                    .version(HttpClient.Version.HTTP_2)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(connectTimeout)
                    .build();
        }
        return client;
    }

    public long maxResponseBytes() {
        return maxResponseBytes;
    }

    /**
     * Sends the request and waits for the answer on the calling thread. Interrupting that thread aborts the
     * exchange (the JDK client cancels it, resetting the stream or closing the connection).
     *
     * <p>Blocking on purpose: {@code HttpClient.sendAsync} hands every completion to the common
     * {@code ForkJoinPool}, and on a machine with fewer than three cores that pool starts a new thread per task,
     * which cost more than the whole rest of a tool call. {@code send} completes on the client's selector thread
     * and wakes the caller, the same two hand-offs as any synchronous client.
     */
    public UpstreamResponse exchange(UpstreamRequest request) throws IOException, InterruptedException {
        HttpResponse<CappedBodySubscriber.Body> response = httpClient()
                .send(toHttpRequest(request), info -> new CappedBodySubscriber(maxResponseBytes));
        return new UpstreamResponse(response.statusCode(), response.headers(), response.body().bytes(),
                response.body().truncated());
    }

    static HttpRequest toHttpRequest(UpstreamRequest request) {
        HttpRequest.BodyPublisher body = request.body() != null
                ? HttpRequest.BodyPublishers.ofByteArray(request.body())
                : HttpRequest.BodyPublishers.noBody();
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
                .timeout(request.timeout())
                .method(request.method(), body);
        if ("http".equals(request.uri().getScheme())) {
            // Without TLS there is no ALPN; avoid the h2c upgrade dance, which plain HTTP/1.1 servers do not expect.
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        for (HttpHeader header : request.headers()) {
            if (!JDK_MANAGED.contains(header.name().toLowerCase(Locale.ROOT))) {
                builder.header(header.name(), header.value());
            }
        }
        return builder.build();
    }
}
