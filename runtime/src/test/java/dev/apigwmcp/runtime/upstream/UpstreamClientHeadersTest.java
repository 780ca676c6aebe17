package dev.apigwmcp.runtime.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpstreamClientHeadersTest {

    private static UpstreamRequest get(URI uri, List<HttpHeader> headers) {
        return new UpstreamRequest("GET", uri, headers, null, Duration.ofSeconds(5));
    }

    @Test
    void aCookieAnUpstreamSetIsNotSentOnTheNextRequest() throws Exception {
        try (TestUpstream upstream = new TestUpstream();
                UpstreamClient client = new UpstreamClient(Duration.ofSeconds(5), 10_000)) {
            upstream.respond(
                    request -> TestUpstream.Reply.json(200, "{}").withHeader("Set-Cookie", "session=abc; Path=/"));
            client.exchange(get(upstream.uri("/first"), List.of()), Duration.ofSeconds(5));
            client.exchange(get(upstream.uri("/second"), List.of()), Duration.ofSeconds(5));

            upstream.take();
            assertThat(upstream.take().headers()).doesNotContainKey("cookie");
        }
    }

    @Test
    void theHostHeaderNamesTheUriHostAndItsPort() throws Exception {
        try (TestUpstream upstream = new TestUpstream();
                UpstreamClient client = new UpstreamClient(Duration.ofSeconds(5), 10_000)) {
            upstream.respond(request -> TestUpstream.Reply.json(200, "{}"));
            client.exchange(get(upstream.uri("/x"), List.of()), Duration.ofSeconds(5));

            assertThat(upstream.take().headers().get("host"))
                    .containsExactly("127.0.0.1:" + upstream.baseUri().getPort());
        }
    }

    @Test
    void aHostHeaderOfTheRequestIsSentOnceAsGiven() throws Exception {
        try (TestUpstream upstream = new TestUpstream();
                UpstreamClient client = new UpstreamClient(Duration.ofSeconds(5), 10_000)) {
            upstream.respond(request -> TestUpstream.Reply.json(200, "{}"));
            String signed = "127.0.0.1:" + upstream.baseUri().getPort();
            client.exchange(get(upstream.uri("/x"), List.of(new HttpHeader("Host", signed))), Duration.ofSeconds(5));

            assertThat(upstream.take().headers().get("host")).containsExactly(signed);
        }
    }

    @Test
    void theTokenClientSpeaksHttp11WithoutOfferingAnH2cUpgrade() throws Exception {
        try (TestUpstream upstream = new TestUpstream();
                UpstreamClient client = new UpstreamClient(Duration.ofSeconds(5), 10_000)) {
            upstream.respond(request -> TestUpstream.Reply.json(200, "{}"));
            client.tokenHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(upstream.uri("/token"))
                                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=x"))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.discarding());

            assertThat(upstream.take().headers()).doesNotContainKey("upgrade").doesNotContainKey("http2-settings");
        }
    }

    @Test
    void aDefaultPortIsLeftOutOfTheHostHeader() {
        assertThat(UpstreamClient.hostHeader(URI.create("https://api.example.com:443/v1")))
                .isEqualTo("api.example.com");
        assertThat(UpstreamClient.hostHeader(URI.create("http://api.example.com:80/v1")))
                .isEqualTo("api.example.com");
        assertThat(UpstreamClient.hostHeader(URI.create("https://api.example.com:8443/v1")))
                .isEqualTo("api.example.com:8443");
    }
}
