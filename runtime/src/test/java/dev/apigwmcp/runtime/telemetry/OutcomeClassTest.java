package dev.apigwmcp.runtime.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.runtime.upstream.CallOutcome;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutcomeClassTest {

    @Test
    void everyOutcomeCountsInTheDocumentedMetric() {
        Map<CallOutcome, OutcomeClass> expected = new EnumMap<>(CallOutcome.class);
        expected.put(CallOutcome.OK, OutcomeClass.SUCCESS);
        expected.put(CallOutcome.INVALID_ARGUMENTS, OutcomeClass.USER_ERROR);
        expected.put(CallOutcome.CLIENT_ERROR, OutcomeClass.USER_ERROR);
        expected.put(CallOutcome.THROTTLED, OutcomeClass.THROTTLE);
        expected.put(CallOutcome.GATEWAY_THROTTLED, OutcomeClass.THROTTLE);
        expected.put(CallOutcome.SERVER_ERROR, OutcomeClass.SYSTEM_ERROR);
        expected.put(CallOutcome.TIMEOUT, OutcomeClass.SYSTEM_ERROR);
        expected.put(CallOutcome.CONNECTION_FAILED, OutcomeClass.SYSTEM_ERROR);
        expected.put(CallOutcome.REDIRECT, OutcomeClass.SYSTEM_ERROR);
        expected.put(CallOutcome.CIRCUIT_OPEN, OutcomeClass.SYSTEM_ERROR);
        expected.put(CallOutcome.AUTH_FAILED, OutcomeClass.SYSTEM_ERROR);
        expected.put(CallOutcome.NONCONFORMING_OUTPUT, OutcomeClass.SYSTEM_ERROR);
        expected.put(CallOutcome.INTERNAL, OutcomeClass.SYSTEM_ERROR);
        expected.put(CallOutcome.REJECTED, OutcomeClass.USER_ERROR);
        expected.put(CallOutcome.CANCELLED, OutcomeClass.CANCELLED);
        Map<CallOutcome, OutcomeClass> actual = new EnumMap<>(CallOutcome.class);
        for (CallOutcome outcome : CallOutcome.values()) {
            actual.put(outcome, OutcomeClass.of(outcome));
        }
        assertThat(actual).isEqualTo(expected);
    }
}
