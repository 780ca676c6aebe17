package dev.apigwmcp.runtime.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.runtime.upstream.CallOutcome;
import java.io.StringWriter;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class MetricsRegistryTest {

    private static final ObservedTool GET_PET =
            new ObservedTool("pets", "pets___GetPet", "GET", "/pets/{petId}", URI.create("http://127.0.0.1:1/prod"));
    private static final ObservedTool LIST =
            new ObservedTool("orders", "orders___list", "GET", "/orders", URI.create("http://127.0.0.1:1/prod"));

    private final Map<String, CircuitState> circuits = new ConcurrentHashMap<>();
    private final MetricsRegistry registry = new MetricsRegistry(circuits);

    private String text() {
        StringWriter out = new StringWriter();
        registry.writePrometheus(out);
        return out.toString();
    }

    private void call(ObservedTool tool, CallOutcome outcome, long millis, int attempts) {
        MetricsRegistry.ToolCounters counters = registry.counters(tool);
        registry.started(counters);
        registry.ended(counters, outcome, millis * 1_000_000, millis * 500_000, attempts);
    }

    @Test
    void countsInvocationsAndEachErrorKindPerTool() {
        call(GET_PET, CallOutcome.OK, 3, 1);
        call(GET_PET, CallOutcome.THROTTLED, 3, 1);
        call(GET_PET, CallOutcome.CIRCUIT_OPEN, 3, 0);
        call(GET_PET, CallOutcome.INVALID_ARGUMENTS, 3, 0);
        call(GET_PET, CallOutcome.CANCELLED, 3, 1);
        assertThat(text())
                .contains(
                        "Invocations_total{target=\"pets\",tool=\"pets___GetPet\"} 5\n",
                        "Throttles_total{target=\"pets\",tool=\"pets___GetPet\"} 1\n",
                        "SystemErrors_total{target=\"pets\",tool=\"pets___GetPet\"} 1\n",
                        "UserErrors_total{target=\"pets\",tool=\"pets___GetPet\"} 1\n",
                        "ConcurrentExecutions{target=\"pets\",tool=\"pets___GetPet\"} 0\n");
    }

    @Test
    void aKnownToolHasNoCountersBeforeItsFirstCall() {
        registry.known(GET_PET);
        registry.known(LIST);
        call(LIST, CallOutcome.OK, 1, 1);
        assertThat(registry.toolsCounted()).isEqualTo(1);
    }

    @Test
    void aKnownToolIsListedOnceWithItsCountsAfterItsFirstCall() {
        registry.known(GET_PET);
        registry.known(LIST);
        call(GET_PET, CallOutcome.OK, 1, 1);
        String text = text();
        assertThat(text)
                .contains("Invocations_total{target=\"orders\",tool=\"orders___list\"} 0\n"
                        + "Invocations_total{target=\"pets\",tool=\"pets___GetPet\"} 1\n")
                .doesNotContain("Invocations_total{target=\"pets\",tool=\"pets___GetPet\"} 0\n");
    }

    @Test
    void countsCallsInFlightUntilTheyEnd() {
        MetricsRegistry.ToolCounters counters = registry.counters(GET_PET);
        registry.started(counters);
        registry.started(counters);
        registry.ended(counters, CallOutcome.OK, 1, 1, 1);
        assertThat(text()).contains("ConcurrentExecutions{target=\"pets\",tool=\"pets___GetPet\"} 1\n");
    }

    @Test
    void latencyIsACumulativeHistogramInMilliseconds() {
        call(GET_PET, CallOutcome.OK, 3, 1);
        call(GET_PET, CallOutcome.OK, 30, 1);
        call(GET_PET, CallOutcome.OK, 20_000, 1);
        String text = text();
        assertThat(text)
                .contains(
                        "# TYPE Latency_milliseconds histogram\n",
                        "Latency_milliseconds_bucket{target=\"pets\",tool=\"pets___GetPet\",le=\"5\"} 1\n",
                        "Latency_milliseconds_bucket{target=\"pets\",tool=\"pets___GetPet\",le=\"25\"} 1\n",
                        "Latency_milliseconds_bucket{target=\"pets\",tool=\"pets___GetPet\",le=\"50\"} 2\n",
                        "Latency_milliseconds_bucket{target=\"pets\",tool=\"pets___GetPet\",le=\"10000\"} 2\n",
                        "Latency_milliseconds_bucket{target=\"pets\",tool=\"pets___GetPet\",le=\"+Inf\"} 3\n",
                        "Latency_milliseconds_sum{target=\"pets\",tool=\"pets___GetPet\"} 20033\n",
                        "Latency_milliseconds_count{target=\"pets\",tool=\"pets___GetPet\"} 3\n");
    }

    @Test
    void targetExecutionTimeCountsOnlyCallsThatReachedTheUpstream() {
        call(GET_PET, CallOutcome.INVALID_ARGUMENTS, 2, 0);
        call(GET_PET, CallOutcome.OK, 40, 1);
        assertThat(text())
                .contains(
                        "TargetExecutionTime_milliseconds_count{target=\"pets\",tool=\"pets___GetPet\"} 1\n",
                        "TargetExecutionTime_milliseconds_sum{target=\"pets\",tool=\"pets___GetPet\"} 20\n",
                        "Latency_milliseconds_count{target=\"pets\",tool=\"pets___GetPet\"} 2\n");
    }

    @Test
    void countsRetriesPerTool() {
        MetricsRegistry.ToolCounters counters = registry.counters(GET_PET);
        registry.attempted(counters, false);
        registry.attempted(counters, true);
        registry.attempted(counters, true);
        assertThat(text()).contains("Retries_total{target=\"pets\",tool=\"pets___GetPet\"} 2\n");
    }

    @Test
    void theSnapshotSumsEveryToolsCounters() {
        call(GET_PET, CallOutcome.OK, 1, 1);
        call(LIST, CallOutcome.GATEWAY_THROTTLED, 1, 0);
        registry.attempted(registry.counters(GET_PET), false);
        registry.started(registry.counters(LIST));
        MetricsRegistry.Snapshot snapshot = registry.snapshot();
        assertThat(snapshot.calls()).isEqualTo(2);
        assertThat(snapshot.outcomes())
                .containsEntry(CallOutcome.OK, 1L)
                .containsEntry(CallOutcome.GATEWAY_THROTTLED, 1L)
                .containsEntry(CallOutcome.TIMEOUT, 0L);
        assertThat(snapshot.errors()).isEqualTo(1);
        assertThat(snapshot.attempts()).isEqualTo(1);
        assertThat(snapshot.inFlight()).isEqualTo(1);
    }

    @Test
    void aNameThatIsNoToolIsCountedWithoutLabels() {
        call(ObservedTool.unknown("made\"up"), CallOutcome.INVALID_ARGUMENTS, 1, 0);
        String text = text();
        assertThat(text)
                .contains("Invocations_total 1\n", "UserErrors_total 1\n")
                .doesNotContain("made");
        assertThat(registry.snapshot().calls()).isEqualTo(1);
    }

    @Test
    void namesThatAreNoToolsAreLeftOutUntilOneIsCalled() {
        call(GET_PET, CallOutcome.OK, 1, 1);
        assertThat(text()).doesNotContain("Invocations_total 0");
    }

    @Test
    void reportsEachTargetsCircuitState() {
        circuits.put("pets", CircuitState.OPEN);
        circuits.put("orders", CircuitState.HALF_OPEN);
        assertThat(text())
                .contains("# TYPE CircuitState gauge\nCircuitState{target=\"orders\"} 1\n"
                        + "CircuitState{target=\"pets\"} 2\n");
    }

    @Test
    void listsToolsSortedByTargetThenName() {
        call(GET_PET, CallOutcome.OK, 1, 1);
        call(LIST, CallOutcome.OK, 1, 1);
        String text = text();
        assertThat(text.indexOf("Invocations_total{target=\"orders\""))
                .isLessThan(text.indexOf("Invocations_total{target=\"pets\""));
    }

    @Test
    void everyLineIsACommentOrASampleOfTheTextFormat() {
        call(GET_PET, CallOutcome.OK, 1, 1);
        call(ObservedTool.unknown("nope"), CallOutcome.INVALID_ARGUMENTS, 1, 0);
        circuits.put("pets", CircuitState.CLOSED);
        assertThat(text().lines())
                .allMatch(line -> line.startsWith("# HELP ")
                        || line.startsWith("# TYPE ")
                        || line.matches("[A-Za-z_:][A-Za-z0-9_:]*(\\{([a-z_]+=\"[^\"]*\",?)+\\})? [0-9.eE+-]+"));
    }

    @Test
    void escapesLabelValues() {
        assertThat(MetricsRegistry.label("a\"b\\c\nd")).isEqualTo("a\\\"b\\\\c\\nd");
    }
}
