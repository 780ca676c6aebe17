package dev.apigwmcp.samples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo backend guards routes as API Gateway would. Requests are signed here by a minimal signer built on the
 * verifier's own {@code signature} (itself checked against AWS's published example in {@link SigV4VerifierTest}).
 */
@Timeout(20)
class DemoBackendTest {

    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private DemoBackend backend;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        backend = DemoBackend.start(0, new RequestLog(dir.resolve("log.jsonl")));
    }

    @AfterEach
    void stop() {
        backend.close();
    }

    @Test
    void iamRouteWithoutSignatureIsMissingAuthenticationToken() throws Exception {
        HttpResponse<String> response = send("GET", "/prod/pets", null, Map.of());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
    }

    @Test
    void iamRouteWithValidSignatureAnswersAndIsLoggedAsValid() throws Exception {
        HttpResponse<String> response = send(
                "GET",
                "/prod/pets",
                "type=cat",
                signed("GET", "/prod/pets", "type=cat", "", DemoCredentials.SECRET_ACCESS_KEY));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"name\":\"Tom\"").doesNotContain("Rex");
        RecordedCall call = RequestLog.read(dir.resolve("log.jsonl")).get(0);
        assertThat(call.signatureValid()).isTrue();
        assertThat(call.query()).isEqualTo("type=cat");
        assertThat(call.headers().get("authorization")).isEqualTo("(redacted)");
    }

    @Test
    void signatureWithAnotherSecretIsRejected() throws Exception {
        HttpResponse<String> response =
                send("GET", "/prod/pets/1", null, signed("GET", "/prod/pets/1", null, "", "not-the-secret"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("signature we calculated does not match");
        assertThat(backend.log().calls().get(0).signatureValid()).isFalse();
    }

    @Test
    void apiKeyRouteNeedsTheDemoKey() throws Exception {
        assertThat(send("GET", "/prod/pets/1/photos", null, Map.of("x-api-key", "wrong"))
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> response =
                send("GET", "/prod/pets/1/photos", "size=small", Map.of("x-api-key", DemoCredentials.API_KEY));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("small.jpg");
        assertThat(backend.log().calls()).extracting(RecordedCall::apiKeyValid).containsExactly(false, true);
    }

    @Test
    void inventoryNeedsSignatureAndKeyTogether() throws Exception {
        Map<String, String> signedOnly =
                signed("GET", "/prod/store/inventory", null, "", DemoCredentials.SECRET_ACCESS_KEY);
        assertThat(send("GET", "/prod/store/inventory", null, signedOnly).body())
                .contains("Forbidden");
        Map<String, String> both = new TreeMap<>(signedOnly);
        both.put("x-api-key", DemoCredentials.API_KEY);
        assertThat(send("GET", "/prod/store/inventory", null, both).body())
                .isEqualTo("{\"dog\":1,\"cat\":1,\"fish\":1}");
    }

    @Test
    void createPetValidatesTheBodyLikeTheRequestValidator() throws Exception {
        String bad = "{\"type\":\"lion\",\"price\":1}";
        HttpResponse<String> rejected = send(
                "POST",
                "/prod/pets",
                null,
                bad,
                signed("POST", "/prod/pets", null, bad, DemoCredentials.SECRET_ACCESS_KEY));
        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(rejected.body()).isEqualTo("{\"message\":\"Invalid request body\"}");
        String good = "{\"type\":\"dog\",\"price\":10.5,\"name\":\"Bo\"}";
        HttpResponse<String> created = send(
                "POST",
                "/prod/pets",
                null,
                good,
                signed("POST", "/prod/pets", null, good, DemoCredentials.SECRET_ACCESS_KEY));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).contains("\"id\":4", "\"name\":\"Bo\"", "Created pet 4");
        assertThat(backend.log().calls().get(1).body()).isEqualTo(good);
    }

    @Test
    void healthNeedsNoCredentialAndUnknownRoutesLookLikeApiGateway() throws Exception {
        assertThat(send("GET", "/prod/health", null, Map.of()).statusCode()).isEqualTo(200);
        HttpResponse<String> unknown = send("GET", "/prod/nothing", null, Map.of("x-api-key", DemoCredentials.API_KEY));
        assertThat(unknown.statusCode()).isEqualTo(403);
        assertThat(unknown.body()).contains("Missing Authentication Token");
        assertThat(send("GET", "/other/pets", null, Map.of()).statusCode()).isEqualTo(403);
    }

    @Test
    void deleteNeedsTheKeyAndRemovesThePet() throws Exception {
        Map<String, String> key = Map.of("x-api-key", DemoCredentials.API_KEY);
        assertThat(send("DELETE", "/prod/pets/2", null, key).statusCode()).isEqualTo(204);
        assertThat(send("DELETE", "/prod/pets/2", null, key).statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> send(String method, String path, String query, Map<String, String> headers)
            throws Exception {
        return send(method, path, query, "", headers);
    }

    private HttpResponse<String> send(
            String method, String path, String query, String body, Map<String, String> headers) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + backend.port() + path + (query == null ? "" : "?" + query));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .method(
                        method,
                        body.isEmpty()
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach((name, value) -> {
            if (!name.equals("host")) {
                request.header(name, value);
            }
        });
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Headers of a request signed for the demo access key with {@code secret} (host and x-amz-date signed). */
    private Map<String, String> signed(String method, String path, String query, String body, String secret)
            throws Exception {
        String amzDate = AMZ_DATE.format(Instant.now());
        String host = "127.0.0.1:" + backend.port();
        String canonical = method + "\n" + SigV4Verifier.canonicalUri(path) + "\n" + SigV4Verifier.canonicalQuery(query)
                + "\nhost:" + host + "\nx-amz-date:" + amzDate + "\n\nhost;x-amz-date\n"
                + HexFormat.of()
                        .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(body.getBytes(StandardCharsets.UTF_8)));
        SigV4Verifier signer =
                new SigV4Verifier(Map.of(), DemoCredentials.REGION, DemoCredentials.SERVICE, Clock.systemUTC());
        String signature = signer.signature(secret, amzDate, amzDate.substring(0, 8), canonical);
        return Map.of(
                "x-amz-date",
                amzDate,
                "authorization",
                "AWS4-HMAC-SHA256 Credential="
                        + DemoCredentials.ACCESS_KEY_ID + "/" + amzDate.substring(0, 8) + "/" + DemoCredentials.REGION
                        + "/"
                        + DemoCredentials.SERVICE + "/aws4_request, SignedHeaders=host;x-amz-date, Signature="
                        + signature);
    }

    @Test
    void queryParsingDecodesValues() {
        assertThat(PetStoreApi.query("a=1&b=x%20y&a=2")).isEqualTo(Map.of("a", List.of("1", "2"), "b", List.of("x y")));
    }
}
