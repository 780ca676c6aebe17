package dev.apigwmcp.runtime.execution;

import static dev.apigwmcp.runtime.upstream.MisbehavingUpstream.answer;
import static dev.apigwmcp.runtime.upstream.MisbehavingUpstream.closeWithoutAnswer;
import static dev.apigwmcp.runtime.upstream.MisbehavingUpstream.json;
import static dev.apigwmcp.runtime.upstream.MisbehavingUpstream.reset;
import static dev.apigwmcp.runtime.upstream.MisbehavingUpstream.trickle;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.runtime.auth.AuthEnvironment;
import dev.apigwmcp.runtime.auth.AwsKeys;
import dev.apigwmcp.runtime.config.Settings;
import dev.apigwmcp.runtime.upstream.CallOutcome;
import dev.apigwmcp.runtime.upstream.MisbehavingUpstream;
import dev.apigwmcp.runtime.upstream.MisbehavingUpstream.Behaviour;
import dev.apigwmcp.runtime.upstream.TestUpstream.Recorded;
import dev.apigwmcp.samples.demo.SigV4Verifier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The upstream fault suite: a misbehaving upstream on 127.0.0.1 (trickle, stall, reset, no answer, 5xx bursts,
 * Retry-After, gzip, a gzip bomb, a huge body) and, after each case, a normal tool call of the same gateway that
 * is still answered promptly. Attempts are counted where they reach the upstream.
 */
