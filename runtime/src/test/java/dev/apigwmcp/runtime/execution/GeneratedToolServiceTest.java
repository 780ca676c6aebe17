package dev.apigwmcp.runtime.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigwmcp.runtime.auth.AuthEnvironment;
import dev.apigwmcp.runtime.auth.AwsKeys;
import dev.apigwmcp.runtime.config.Settings;
import dev.apigwmcp.runtime.protocol.JsonRpc;
import dev.apigwmcp.runtime.spi.GeneratedTool;
import dev.apigwmcp.runtime.spi.ToolRegistry;
import dev.apigwmcp.runtime.telemetry.MetricsRegistry;
import dev.apigwmcp.runtime.tools.ToolListing;
import dev.apigwmcp.runtime.upstream.CallOutcome;
import dev.apigwmcp.runtime.upstream.TestUpstream;
import dev.apigwmcp.runtime.upstream.TestUpstream.Reply;
import dev.apigwmcp.samples.demo.SigV4Verifier;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@Timeout(30)
class GeneratedToolServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ACCESS_KEY = "AKIDEXAMPLE";
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final String SESSION_TOKEN = "session-token-123";
    private static final String API_KEY = "k-123-secret";

    private TestUpstream upstream;
    private TestUpstream tokenServer;
    private GeneratedToolService service;
    private final Map<String, String> env = new HashMap<>();
    private final SigV4Verifier verifier =
            new SigV4Verifier(Map.of(ACCESS_KEY, SECRET_KEY), "us-east-1", "execute-api", Clock.systemUTC());

    @BeforeEach
    void start() throws IOException {
        upstream = new TestUpstream();
        tokenServer = new TestUpstream();
        env.put("PETS_KEY", API_KEY);
        env.put("PETS_SECRET", "client-secret");
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        upstream.close();
        tokenServer.close();
    }

    private Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("target.pets.base-url", upstream.baseUri().toString());
        settings.put("target.pets.api-key-env", "PETS_KEY");
        settings.put("target.pets.oauth2.token-url", tokenServer.uri("/token").toString());
        settings.put("target.pets.oauth2.client-id", "client-1");
        settings.put("target.pets.oauth2.client-secret-env", "PETS_SECRET");
        settings.put("target.pets.oauth2.scopes", "pets/read pets/write");
        return settings;
    }

    private AuthEnvironment environment() {
        return new AuthEnvironment(
                env::get, profile -> () -> new AwsKeys(ACCESS_KEY, SECRET_KEY, SESSION_TOKEN), Clock.systemUTC());
    }

    private GeneratedToolService service(Map<String, String> settings) {
        service = GeneratedToolService.create(List.of(new PetsRegistry()), Settings.of(settings), environment());
        return service;
    }

    private ObjectNode call(String tool, String arguments) {
        return service.call(tool, arguments == null ? null : JSON.readTree(arguments), null)
                .join();
    }

    private static String text(ObjectNode result) {
        return result.get("content").get(0).get("text").stringValue();
    }

    @Test
    void listsToolDefinitionsSortedByName() {
        service(settings());
        assertThat(service.listings())
                .extracting(ToolListing::name)
                .containsExactly(
                        "pets___CreatePet",
                        "pets___Download",
                        "pets___GetPet",
                        "pets___ListPets",
                        "pets___Proxy",
                        "pets___Secure");
        assertThat(service.hasTool("pets___GetPet")).isTrue();
        assertThat(service.hasTool("nope")).isFalse();
    }

    @Test
    void toolsAreCreatedOnTheirFirstCallAndOneThatCannotBeIsAnInternalError() {
        AtomicInteger created = new AtomicInteger();
        PetsRegistry pets = new PetsRegistry();
        ToolRegistry lazy = new ToolRegistry() {
            @Override
            public String targetName() {
                return pets.targetName();
            }

            @Override
            public String resourceFolder() {
                return pets.resourceFolder();
            }

            @Override
            public List<String> toolNames() {
                return pets.toolNames();
            }

            @Override
            public GeneratedTool<?> newTool(String name) {
                created.incrementAndGet();
                // A registry out of step with its catalog: hands out the wrong tool for ListPets.
                return pets.newTool(name.equals("pets___ListPets") ? "pets___GetPet" : name);
            }
        };
        service = GeneratedToolService.create(List.of(lazy), Settings.of(settings()), environment());
        assertThat(created).hasValue(0);
        upstream.respond(r -> Reply.json(200, "{\"id\":\"7\"}"));
        assertThat(call("pets___GetPet", "{\"petId\":\"7\"}").has("isError")).isFalse();
        assertThat(call("pets___GetPet", "{\"petId\":\"7\"}").has("isError")).isFalse();
        assertThat(created).hasValue(1);
        ObjectNode broken = call("pets___ListPets", "{}");
        assertThat(broken.get("isError").asBoolean()).isTrue();
        assertThat(text(broken)).isEqualTo("Internal error while building the request for tool pets___ListPets.");
    }

    @Test
    void jsonObjectResultIsTextAndStructuredContent() throws Exception {
        service(settings());
        upstream.respond(r -> Reply.json(200, "{\"id\":\"a/b\",\"name\":\"Rex\"}"));
        ObjectNode result = call("pets___GetPet", "{\"petId\":\"a/b\"}");
        assertThat(upstream.take().rawPath()).isEqualTo("/prod/pets/a%2Fb");
        assertThat(result.has("isError")).isFalse();
        assertThat(text(result)).isEqualTo("{\"id\":\"a/b\",\"name\":\"Rex\"}");
        assertThat(result.get("structuredContent")).isEqualTo(JSON.readTree("{\"id\":\"a/b\",\"name\":\"Rex\"}"));
    }

    @Test
    void arrayResultIsWrappedAsTheBindingSays() throws Exception {
        service(settings());
        upstream.respond(r -> Reply.json(200, "[{\"id\":1}]"));
        ObjectNode result = call("pets___ListPets", "{\"tags\":[\"a b\",\"c\"],\"limit\":5}");
        TestUpstream.Recorded request = upstream.take();
        assertThat(request.rawQuery()).isEqualTo("tag=a%20b&tag=c&limit=5");
        assertThat(result.get("structuredContent")).isEqualTo(JSON.readTree("{\"result\":[{\"id\":1}]}"));
    }

    @Test
    void numbersAndBooleansForStringParametersAreSentAsTheirText() throws Exception {
        service(settings());
        upstream.respond(r -> Reply.json(200, "{\"id\":\"7\"}"));
        ObjectNode result = call("pets___GetPet", "{\"petId\":7}");
        assertThat(result.has("isError")).isFalse();
        assertThat(upstream.take().rawPath()).isEqualTo("/prod/pets/7");
        upstream.respond(r -> Reply.json(200, "[]"));
        call("pets___ListPets", "{\"tags\":[1,true,\"x\"]}");
        assertThat(upstream.take().rawQuery()).isEqualTo("tag=1&tag=true&tag=x");
    }

    @Test
    void aDecimalPathArgumentArrivesWithEveryDigitAsTheClientWroteIt() throws Exception {
        service(settings());
        upstream.respond(r -> Reply.json(200, "{}"));
        ObjectNode result = service.call("pets___GetPet", JsonRpc.MAPPER.readTree("{\"petId\":1.50}"), null)
                .join();
        assertThat(result.has("isError")).isFalse();
        assertThat(upstream.take().rawPath()).isEqualTo("/prod/pets/1.50");
    }

    @Test
    void aNumberForAStringHeaderIsSentAsTextButBodyContentIsNeverCoerced() throws Exception {
        service(settings());
        upstream.respond(r -> Reply.json(201, "{}"));
        call("pets___CreatePet", "{\"body\":{\"name\":\"Rex\"},\"requestId\":12}");
        assertThat(upstream.take().header("x-request-id")).isEqualTo("12");
        ObjectNode result = call("pets___CreatePet", "{\"body\":{\"name\":5}}");
        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(text(result)).contains("$.body.name");
        assertThat(upstream.pending()).isZero();
    }

    @Test
    void aBodyObjectSentAsJsonTextIsSentAsTheObject() throws Exception {
        service(settings());
        upstream.respond(r -> Reply.json(201, "{}"));
        ObjectNode result = call("pets___CreatePet", "{\"body\":\"{\\\"name\\\":\\\"Rex\\\"}\"}");
        assertThat(result.has("isError")).isFalse();
        assertThat(JsonRpc.MAPPER.readTree(upstream.take().bodyText()))
                .isEqualTo(JsonRpc.MAPPER.readTree("{\"name\":\"Rex\"}"));
    }

    @Test
    void aBodyStringThatIsNotJsonIsRefusedNamingToolAndArgument() {
        service(settings());
        ObjectNode result = call("pets___CreatePet", "{\"body\":\"{name: Rex\"}");
        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(text(result))
                .startsWith("Invalid arguments for tool pets___CreatePet:")
                .contains("$.body")
                .contains("string found, object expected");
        assertThat(upstream.pending()).isZero();
    }

    @Test
    void invalidArgumentsNameEachProblemAndNothingGoesUpstream() {
        service(settings());
        ObjectNode result = call("pets___ListPets", "{\"tags\":\"x\",\"limit\":0,\"extra\":1}");
        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(text(result))
                .startsWith("Invalid arguments for tool pets___ListPets:")
                .contains("$.tags")
                .contains("$.limit")
                .contains("extra");
        assertThat(upstream.pending()).isZero();
    }

    @Test
    void missingArgumentsAreAnEmptyObject() {
        service(settings());
        ObjectNode result = call("pets___GetPet", null);
        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(text(result)).contains("petId");
        assertThat(upstream.pending()).isZero();
    }

    @Test
    void apiKeyAndSigV4AreAppliedTogetherOverTheExactBody() throws Exception {
        service(settings());
        upstream.respond(r -> Reply.json(201, "{\"id\":\"7\"}"));
        ObjectNode result = call("pets___CreatePet", "{\"body\":{\"name\":\"Rex é\"},\"requestId\":\"r-1\"}");
        TestUpstream.Recorded request = upstream.take();
        assertThat(result.has("isError")).isFalse();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("x-api-key")).isEqualTo(API_KEY);
        assertThat(request.header("x-request-id")).isEqualTo("r-1");
        assertThat(request.header("x-amz-security-token")).isEqualTo(SESSION_TOKEN);
        assertThat(request.bodyText()).isEqualTo("{\"name\":\"Rex é\"}");
        assertThat(verifier.problem(request)).isNull();
        assertThat(new SigV4Verifier(Map.of(ACCESS_KEY, "other-secret"), "us-east-1", "execute-api", Clock.systemUTC())
                        .problem(request))
                .startsWith("signature mismatch");
    }

    @Test
    void sigV4CoversDoubleEncodedGreedyPathsForAnyMethod() throws Exception {
        service(settings());
        upstream.respond(r -> Reply.of(204, null, new byte[0]));
        ObjectNode result = call("pets___Proxy", "{\"method\":\"DELETE\",\"proxy\":\"docs/a b/100%.txt\"}");
        TestUpstream.Recorded request = upstream.take();
        assertThat(request.method()).isEqualTo("DELETE");
        assertThat(request.rawPath()).isEqualTo("/prod/files/docs/a%20b/100%25.txt");
        assertThat(verifier.problem(request)).isNull();
        assertThat(text(result)).isEqualTo("Upstream answered HTTP 204 No Content with no content.");
    }

    @Test
    void greedyDotSegmentsAreRejectedBeforeAnythingIsSent() {
        service(settings());
        ObjectNode result = call("pets___Proxy", "{\"method\":\"GET\",\"proxy\":\"a/../../admin\"}");
        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(text(result)).startsWith("Invalid argument 'proxy' for tool pets___Proxy:");
        assertThat(upstream.pending()).isZero();
    }

    @Test
    void bearerTokenIsFetchedOnceAndReused() throws Exception {
        service(settings());
        tokenServer.respond(
                r -> Reply.json(200, "{\"access_token\":\"tok-1\",\"token_type\":\"Bearer\",\"expires_in\":3600}"));
        call("pets___Secure", "{}");
        call("pets___Secure", "{}");
        assertThat(upstream.take().header("authorization")).isEqualTo("Bearer tok-1");
        assertThat(upstream.take().header("authorization")).isEqualTo("Bearer tok-1");
        TestUpstream.Recorded tokenRequest = tokenServer.take();
        assertThat(tokenServer.pending()).isZero();
        assertThat(tokenRequest.method()).isEqualTo("POST");
        assertThat(tokenRequest.bodyText()).isEqualTo("grant_type=client_credentials&scope=pets%2Fread+pets%2Fwrite");
        assertThat(tokenRequest.header("authorization"))
                .isEqualTo("Basic "
                        + Base64.getEncoder()
                                .encodeToString("client-1:client-secret".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void refusedClientCredentialsAreAToolErrorWithoutTheSecret() {
        service(settings());
        tokenServer.respond(r -> Reply.json(401, "{\"error\":\"invalid_client\"}"));
        ObjectNode result = call("pets___Secure", "{}");
        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(text(result)).contains("HTTP 401").contains("invalid_client").doesNotContain("client-secret");
        assertThat(upstream.pending()).isZero();
    }

    @Test
    void clientErrorCarriesStatusAndUpstreamMessage() {
        service(settings());
        upstream.respond(r -> Reply.json(404, "{\"message\":\"Pet not found\"}"));
        ObjectNode result = call("pets___GetPet", "{\"petId\":\"9\"}");
        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(text(result)).isEqualTo("Upstream rejected the request with HTTP 404 Not Found: Pet not found");
        assertThat(result.has("structuredContent")).isFalse();
    }

    @Test
    void slowUpstreamTimesOut() {
        Map<String, String> settings = settings();
        settings.put("upstream.timeout-ms", "300");
        service(settings);
        upstream.respond(r -> Reply.json(200, "{}").delayed(3000));
        ObjectNode result = call("pets___ListPets", "{}");
        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(text(result))
                .isEqualTo("The upstream did not answer within the tool's deadline of 300 ms (the"
                        + " export's timeoutInMillis, else upstream.timeout-ms): the request was sent, but the response"
                        + " headers did not arrive. The gateway closed the connection.");
        assertThat(service.metrics().snapshot().outcomes().get(CallOutcome.TIMEOUT))
                .isEqualTo(1);
    }

    @Test
    void callsBeyondTheConcurrencyLimitWaitTheirTurn() {
        Map<String, String> settings = settings();
        settings.put("calls.max-concurrent", "1");
        service(settings);
        call("pets___ListPets", "{}"); // not timed: the first call compiles the schema and starts the client
        upstream.respond(r -> Reply.json(200, "[]").delayed(400));
        long start = System.nanoTime();
        CompletableFuture<ObjectNode> first = service.call("pets___ListPets", JSON.readTree("{}"), null);
        CompletableFuture<ObjectNode> second = service.call("pets___Download", JSON.readTree("{}"), null);
        assertThat(first.join().path("isError").asBoolean()).isFalse();
        assertThat(second.join().path("isError").asBoolean()).isFalse();
        // Two 400 ms exchanges one after the other; in parallel they would be done in about 400 ms.
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(790);
    }

    @Test
    void anApiKeyInTheQueryArrivesThereAndIsSigned() throws Exception {
        Map<String, String> settings = settings();
        settings.put("target.pets.api-key-in", "query");
        service(settings);
        upstream.respond(r -> Reply.json(201, "{\"id\":\"7\"}"));
        ObjectNode result = call("pets___CreatePet", "{\"body\":{\"name\":\"x\"}}");
        TestUpstream.Recorded request = upstream.take();
        assertThat(result.has("isError")).isFalse();
        assertThat(request.rawQuery()).isEqualTo("x-api-key=" + API_KEY);
        assertThat(request.header("x-api-key")).isNull();
        assertThat(verifier.problem(request)).isNull();
        assertThat(verifier.problem(new TestUpstream.Recorded(
                        request.method(), request.rawPath(), "x-api-key=other", request.headers(), request.body())))
                .isNotNull();
    }

    @Test
    void unreachableUpstreamIsAConnectionErrorThatNeverShowsAQueryApiKey() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> settings = settings();
        settings.put("target.pets.base-url", "http://127.0.0.1:" + closedPort + "/prod");
        settings.put("target.pets.api-key-in", "query");
        service(settings);
        ObjectNode result = call("pets___CreatePet", "{\"body\":{\"name\":\"x\"}}");
        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(text(result))
                .startsWith("Could not connect to the upstream at http://127.0.0.1:" + closedPort + "/prod/pets")
                .doesNotContain(API_KEY);
    }

    @Test
    void cancellingTheCallAbortsTheUpstreamRequest() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CountDownLatch received = new CountDownLatch(1);
            CountDownLatch closed = new CountDownLatch(1);
            Thread acceptor = new Thread(() -> {
                try (Socket socket = server.accept();
                        InputStream in = socket.getInputStream()) {
                    StringBuilder head = new StringBuilder();
                    int b;
                    while ((b = in.read()) >= 0) {
                        head.append((char) b);
                        if (head.toString().endsWith("\r\n\r\n")) {
                            received.countDown();
                        }
                    }
                    closed.countDown(); // end of stream: the client closed the connection
                } catch (IOException e) {
                    closed.countDown(); // reset by the client: also closed
                }
            });
            acceptor.start();
            Map<String, String> settings = settings();
            settings.put("target.pets.base-url", "http://127.0.0.1:" + server.getLocalPort() + "/prod");
            service(settings);
            CompletableFuture<ObjectNode> call =
                    service.call("pets___GetPet", JSON.readTree("{\"petId\":\"1\"}"), null);
            assertThat(received.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(call.cancel(true)).isTrue();
            assertThat(closed.await(5, TimeUnit.SECONDS))
                    .as("upstream connection closed after cancel")
                    .isTrue();
            assertThatThrownBy(call::join).isInstanceOf(CancellationException.class);
            assertThat(service.metrics().snapshot().outcomes().get(CallOutcome.CANCELLED))
                    .isEqualTo(1);
            acceptor.join(5000);
        }
    }

    @Test
    void metricsCountCallsByOutcome() {
        service(settings());
        upstream.respond(r -> Reply.json(200, "{\"id\":\"1\"}"));
        call("pets___GetPet", "{\"petId\":\"1\"}");
        call("pets___GetPet", "{}");
        MetricsRegistry.Snapshot snapshot = service.metrics().snapshot();
        assertThat(snapshot.calls()).isEqualTo(2);
        assertThat(snapshot.errors()).isEqualTo(1);
        assertThat(snapshot.outcomes().get(CallOutcome.INVALID_ARGUMENTS)).isEqualTo(1);
        assertThat(snapshot.attempts())
                .as("only the valid call reached the upstream")
                .isEqualTo(1);
        assertThat(snapshot.inFlight()).isZero();
    }

    @Test
    void precompiledSchemasStillValidate() {
        Map<String, String> settings = settings();
        settings.put("validation.precompile", "true");
        service(settings);
        assertThat(text(call("pets___GetPet", "{\"petId\":[5]}"))).contains("$.petId");
    }

    @Test
    void warmUpLeavesCallsWorking() throws Exception {
        service(settings());
        service.warmUp().get(10, TimeUnit.SECONDS);
        upstream.respond(r -> Reply.json(200, "{\"id\":\"1\"}"));
        assertThat(call("pets___GetPet", "{\"petId\":\"1\"}").has("isError")).isFalse();
    }

    @Test
    void apiKeyFromAFileIsSent() throws Exception {
        Path keyFile = Files.createTempFile("pets", ".key");
        try {
            Files.writeString(keyFile, "file-key\n");
            Map<String, String> settings = settings();
            settings.remove("target.pets.api-key-env");
            settings.put("target.pets.api-key-file", keyFile.toString());
            service(settings);
            call("pets___CreatePet", "{\"body\":{\"name\":\"x\"}}");
            assertThat(upstream.take().header("x-api-key")).isEqualTo("file-key");
        } finally {
            Files.deleteIfExists(keyFile);
        }
    }

    @Test
    void missingCredentialsAndBadSettingsFailAtStartWithEveryProblem() {
        Map<String, String> settings = settings();
        settings.remove("target.pets.api-key-env");
        settings.remove("target.pets.oauth2.client-id");
        settings.put("upstream.timeout-ms", "soon");
        env.clear();
        assertThatThrownBy(() -> service(settings))
                .isInstanceOf(StartupException.class)
                .satisfies(e -> assertThat(((StartupException) e).problems())
                        .containsExactlyInAnyOrder(
                                "setting upstream.timeout-ms: 'soon' is not a positive whole number",
                                "target 'pets': tools need an API key; set target.pets.api-key-env (an environment variable"
                                        + " name) or target.pets.api-key-file (a file)",
                                "target 'pets': tools need an OAuth2 bearer token; set target.pets.oauth2.client-id (and the"
                                        + " client secret: target.pets.oauth2.client-secret-env or"
                                        + " target.pets.oauth2.client-secret-file)"))
                .satisfies(e -> assertThat(((StartupException) e).badSettings())
                        .as("a wrong value among them")
                        .isTrue());
    }

    @Test
    void missingCredentialsAloneAreNoWrongSetting() {
        Map<String, String> settings = settings();
        settings.remove("target.pets.api-key-env");
        assertThatThrownBy(() -> service(settings))
                .isInstanceOfSatisfying(
                        StartupException.class, e -> assertThat(e.badSettings()).isFalse());
    }

    @Test
    void wrongValuesOfToolSideSettingsAreWrongSettings() {
        Map<String, String> settings = settings();
        settings.put("target.pets.api-key-in", "sideways");
        settings.put("validation.precompile", "maybe");
        assertThatThrownBy(() -> service(settings)).isInstanceOfSatisfying(StartupException.class, e -> {
            assertThat(e.badSettings()).isTrue();
            assertThat(e.problems())
                    .contains(
                            "setting validation.precompile: 'maybe' is not true or false",
                            "setting target.pets.api-key-in: 'sideways' is not 'header' or 'query'");
        });
    }

    @Test
    void retryAndCircuitSettingsOutOfRangeAreWrongSettingsNamingTheRange() {
        Map<String, String> settings = settings();
        settings.put("upstream.retry.max-attempts", "0");
        settings.put("upstream.circuit.failure-rate", "150");
        settings.put("calls.max-concurrent-per-tool", "none");
        assertThatThrownBy(() -> service(settings)).isInstanceOfSatisfying(StartupException.class, e -> {
            assertThat(e.badSettings()).isTrue();
            assertThat(e.problems())
                    .contains(
                            "setting upstream.retry.max-attempts: '0' is not a whole number from 1 to 10",
                            "setting upstream.circuit.failure-rate: '150' is not a whole number from 0 to 100",
                            "setting calls.max-concurrent-per-tool: 'none' is not a positive whole number");
        });
    }

    @Test
    void inconsistentTargetsFailAtStartNamingBothTargets() {
        List<String> problems = new ArrayList<>();
        try {
            GeneratedToolService.create(
                            List.of(new PetsRegistry(), new BrokenRegistry()), Settings.of(settings()), environment())
                    .close();
        } catch (StartupException e) {
            problems.addAll(e.problems());
        }
        assertThat(problems)
                .contains(
                        "target 'broken': tool 'broken___Listed' is in tools.json but has no generated code"
                                + " (dev.apigwmcp.runtime.execution.BrokenRegistry.toolNames()); regenerate the target",
                        "target 'broken': tool 'broken___Listed' is in tools.json but not in bindings.json; regenerate the"
                                + " target",
                        "target 'broken': its export has no server URL, so the gateway does not know the API's host; set"
                                + " --target.broken.base-url URL (environment variable APIGW_MCP_TARGET_BROKEN_BASE_URL, or"
                                + " target.broken.base-url=URL in the --config file)");
        Map<String, String> settings = settings();
        settings.put("target.broken.base-url", "http://127.0.0.1:1/");
        problems.clear();
        try {
            GeneratedToolService.create(
                            List.of(new PetsRegistry(), new BrokenRegistry()), Settings.of(settings), environment())
                    .close();
        } catch (StartupException e) {
            problems.addAll(e.problems());
        }
        assertThat(problems)
                .contains("tool 'pets___GetPet' is defined by both target 'pets' and target 'broken';"
                        + " give one target another tool prefix");
    }

    @Test
    void serviceLoaderFindsRegisteredTargets(@TempDir Path dir) throws Exception {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(
                services.resolve("dev.apigwmcp.runtime.spi.ToolRegistry"), PetsRegistry.class.getName() + "\n");
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            service = GeneratedToolService.load(Settings.of(settings()), loader, environment());
        }
        assertThat(service.listings()).hasSize(6);
    }

    @Test
    void nothingOnTheClasspathIsAStartupError(@TempDir Path dir) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertThatThrownBy(() -> GeneratedToolService.load(Settings.of(Map.of()), loader, environment()))
                    .isInstanceOf(StartupException.class)
                    .hasMessageContaining("no generated tools found");
        }
    }

    @Test
    void binaryAndImageAnswersAreMappedByMediaType() {
        service(settings());
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
        upstream.respond(r -> Reply.of(200, "image/png", png));
        JsonNode image = call("pets___Download", "{}").get("content").get(0);
        assertThat(image.get("type").stringValue()).isEqualTo("image");
        assertThat(image.get("mimeType").stringValue()).isEqualTo("image/png");
        assertThat(Base64.getDecoder().decode(image.get("data").stringValue())).isEqualTo(png);
        byte[] pdf = {'%', 'P', 'D', 'F', (byte) 0xFF, (byte) 0xFE};
        upstream.respond(r -> Reply.of(200, "application/pdf", pdf));
        JsonNode resource = call("pets___Download", "{}").get("content").get(0);
        assertThat(resource.get("type").stringValue()).isEqualTo("resource");
        assertThat(resource.get("resource").get("mimeType").stringValue()).isEqualTo("application/pdf");
        assertThat(resource.get("resource").get("uri").stringValue()).isEqualTo(upstream.baseUri() + "/download");
        assertThat(Base64.getDecoder()
                        .decode(resource.get("resource").get("blob").stringValue()))
                .isEqualTo(pdf);
    }

    @Test
    void oversizedAnswerIsCutWithANote() {
        Map<String, String> settings = settings();
        settings.put("upstream.max-response-bytes", "16");
        service(settings);
        upstream.respond(
                r -> Reply.of(200, "text/plain", "0123456789abcdefghijklmnop".getBytes(StandardCharsets.UTF_8)));
        assertThat(text(call("pets___Download", "{}")))
                .isEqualTo("0123456789abcdef\n[response cut at 16 bytes: it is" + " larger than the configured limit]");
    }
}
