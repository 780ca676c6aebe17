package dev.apigwmcp.runtime.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigwmcp.runtime.auth.AuthEnvironment;
import dev.apigwmcp.runtime.auth.AwsKeys;
import dev.apigwmcp.runtime.config.Settings;
import dev.apigwmcp.runtime.search.SearchSettings;
import dev.apigwmcp.runtime.search.SearchingToolService;
import dev.apigwmcp.runtime.spi.CallerIdentity;
import dev.apigwmcp.runtime.spi.InterceptedCall;
import dev.apigwmcp.runtime.spi.InterceptedResult;
import dev.apigwmcp.runtime.spi.ToolCallRejected;
import dev.apigwmcp.runtime.spi.ToolInterceptor;
import dev.apigwmcp.runtime.spi.ToolSelector;
import dev.apigwmcp.runtime.telemetry.GatewayTelemetry;
import dev.apigwmcp.runtime.telemetry.InMemoryOpenTelemetry;
import dev.apigwmcp.runtime.telemetry.Telemetry;
import dev.apigwmcp.runtime.tools.CallContext;
import dev.apigwmcp.runtime.tools.Caller;
import dev.apigwmcp.runtime.tools.ProgressListener;
import dev.apigwmcp.runtime.tools.ToolService;
import dev.apigwmcp.runtime.upstream.CallOutcome;
import dev.apigwmcp.runtime.upstream.TestUpstream;
import dev.apigwmcp.runtime.upstream.TestUpstream.Reply;
import dev.apigwmcp.samples.demo.SigV4Verifier;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Interceptors around tool calls: order, selection, refusals, argument, header and result changes, failures. */
@Timeout(30)
class ToolInterceptorsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ACCESS_KEY = "AKIDEXAMPLE";
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final String API_KEY = "k-123-secret";

    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private TestUpstream upstream;
    private GeneratedToolService service;

    @BeforeEach
    void start() throws IOException {
        upstream = new TestUpstream();
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        upstream.close();
    }

    private GeneratedToolService service(Map<String, String> extra, ToolInterceptor... interceptors) {
        return service(extra, Telemetry.callLogOnly(), interceptors);
    }

    private GeneratedToolService service(
            Map<String, String> extra, Telemetry telemetry, ToolInterceptor... interceptors) {
        Map<String, String> settings = new HashMap<>();
        settings.put("target.pets.base-url", upstream.baseUri().toString());
        settings.put("target.pets.api-key-env", "PETS_KEY");
        settings.put("target.pets.oauth2.token-url", "http://127.0.0.1:9/token");
        settings.put("target.pets.oauth2.client-id", "client-1");
        settings.put("target.pets.oauth2.client-secret-env", "PETS_KEY");
        settings.putAll(extra);
        service = GeneratedToolService.create(
                List.of(new PetsRegistry()),
                Settings.of(settings),
                environment(),
                telemetry,
                Interceptors.of(List.of(interceptors)));
        return service;
    }

    private GeneratedToolService service(ToolInterceptor... interceptors) {
        return service(Map.of(), interceptors);
    }

    private static AuthEnvironment environment() {
        return new AuthEnvironment(
                Map.of("PETS_KEY", API_KEY)::get,
                profile -> () -> new AwsKeys(ACCESS_KEY, SECRET_KEY, null),
                Clock.systemUTC());
    }

    private ObjectNode call(String tool, String arguments) {
        return call(tool, arguments, Caller.LOCAL);
    }

    private ObjectNode call(String tool, String arguments, Caller caller) {
        return service.call(tool, JSON.readTree(arguments), ProgressListener.NONE, caller, CallContext.NONE)
                .join();
    }

    private static String text(ObjectNode result) {
        return result.get("content").get(0).get("text").stringValue();
    }

    private static boolean isError(ObjectNode result) {
        return result.path("isError").asBoolean(false);
    }

    private long outcomes(CallOutcome outcome) {
        return service.metrics().snapshot().outcomes().getOrDefault(outcome, 0L);
    }

    /** An interceptor made of two lambdas, with an order and a selector. */
    private static class Hooks implements ToolInterceptor {
        private final int order;
        private final ToolSelector selector;
        private final Consumer<InterceptedCall> before;
        private final BiConsumer<InterceptedCall, InterceptedResult> after;

        Hooks(
                int order,
                ToolSelector selector,
                Consumer<InterceptedCall> before,
                BiConsumer<InterceptedCall, InterceptedResult> after) {
            this.order = order;
            this.selector = selector;
            this.before = before;
            this.after = after;
        }

        @Override
        public int order() {
            return order;
        }

        @Override
        public ToolSelector selector() {
            return selector;
        }

        @Override
        public void beforeCall(InterceptedCall call) {
            before.accept(call);
        }

        @Override
        public void afterCall(InterceptedCall call, InterceptedResult result) {
            after.accept(call, result);
        }
    }

    private static Hooks before(Consumer<InterceptedCall> before) {
        return new Hooks(0, ToolSelector.all(), before, (c, r) -> {});
    }

    private static Hooks after(BiConsumer<InterceptedCall, InterceptedResult> after) {
        return new Hooks(0, ToolSelector.all(), c -> {}, after);
    }

    /** Three classes, so that ties in order are broken by class name. */
    private final class Beta extends Hooks {
        Beta(int order) {
            super(order, ToolSelector.all(), c -> events.add("before beta"), (c, r) -> events.add("after beta"));
        }
    }

    private final class Alpha extends Hooks {
        Alpha(int order) {
            super(order, ToolSelector.all(), c -> events.add("before alpha"), (c, r) -> events.add("after alpha"));
        }
    }

    private final class Gamma extends Hooks {
        Gamma(int order) {
            super(order, ToolSelector.all(), c -> events.add("before gamma"), (c, r) -> events.add("after gamma"));
        }
    }

    private Hooks recording(String name, ToolSelector selector) {
        return new Hooks(0, selector, c -> events.add(name + " " + c.tool().name()), (c, r) -> {});
    }

    @Test
    void beforeCallsRunByAscendingOrderThenClassNameAndAfterCallsInReverse() {
        service(new Gamma(-5), new Beta(3), new Alpha(3));
        call("pets___GetPet", "{\"petId\":\"1\"}");
        assertThat(events)
                .containsExactly(
                        "before gamma", "before alpha", "before beta", "after beta", "after alpha", "after gamma");
    }

    @Test
    void aNamePatternSelectsOnlyTheToolsItMatches() {
        service(recording("get", ToolSelector.tools("pets___Get*")));
        call("pets___GetPet", "{\"petId\":\"1\"}");
        call("pets___ListPets", "{}");
        assertThat(events).containsExactly("get pets___GetPet");
    }

    @Test
    void aTargetSelectorSelectsEveryToolOfThatTargetOnly() {
        service(recording("pets", ToolSelector.targets("pets")), recording("other", ToolSelector.targets("orders")));
        call("pets___GetPet", "{\"petId\":\"1\"}");
        assertThat(events).containsExactly("pets pets___GetPet");
    }

    @Test
    void anAnnotationSelectorCountsMcpDefaultsForToolsWithoutAnnotations() {
        // The test catalog lists no annotations: MCP reads that as not read-only and destructive.
        service(
                recording("destructive", ToolSelector.destructive()),
                recording("read", ToolSelector.readOnly()),
                recording("idempotent", ToolSelector.hint("idempotentHint", true)));
        call("pets___GetPet", "{\"petId\":\"1\"}");
        assertThat(events).containsExactly("destructive pets___GetPet");
    }

    @Test
    void aRefusalIsAToolErrorWithTheInterceptorsMessageAndNothingGoesUpstream() {
        service(before(c -> {
            throw new ToolCallRejected("Deleting pets needs the pets/admin scope.");
        }));
        ObjectNode result = call("pets___GetPet", "{\"petId\":\"1\"}");
        assertThat(isError(result)).isTrue();
        assertThat(text(result)).isEqualTo("Deleting pets needs the pets/admin scope.");
        assertThat(upstream.pending()).isZero();
        assertThat(outcomes(CallOutcome.REJECTED)).isEqualTo(1);
    }

    @Test
    void aRefusedCallRunsNoAfterCall() {
        service(after((c, r) -> events.add("after")), before(c -> {
            throw new ToolCallRejected("no");
        }));
        call("pets___GetPet", "{\"petId\":\"1\"}");
        assertThat(events).isEmpty();
    }

    @Test
    void argumentsChangedInPlaceAreWhatTheUpstreamReceives() throws Exception {
        service(before(c -> c.arguments().put("petId", "42")));
        call("pets___GetPet", "{\"petId\":\"1\"}");
        assertThat(upstream.take().rawPath()).isEqualTo("/prod/pets/42");
    }

    @Test
    void aTypedInterceptorWorksOnTheToolsArgumentsRecord() throws Exception {
        service(new ToolInterceptor.Typed<>("pets___GetPet", PetsRegistry.GetPetArguments.class) {
            @Override
            protected PetsRegistry.GetPetArguments beforeCall(
                    PetsRegistry.GetPetArguments arguments, InterceptedCall call) {
                return new PetsRegistry.GetPetArguments("pet-" + arguments.petId());
            }
        });
        call("pets___GetPet", "{\"petId\":\"7\"}");
        assertThat(upstream.take().rawPath()).isEqualTo("/prod/pets/pet-7");
    }

    @Test
    void aTypedInterceptorRunsOnlyForItsTool() {
        service(new ToolInterceptor.Typed<>("pets___GetPet", PetsRegistry.GetPetArguments.class) {
            @Override
            protected PetsRegistry.GetPetArguments beforeCall(
                    PetsRegistry.GetPetArguments arguments, InterceptedCall call) {
                events.add("typed");
                return arguments;
            }
        });
        call("pets___ListPets", "{}");
        assertThat(events).isEmpty();
    }

    @Test
    void readingArgumentsAsAnotherToolsRecordIsAToolErrorNamingTheRecord() {
        service(before(c -> c.arguments(PetsRegistry.ListPetsArguments.class)));
        ObjectNode result = call("pets___GetPet", "{\"petId\":\"1\"}");
        assertThat(text(result)).contains("GetPetArguments").contains("ListPetsArguments");
        assertThat(upstream.pending()).isZero();
    }

    @Test
    void argumentsChangedAgainstTheInputSchemaAreAToolErrorNamingTheInterceptorAndTheArgument() {
        Hooks breaking = before(c -> c.arguments().put("colour", "red"));
        service(breaking);
        ObjectNode result = call("pets___GetPet", "{\"petId\":\"1\"}");
        assertThat(isError(result)).isTrue();
        assertThat(text(result))
                .contains(breaking.getClass().getName())
                .contains("input schema")
                .contains("colour");
        assertThat(upstream.pending()).isZero();
    }

    @Test
    void anAddedHeaderIsSentAndSignedBySigV4() throws Exception {
        upstream.requireSigV4(
                new SigV4Verifier(Map.of(ACCESS_KEY, SECRET_KEY), "us-east-1", "execute-api", Clock.systemUTC()));
        service(Map.of("target.pets.aws-region", "us-east-1"), before(c -> c.addHeader("X-Tenant", "t-1")));
        ObjectNode result = call("pets___CreatePet", "{\"body\":{\"name\":\"Bo\"}}");
        assertThat(isError(result)).as("%s", result).isFalse();
        TestUpstream.Recorded request = upstream.take();
        assertThat(request.header("x-tenant")).isEqualTo("t-1");
        assertThat(request.header("authorization")).contains("x-tenant");
        assertThat(request.header("x-api-key")).isEqualTo(API_KEY);
    }

    @Test
    void credentialHeadersAreRefusedNamingTheHeaderAndTheInterceptor() {
        for (String header : List.of(
                "Authorization", "x-api-key", "X-Amz-Date", "X-Amz-Security-Token", "Proxy-Authorization", "Cookie")) {
            Hooks setting = before(c -> c.addHeader(header, "forged"));
            service(setting);
            ObjectNode result = call("pets___CreatePet", "{\"body\":{\"name\":\"Bo\"}}");
            assertThat(isError(result)).isTrue();
            assertThat(text(result))
                    .as(header)
                    .contains(setting.getClass().getName())
                    .contains("'" + header + "'")
                    .contains("credentials");
            assertThat(upstream.pending()).isZero();
            service.close();
        }
    }

    @Test
    void theHeaderTheToolsTokenGoesInIsRefused() {
        // pets___Secure sends its bearer token in Authorization; a gateway-set header is refused too.
        service(before(c -> c.addHeader("Host", "elsewhere.example")));
        ObjectNode result = call("pets___Secure", "{}");
        assertThat(text(result)).contains("'Host'").contains("reserved");
    }

    @Test
    void aHeaderAnArgumentSetsIsRefusedNamingTheInterceptor() {
        Hooks setting = before(c -> c.addHeader("X-Request-Id", "from-interceptor"));
        service(setting);
        ObjectNode result = call("pets___CreatePet", "{\"body\":{\"name\":\"Bo\"},\"requestId\":\"r-1\"}");
        assertThat(isError(result)).isTrue();
        assertThat(text(result))
                .contains(setting.getClass().getName())
                .contains("X-Request-Id")
                .contains("argument");
        assertThat(upstream.pending()).isZero();
    }

    @Test
    void aChangedStructuredResultReplacesTheTextThatMirrorsIt() {
        upstream.respond(r -> Reply.json(200, "{\"id\":\"1\",\"name\":\"ada@example.com\"}"));
        service(after((c, r) -> ((ObjectNode) r.structuredContent()).put("name", "[redacted]")));
        ObjectNode result = call("pets___GetPet", "{\"petId\":\"1\"}");
        assertThat(result.get("structuredContent").get("name").asString()).isEqualTo("[redacted]");
        assertThat(result.toString()).doesNotContain("ada@example.com");
        assertThat(JSON.readTree(text(result))).isEqualTo(result.get("structuredContent"));
    }

    /** Redacts the pet's name through the tool's output record. */
    private static final class RedactName
            extends ToolInterceptor.TypedResult<PetsRegistry.GetPetArguments, PetsRegistry.GetPetOutput> {
        private final List<String> errors = new ArrayList<>();

        RedactName() {
            super("pets___GetPet", PetsRegistry.GetPetArguments.class, PetsRegistry.GetPetOutput.class);
        }

        @Override
        protected PetsRegistry.GetPetOutput afterCall(PetsRegistry.GetPetOutput output, InterceptedCall call) {
            return new PetsRegistry.GetPetOutput(output.id(), "[redacted]", output.additionalProperties());
        }

        @Override
        protected void afterError(InterceptedCall call, InterceptedResult result) {
            errors.add(call.tool().name() + " " + result.status());
        }
    }

    @Test
    void aTypedResultInterceptorChangesTheResultThroughTheOutputRecordAndKeepsUndeclaredMembers() {
        upstream.respond(r -> Reply.json(200, "{\"id\":\"1\",\"name\":\"ada@example.com\",\"x\":[1.50,null]}"));
        service(new RedactName());
        ObjectNode result = call("pets___GetPet", "{\"petId\":\"1\"}");
        // As text: the undeclared member keeps every digit as the upstream wrote it.
        assertThat(result.get("structuredContent").toString())
                .isEqualTo("{\"id\":\"1\",\"name\":\"[redacted]\",\"x\":[1.50,null]}");
        assertThat(result.toString()).doesNotContain("ada@example.com");
        assertThat(text(result)).isEqualTo(result.get("structuredContent").toString());
    }

    @Test
    void aTypedResultInterceptorSeesErrorResultsInAfterError() {
        upstream.respond(r -> Reply.json(404, "{\"message\":\"no pet\"}"));
        RedactName redacting = new RedactName();
        service(redacting);
        ObjectNode result = call("pets___GetPet", "{\"petId\":\"1\"}");
        assertThat(isError(result)).isTrue();
        assertThat(redacting.errors).containsExactly("pets___GetPet 404");
    }

    @Test
    void anOutputRecordChangedAgainstTheOutputSchemaIsStillAToolErrorNamingTheInterceptor() {
        upstream.respond(r -> Reply.json(200, "{\"id\":\"1\",\"name\":\"Rex\"}"));
        // An additional member can carry any JSON: the gateway checks the written record against the schema.
        Hooks breaking = after((c, r) ->
                r.setStructuredContent(new PetsRegistry.GetPetOutput("1", null, Map.of("name", JSON.readTree("7")))));
        service(breaking);
        ObjectNode result = call("pets___GetPet", "{\"petId\":\"1\"}");
        assertThat(isError(result)).isTrue();
        assertThat(text(result)).contains(breaking.getClass().getName()).contains("output schema");
    }

    @Test
    void readingTheResultOfAToolWithoutAnOutputRecordAsOneIsAToolErrorSayingSo() {
        upstream.respond(r -> Reply.json(200, "{\"result\":[]}"));
        service(after((c, r) -> r.structuredContent(PetsRegistry.GetPetOutput.class)));
        ObjectNode result = call("pets___ListPets", "{}");
        assertThat(isError(result)).isTrue();
        assertThat(text(result)).contains("pets___ListPets has no output record");
    }

    @Test
    void aWrappedResultsTextMirrorsTheUnwrappedValue() {
        upstream.respond(r -> Reply.json(200, "[{\"id\":\"1\"}]"));
        service(after((c, r) -> r.setStructuredContent(JSON.readTree("{\"result\":[]}"))));
        ObjectNode result = call("pets___ListPets", "{}");
        assertThat(text(result)).isEqualTo("[]");
    }

    @Test
    void aResultChangedAgainstTheOutputSchemaIsAToolErrorNamingTheInterceptor() {
        upstream.respond(r -> Reply.json(200, "{\"id\":\"1\",\"name\":\"Rex\"}"));
        Hooks breaking = after((c, r) -> ((ObjectNode) r.structuredContent()).put("name", 7));
        service(breaking);
        ObjectNode result = call("pets___GetPet", "{\"petId\":\"1\"}");
        assertThat(isError(result)).isTrue();
        assertThat(result.has("structuredContent")).isFalse();
        assertThat(text(result))
                .contains(breaking.getClass().getName())
                .contains("output schema")
                .doesNotContain("Rex");
    }

    @Test
    void aStructuredResultRemovedThroughTheWholeResultIsAToolErrorNamingTheInterceptor() {
        upstream.respond(r -> Reply.json(200, "{\"id\":\"1\",\"name\":\"ada@example.com\"}"));
        Hooks removing = after((c, r) -> r.result().remove("structuredContent"));
        service(removing);
        ObjectNode result = call("pets___GetPet", "{\"petId\":\"1\"}");
        assertThat(isError(result)).isTrue();
        assertThat(text(result)).contains(removing.getClass().getName()).contains("removed");
        assertThat(result.toString()).doesNotContain("ada@example.com");
    }

    @Test
    void afterCallsSeeUpstreamErrorsAndMayReplaceThem() {
        upstream.respond(r -> Reply.json(404, "{\"message\":\"Pet 1 not found, owner ada@example.com\"}"));
        List<Integer> seen = new ArrayList<>();
        service(after((c, r) -> {
            seen.add(r.status());
            if (r.isError()) {
                r.fail("The pet could not be read.");
            }
        }));
        ObjectNode result = call("pets___GetPet", "{\"petId\":\"1\"}");
        assertThat(seen).containsExactly(404);
        assertThat(text(result)).isEqualTo("The pet could not be read.");
        assertThat(result.toString()).doesNotContain("ada@example.com");
    }

    @Test
    void anExceptionInBeforeCallIsAToolErrorNamingTheInterceptorAndNothingGoesUpstream() {
        Hooks failing = before(c -> {
            throw new IllegalStateException("no tenant table");
        });
        service(failing);
        ObjectNode result = call("pets___GetPet", "{\"petId\":\"1\"}");
        assertThat(isError(result)).isTrue();
        assertThat(text(result))
                .contains(failing.getClass().getName())
                .contains("beforeCall")
                .contains("no tenant table")
                .doesNotContain("\tat ");
        assertThat(upstream.pending()).isZero();
        assertThat(outcomes(CallOutcome.INTERNAL)).isEqualTo(1);
    }

    @Test
    void anExceptionInAfterCallIsAToolErrorNamingTheInterceptorWithoutTheResult() {
        upstream.respond(r -> Reply.json(200, "{\"id\":\"1\",\"name\":\"Rex\"}"));
        Hooks failing = after((c, r) -> {
            throw new NullPointerException();
        });
        service(failing);
        ObjectNode result = call("pets___GetPet", "{\"petId\":\"1\"}");
        assertThat(isError(result)).isTrue();
        assertThat(text(result))
                .contains(failing.getClass().getName())
                .contains("afterCall")
                .contains("an unexpected error: null pointer")
                .doesNotContain("Rex");
    }

    @Test
    void aBeforeCallPastTheDeadlineEndsTheCallAsATimeoutAndNothingGoesUpstream() {
        Hooks slow = before(c -> sleep(400));
        service(Map.of("upstream.timeout-ms", "200"), slow);
        ObjectNode result = call("pets___ListPets", "{}");
        assertThat(isError(result)).isTrue();
        assertThat(text(result))
                .contains("deadline of 200 ms")
                .contains(slow.getClass().getName());
        assertThat(upstream.pending()).isZero();
    }

    @Test
    void aBeforeCallStillRunningAtTheDeadlineIsInterruptedAndTheCallEndsThen() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        Hooks stuck = before(c -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });
        service(Map.of("upstream.timeout-ms", "200"), stuck);
        long start = System.nanoTime();
        ObjectNode result = call("pets___ListPets", "{}");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(millis)
                .as("answered at the deadline, not when the interceptor returns")
                .isLessThan(5_000);
        assertThat(isError(result)).isTrue();
        assertThat(text(result))
                .contains("deadline of 200 ms")
                .contains(stuck.getClass().getName())
                .contains("beforeCall")
                .contains("nothing was sent upstream");
        assertThat(interrupted.await(5, TimeUnit.SECONDS))
                .as("the interceptor was interrupted")
                .isTrue();
        assertThat(upstream.pending()).isZero();
        assertThat(outcomes(CallOutcome.TIMEOUT)).isEqualTo(1);
    }

    @Test
    void anAfterCallStillRunningAtTheDeadlineIsInterruptedAndItsResultIsNotSent() throws Exception {
        upstream.respond(r -> Reply.json(200, "[{\"id\":\"1\",\"name\":\"Rex\"}]"));
        CountDownLatch interrupted = new CountDownLatch(1);
        Hooks stuck = after((c, r) -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });
        service(Map.of("upstream.timeout-ms", "300"), stuck);
        long start = System.nanoTime();
        ObjectNode result = call("pets___ListPets", "{}");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(millis)
                .as("answered at the deadline, not when the interceptor returns")
                .isLessThan(5_000);
        assertThat(isError(result)).isTrue();
        assertThat(text(result))
                .contains("deadline of 300 ms")
                .contains("afterCall")
                .contains("its result was not sent")
                .doesNotContain("Rex");
        assertThat(interrupted.await(5, TimeUnit.SECONDS))
                .as("the interceptor was interrupted")
                .isTrue();
    }

    @Test
    void anInterceptorWithinTheDeadlineIsNeitherInterruptedNorCutShort() {
        upstream.respond(r -> Reply.json(200, "[]"));
        AtomicBoolean interrupted = new AtomicBoolean();
        Hooks quick = before(c -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        service(Map.of("upstream.timeout-ms", "2000"), quick);
        ObjectNode result = call("pets___ListPets", "{}");
        assertThat(isError(result)).as("%s", result).isFalse();
        assertThat(interrupted).isFalse();
    }

    @Test
    void theInterceptorsTimeIsTakenFromTheUpstreamsShareOfTheDeadline() {
        upstream.respond(r -> Reply.json(200, "{\"result\":[]}").delayed(400));
        service(Map.of("upstream.timeout-ms", "600"), before(c -> sleep(300)));
        ObjectNode result = call("pets___ListPets", "{}");
        // 300 ms before the call + 400 ms upstream is past 600 ms, though the upstream alone is within it.
        assertThat(isError(result)).as("%s", result).isTrue();
        assertThat(text(result)).contains("600");
    }

    @Test
    void eachInterceptorRunIsASpanUnderTheCallsSpan() {
        Hooks failing = after((c, r) -> {
            throw new IllegalStateException("broken");
        });
        try (InMemoryOpenTelemetry otel = new InMemoryOpenTelemetry();
                GatewayTelemetry telemetry = otel.telemetry(false, new PrintStream(OutputStream.nullOutputStream()))) {
            service(Map.of(), telemetry, failing);
            call("pets___GetPet", "{\"petId\":\"1\"}");
            service.close();
            SpanData server = otel.span("tools/call pets___GetPet");
            SpanData before = otel.span("beforeCall " + failing.getClass().getName());
            SpanData after = otel.span("afterCall " + failing.getClass().getName());
            assertThat(before.getParentSpanId()).isEqualTo(server.getSpanId());
            assertThat(after.getParentSpanId()).isEqualTo(server.getSpanId());
            assertThat(before.getAttributes().get(AttributeKey.stringKey("apigw_mcp.interceptor")))
                    .isEqualTo(failing.getClass().getName());
            assertThat(before.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
            assertThat(after.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
            assertThat(after.getAttributes().get(AttributeKey.stringKey("error.type")))
                    .isEqualTo("java.lang.IllegalStateException");
        }
    }

    @Test
    void theCallerIsSeenWithItsSubjectScopesAndForwardableHeadersButNeverItsToken() {
        List<CallerIdentity> seen = new ArrayList<>();
        service(before(c -> seen.add(c.caller())));
        Caller caller =
                new Caller("user-1", Set.of("pets/read"), "secret-token", false, Map.of("X-Tenant", List.of("t-1")));
        call("pets___GetPet", "{\"petId\":\"1\"}", caller);
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).subject()).isEqualTo("user-1");
        assertThat(seen.get(0).hasScope("pets/read")).isTrue();
        assertThat(seen.get(0).authenticated()).isTrue();
        assertThat(seen.get(0).header("x-tenant")).containsExactly("t-1");
        assertThat(seen.get(0).toString()).doesNotContain("secret-token");
    }

    @Test
    void aLocalCallerIsAnonymous() {
        List<CallerIdentity> seen = new ArrayList<>();
        service(before(c -> seen.add(c.caller())));
        call("pets___GetPet", "{\"petId\":\"1\"}");
        assertThat(seen).containsExactly(CallerIdentity.anonymous());
    }

    @Test
    void aCallThroughTheSearchsCallToolGoesThroughTheInterceptors() {
        service(before(c -> {
            throw new ToolCallRejected("refused for " + c.tool().name());
        }));
        ToolService searching =
                SearchingToolService.around(service, SearchSettings.from(Settings.of(Map.of("search.mode", "only"))));
        ObjectNode result = searching
                .call(
                        "call_tool",
                        JSON.readTree("{\"name\":\"pets___GetPet\",\"arguments\":{\"petId\":\"1\"}}"),
                        ProgressListener.NONE,
                        Caller.LOCAL,
                        CallContext.NONE)
                .join();
        assertThat(isError(result)).isTrue();
        assertThat(text(result)).isEqualTo("refused for pets___GetPet");
        assertThat(upstream.pending()).isZero();
    }

    @Test
    void interceptorsListedForServiceLoaderAreFound(@TempDir Path dir) throws Exception {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(
                services.resolve(ToolInterceptor.class.getName()),
                Refusing.class.getName() + "\n",
                StandardCharsets.UTF_8);
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            assertThat(Interceptors.load(loader).all())
                    .extracting(Interceptors.Registered::name)
                    .containsExactly(Refusing.class.getName());
        }
    }

    @Test
    void anInterceptorThatCannotBeCreatedStopsTheStartNamingIt(@TempDir Path dir) throws Exception {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(
                services.resolve(ToolInterceptor.class.getName()),
                "com.example.NoSuchInterceptor\n",
                StandardCharsets.UTF_8);
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            assertThatThrownBy(() -> Interceptors.load(loader))
                    .isInstanceOf(StartupException.class)
                    .hasMessageContaining("com.example.NoSuchInterceptor");
        }
    }

    @Test
    void anInterceptorWhoseSelectorIsNullStopsTheStartNamingIt() {
        Hooks nothing = new Hooks(0, null, c -> {}, (c, r) -> {});
        assertThatThrownBy(() -> Interceptors.of(List.of(nothing)))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining(nothing.getClass().getName())
                .hasMessageContaining("selector()");
    }

    @Test
    void anInterceptorWhoseOrderFailsStopsTheStartNamingIt() {
        Hooks failing = new Hooks(0, ToolSelector.all(), c -> {}, (c, r) -> {}) {
            @Override
            public int order() {
                throw new IllegalStateException("no order configured");
            }
        };
        assertThatThrownBy(() -> Interceptors.of(List.of(failing)))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining(failing.getClass().getName())
                .hasMessageContaining("no order configured");
    }

    /** Listed for ServiceLoader by a test. */
    public static final class Refusing implements ToolInterceptor {
        @Override
        public void beforeCall(InterceptedCall call) {
            throw new ToolCallRejected("refused");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