@Timeout(30)
class UpstreamFaultsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ACCESS_KEY = "AKIDEXAMPLE";
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    /** A normal call is answered within this, whatever the previous case did (generous: CI shares 2 cores). */
    private static final long PROMPT_MS = 2000;
    /** A call the gateway refuses itself is answered within this. */
    private static final long AT_ONCE_MS = 500;

    private final SigV4Verifier verifier =
            new SigV4Verifier(Map.of(ACCESS_KEY, SECRET_KEY), "us-east-1", "execute-api", Clock.systemUTC());
    private MisbehavingUpstream upstream;
    private GeneratedToolService service;
    private final Map<String, String> settings = new HashMap<>();

    @BeforeEach
    void start() throws IOException {
        upstream = new MisbehavingUpstream();
        settings.put("target.pets.base-url", upstream.baseUri().toString());
        settings.put("target.pets.api-key-env", "PETS_KEY");
        settings.put("target.pets.oauth2.token-url", "http://127.0.0.1:1/token");
        settings.put("target.pets.oauth2.client-id", "client-1");
        settings.put("target.pets.oauth2.client-secret-env", "PETS_SECRET");
        settings.put("upstream.timeout-ms", "800");
        settings.put("upstream.retry.base-delay-ms", "10");
        settings.put("upstream.circuit.failure-rate", "0");
    }

    @AfterEach
    void stop() throws IOException {
        if (service != null) {
            service.close();
        }
        upstream.close();
    }

    private GeneratedToolService service() {
        AuthEnvironment environment = new AuthEnvironment(
                Map.of("PETS_KEY", "k", "PETS_SECRET", "s")::get,
                profile -> () -> new AwsKeys(ACCESS_KEY, SECRET_KEY, null),
                Clock.systemUTC());
        service = GeneratedToolService.create(List.of(new PetsRegistry()), Settings.of(settings), environment);
        return service;
    }

    /** The faulty behaviour for every request but the normal tool's ({@code GET /prod/pets}). */
    private void misbehave(Function<Recorded, Behaviour> faulty) {
        upstream.script(
                r -> r.method().equals("GET") && r.rawPath().equals("/prod/pets") ? json(200, "[]") : faulty.apply(r));
    }

    private ObjectNode call(String tool, String arguments) {
        return service.call(tool, JSON.readTree(arguments), null).join();
    }

    private static String text(ObjectNode result) {
        return result.get("content").get(0).get("text").stringValue();
    }

    /** Requests of the faulty tools that reached the upstream, the normal tool's left out. */
    private List<Recorded> faultyRequests() {
        return upstream.drain().stream()
                .filter(r -> !r.rawPath().equals("/prod/pets") || !r.method().equals("GET"))
                .toList();
    }

    private void normalCallIsAnsweredPromptly() {
        long start = System.nanoTime();
        ObjectNode result = call("pets___ListPets", "{}");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(result.has("isError"))
                .as("normal call after the fault: %s", result)
                .isFalse();
        assertThat(millis).as("normal call's duration").isLessThan(PROMPT_MS);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void aTrickledBodyEndsAtTheDeadlineNamingTheBody() {
        service();
        misbehave(r -> trickle(100, 100));
        long start = System.nanoTime();
        ObjectNode result = call("pets___Download", "{}");
        assertThat(millisSince(start)).isBetween(700L, 2500L);
        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(text(result))
                .startsWith("The upstream did not answer within the tool's deadline of 800 ms")
                .contains("the response headers arrived, but the body did not finish (HTTP 200, ")
                .endsWith("The gateway closed the connection.");
        assertThat(faultyRequests()).hasSize(1);
        normalCallIsAnsweredPromptly();
    }

    @Test
    void aBodyThatStallsAfterTheHeadersEndsAtTheDeadlineAndItsConnectionIsClosed() throws Exception {
        service();
        misbehave(r -> upstream.stallAfterHeaders());
        ObjectNode result = call("pets___Download", "{}");
        assertThat(text(result)).contains("the body did not finish (HTTP 200, 6 bytes received)");
        assertThat(service.metrics().snapshot().outcomes().get(CallOutcome.TIMEOUT))
                .isEqualTo(1);
        assertThat(upstream.awaitClosedByClient(1, 2000))
                .as("connection closed by the gateway")
                .isTrue();
        normalCallIsAnsweredPromptly();
    }

    @Test
    void anUpstreamThatNeverAnswersEndsAtTheDeadlineNamingTheHeaders() throws Exception {
        service();
        misbehave(r -> upstream.silence());
        ObjectNode result = call("pets___Download", "{}");
        assertThat(text(result)).contains("the request was sent, but the response headers did not arrive");
        assertThat(faultyRequests()).as("a passed deadline is not retried").hasSize(1);
        assertThat(upstream.awaitClosedByClient(1, 2000)).isTrue();
        normalCallIsAnsweredPromptly();
    }

    @Test
    void aResetBeforeTheAnswerIsRetriedForAnIdempotentMethodUpToTheAttemptLimit() {
        service();
        misbehave(r -> reset());
        ObjectNode result = call("pets___Download", "{}");
        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(text(result))
                .matches(
                        "The connection to the upstream failed before it answered: (the upstream"
                                + " closed the connection|the connection was reset)\\. \\(The gateway sent the request 3 times\\.\\)");
        assertThat(faultyRequests()).hasSize(3);
        assertThat(service.metrics().snapshot().retries()).isEqualTo(2);
        normalCallIsAnsweredPromptly();
    }

    @Test
    void aConnectionClosedWithoutAnswerIsSentAgainOnlyAsTheRetrySettingsSay() {
        settings.put("upstream.retry.max-attempts", "1");
        service();
        misbehave(r -> closeWithoutAnswer());
        ObjectNode result = call("pets___Download", "{}");
        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(faultyRequests()).as("no hidden resend").hasSize(1);
        normalCallIsAnsweredPromptly();
    }

    @Test
    void aBurstOf503IsRetriedUntilTheUpstreamAnswers() {
        service();
        AtomicInteger seen = new AtomicInteger();
        misbehave(r -> seen.incrementAndGet() <= 2 ? json(503, "{\"message\":\"busy\"}") : json(200, "{\"ok\":1}"));
        ObjectNode result = call("pets___Download", "{}");
        assertThat(result.has("isError")).as(result.toString()).isFalse();
        assertThat(text(result)).isEqualTo("{\"ok\":1}");
        assertThat(faultyRequests()).hasSize(3);
        normalCallIsAnsweredPromptly();
    }

    @Test
    void eachRetryIsReportedAsGrowingProgress() {
        service();
        misbehave(r -> json(503, "{}"));
        List<String> progress = new CopyOnWriteArrayList<>();
        service.call(
                        "pets___Download",
                        JSON.readTree("{}"),
                        (value, total, message) -> progress.add(value + " " + message))
                .join();
        String url = upstream.baseUri() + "/download";
        assertThat(progress).hasSize(4);
        assertThat(progress.get(0)).isEqualTo("0.0 Calling GET " + url);
        assertThat(progress.get(1)).startsWith("0.25 Retrying GET " + url + " (attempt 2 of 3) after HTTP 503, in ");
        assertThat(progress.get(2)).startsWith("0.5 Retrying GET " + url + " (attempt 3 of 3) after HTTP 503, in ");
        assertThat(progress.get(3)).isEqualTo("1.0 Upstream answered");
    }

    @Test
    void a5xxBurstLongerThanTheAttemptsEndsWithTheLastAnswerAndTheAttemptCount() {
        service();
        misbehave(r -> json(502, "{\"message\":\"bad gateway\"}"));
        ObjectNode result = call("pets___Download", "{}");
        assertThat(text(result))
                .isEqualTo("Upstream failed with HTTP 502 Bad Gateway: bad gateway. This is a"
                        + " server-side problem; retrying later may help. (The gateway sent the request 3 times.)");
        assertThat(faultyRequests()).hasSize(3);
        normalCallIsAnsweredPromptly();
    }

    @Test
    void aPostIsNeverRetried() {
        service();
        misbehave(r -> json(503, "{\"message\":\"busy\"}"));
        ObjectNode result = call("pets___CreatePet", "{\"body\":{\"name\":\"Rex\"}}");
        assertThat(text(result)).startsWith("Upstream failed with HTTP 503").doesNotContain("times");
        assertThat(faultyRequests()).hasSize(1);
        misbehave(r -> reset());
        call("pets___CreatePet", "{\"body\":{\"name\":\"Rex\"}}");
        assertThat(faultyRequests())
                .as("not even after a reset before any answer")
                .hasSize(1);
        normalCallIsAnsweredPromptly();
    }

    @Test
    void aRetryAfterIsWaitedForAndEveryAttemptIsSignedAfresh() {
        settings.put("upstream.timeout-ms", "5000");
        service();
        AtomicInteger seen = new AtomicInteger();
        misbehave(r -> seen.incrementAndGet() == 1
                ? answer(429, Map.of("Retry-After", "1"), "{}".getBytes(StandardCharsets.UTF_8))
                : json(200, "{}"));
        long start = System.nanoTime();
        ObjectNode result = call("pets___Proxy", "{\"method\":\"GET\",\"proxy\":\"a.txt\"}");
        assertThat(millisSince(start)).isGreaterThanOrEqualTo(1000);
        assertThat(result.has("isError")).as(result.toString()).isFalse();
        List<Recorded> attempts = faultyRequests();
        assertThat(attempts).hasSize(2);
        for (Recorded attempt : attempts) {
            assertThat(verifier.problem(attempt)).isNull();
        }
        assertThat(attempts.get(1).header("x-amz-date"))
                .as("signed again, with a fresh date")
                .isNotEqualTo(attempts.get(0).header("x-amz-date"));
        normalCallIsAnsweredPromptly();
    }

    @Test
    void aRetryAfterLongerThanTheGatewayWaitsIsPassedOnToTheModel() {
        service();
        misbehave(r -> answer(503, Map.of("Retry-After", "120"), new byte[0]));
        ObjectNode result = call("pets___Download", "{}");
        assertThat(text(result))
                .isEqualTo("Upstream failed with HTTP 503 Service Unavailable. The upstream asks to"
                        + " retry after 120 s (Retry-After).");
        assertThat(faultyRequests()).hasSize(1);
        normalCallIsAnsweredPromptly();
    }

    @Test
    void aGzipBodyIsDecodedThoughIdentityWasAskedFor() throws IOException {
        service();
        byte[] gzipped = gzip("{\"name\":\"Rex\"}".getBytes(StandardCharsets.UTF_8));
        misbehave(r -> answer(200, Map.of("Content-Type", "application/json", "Content-Encoding", "gzip"), gzipped));
        ObjectNode result = call("pets___Download", "{}");
        assertThat(text(result)).isEqualTo("{\"name\":\"Rex\"}");
        assertThat(faultyRequests().get(0).header("accept-encoding")).isEqualTo("identity");
        normalCallIsAnsweredPromptly();
    }

    @Test
    void aGzipBombIsCutAtTheResponseCapAfterDecoding() throws IOException {
        settings.put("upstream.max-response-bytes", "65536");
        service();
        byte[] bomb = gzip(new byte[50 * 1024 * 1024]);
        assertThat(bomb.length).isLessThan(65536);
        misbehave(r -> answer(200, Map.of("Content-Type", "text/plain", "Content-Encoding", "gzip"), bomb));
        ObjectNode result = call("pets___Download", "{}");
        assertThat(text(result))
                .hasSize(65536 + "\n[response cut at 65536 bytes: it is larger than the configured limit]".length())
                .endsWith("[response cut at 65536 bytes: it is larger than the configured limit]");
        normalCallIsAnsweredPromptly();
    }

    @Test
    void aHugeBodyIsCutAtTheCapAndItsDownloadStopped() {
        settings.put("upstream.max-response-bytes", "65536");
        service();
        byte[] huge = new byte[64 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'x');
        misbehave(r -> answer(200, Map.of("Content-Type", "text/plain"), huge));
        long start = System.nanoTime();
        ObjectNode result = call("pets___Download", "{}");
        assertThat(text(result)).endsWith("[response cut at 65536 bytes: it is larger than the configured limit]");
        assertThat(millisSince(start)).as("not a 64 MB download").isLessThan(PROMPT_MS);
        normalCallIsAnsweredPromptly();
    }

    @Test
    void anUnknownContentEncodingIsNamed() {
        service();
        misbehave(r -> answer(
                200, Map.of("Content-Type", "application/json", "Content-Encoding", "br"), new byte[] {1, 2, 3}));
        ObjectNode result = call("pets___Download", "{}");
        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(text(result))
                .isEqualTo("Upstream answered HTTP 200 OK, but the body is encoded as 'br', which the"
                        + " gateway does not decode (it asks for identity; gzip and deflate are decoded).");
        normalCallIsAnsweredPromptly();
    }

    @Test
    void anUnreachableUpstreamIsRetriedForGetAndCounted() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        settings.put("target.pets.base-url", "http://127.0.0.1:" + closedPort + "/prod");
        service();
        ObjectNode result = call("pets___Download", "{}");
        assertThat(text(result))
                .isEqualTo(
                        "Could not connect to the upstream at http://127.0.0.1:" + closedPort
                                + "/prod/download (connection refused or unreachable). (The gateway sent the request 3 times.)");
        assertThat(service.metrics().snapshot().attempts()).isEqualTo(3);
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresFailsFastAndClosesAfterASuccessfulTrial() throws Exception {
        settings.put("upstream.circuit.failure-rate", "50");
        settings.put("upstream.circuit.window", "4");
        settings.put("upstream.circuit.open-ms", "500");
        settings.put("upstream.retry.max-attempts", "1");
        List<String> changes = new CopyOnWriteArrayList<>();
        service().observeUpstream(new dev.apigwmcp.runtime.upstream.UpstreamEvents() {
            @Override
            public void circuitChanged(String target, String from, String to) {
                changes.add(target + ":" + from + "->" + to);
            }
        });
        misbehave(r -> json(503, "{}"));
        for (int i = 0; i < 4; i++) {
            call("pets___Download", "{}");
        }
        assertThat(faultyRequests()).hasSize(4);
        assertThat(service.circuitStates()).containsEntry("pets", "OPEN");
        long start = System.nanoTime();
        ObjectNode refused = call("pets___ListPets", "{}");
        assertThat(millisSince(start)).isLessThan(AT_ONCE_MS);
        assertThat(text(refused))
                .startsWith("Upstream of target 'pets' ("
                        + upstream.baseUri().toString().replace("/prod", "")
                        + ") is failing: at least 50% of its last 4 attempts failed")
                .containsPattern("calls to it are paused for [01] s");
        assertThat(upstream.drain()).as("nothing sent while open").isEmpty();
        assertThat(service.metrics().snapshot().outcomes().get(CallOutcome.CIRCUIT_OPEN))
                .isEqualTo(1);
        misbehave(r -> json(200, "{}"));
        Thread.sleep(600);
        assertThat(call("pets___Download", "{}").has("isError"))
                .as("the trial call")
                .isFalse();
        assertThat(service.circuitStates()).containsEntry("pets", "CLOSED");
        assertThat(changes).containsExactly("pets:CLOSED->OPEN", "pets:OPEN->HALF_OPEN", "pets:HALF_OPEN->CLOSED");
        normalCallIsAnsweredPromptly();
    }

    @Test
    void aCircuitThatOpensDuringRetriesEndsThemWithTheLastAnswer() {
        settings.put("upstream.circuit.failure-rate", "50");
        settings.put("upstream.circuit.window", "2");
        service();
        misbehave(r -> json(503, "{\"message\":\"busy\"}"));
        ObjectNode result = call("pets___Download", "{}");
        assertThat(text(result))
                .isEqualTo("Upstream failed with HTTP 503 Service Unavailable: busy. This is a"
                        + " server-side problem; retrying later may help. (The gateway sent the request 2 times.)");
        assertThat(faultyRequests()).hasSize(2);
        assertThat(service.circuitStates()).containsEntry("pets", "OPEN");
    }

    @Test
    void aFailedTrialOpensTheCircuitAgain() throws Exception {
        settings.put("upstream.circuit.failure-rate", "50");
        settings.put("upstream.circuit.window", "2");
        settings.put("upstream.circuit.open-ms", "300");
        settings.put("upstream.retry.max-attempts", "1");
        service();
        misbehave(r -> reset());
        call("pets___Download", "{}");
        call("pets___Download", "{}");
        assertThat(service.circuitStates()).containsEntry("pets", "OPEN");
        Thread.sleep(400);
        call("pets___Download", "{}");
        assertThat(service.circuitStates()).containsEntry("pets", "OPEN");
        assertThat(faultyRequests()).hasSize(3);
    }

    @Test
    void oneStalledToolCannotTakeTheOtherToolsCallSlots() throws Exception {
        settings.put("calls.max-concurrent", "4");
        settings.put("upstream.timeout-ms", "5000");
        service();
        misbehave(r -> upstream.silence());
        List<CompletableFuture<ObjectNode>> stalled = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            stalled.add(service.call("pets___Download", JSON.readTree("{}"), null));
        }
        for (int i = 0; i < 2; i++) {
            assertThat(upstream.poll(5000))
                    .as("stalled call %s reached the upstream", i)
                    .isNotNull();
        }
        long start = System.nanoTime();
        ObjectNode over = call("pets___Download", "{}");
        assertThat(millisSince(start)).isLessThan(AT_ONCE_MS);
        assertThat(text(over))
                .isEqualTo("Throttled by the gateway: tool pets___Download already has 2 calls in"
                        + " flight, its share (calls.max-concurrent-per-tool); this call was not sent upstream. Retry when"
                        + " earlier calls have finished.");
        assertThat(service.metrics().snapshot().outcomes().get(CallOutcome.GATEWAY_THROTTLED))
                .isEqualTo(1);
        normalCallIsAnsweredPromptly();
        stalled.forEach(call -> call.cancel(true));
        assertThat(upstream.awaitClosedByClient(2, 2000))
                .as("cancelled calls closed their connections")
                .isTrue();
        misbehave(r -> json(200, "{}"));
        assertThat(call("pets___Download", "{}").has("isError"))
                .as("the share is free again")
                .isFalse();
    }

    @Test
    void cancellingACallStopsItsRetriesAtOnce() throws Exception {
        settings.put("upstream.timeout-ms", "5000");
        service();
        misbehave(r -> answer(503, Map.of("Retry-After", "1"), new byte[0]));
        CompletableFuture<ObjectNode> call = service.call("pets___Download", JSON.readTree("{}"), null);
        assertThat(upstream.poll(2000)).isNotNull();
        call.cancel(true);
        assertThat(upstream.poll(1500)).as("no retry after the cancel").isNull();
        assertThat(service.metrics().snapshot().outcomes().get(CallOutcome.CANCELLED))
                .isEqualTo(1);
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(plain);
        }
        return out.toByteArray();
    }
}
