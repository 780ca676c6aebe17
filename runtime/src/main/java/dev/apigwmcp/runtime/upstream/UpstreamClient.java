package dev.apigwmcp.runtime.upstream;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Sends {@link UpstreamRequest}s with one shared JDK {@link HttpClient} (connection pooling, HTTP/2 over TLS with
 * HTTP/1.1 fallback). The client is created on first use so that a gateway that only lists tools never pays for
 * it. Redirects are never followed: they could carry credentials to another host.
 */
public final class UpstreamClient {

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> JDK_MANAGED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final Duration connectTimeout;
    private final long maxResponseBytes;
    private HttpClient client;

    public UpstreamClient(Duration connectTimeout, long maxResponseBytes) {
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
     * Sends the request. Cancelling the returned future aborts the exchange (the JDK client resets the stream or
     * closes the connection).
     */
    public CompletableFuture<UpstreamResponse> send(UpstreamRequest request) {
        HttpRequest httpRequest = toHttpRequest(request);
        CompletableFuture<HttpResponse<CappedBodySubscriber.Body>> exchange = httpClient()
                .sendAsync(httpRequest, info -> new CappedBodySubscriber(maxResponseBytes));
        CompletableFuture<UpstreamResponse> response = exchange.thenApply(r -> new UpstreamResponse(
                r.statusCode(), r.headers(), r.body().bytes(), r.body().truncated()));
        // thenApply's future does not pass cancel() back; do it so the caller's cancel reaches the exchange.
        response.whenComplete((r, e) -> {
            if (response.isCancelled()) {
                exchange.cancel(true);
            }
        });
        return response;
    }

    static HttpRequest toHttpRequest(UpstreamRequest request) {
        HttpRequest.BodyPublisher body = request.hasBody()
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
