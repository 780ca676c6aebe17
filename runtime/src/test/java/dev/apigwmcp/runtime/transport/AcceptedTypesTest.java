package dev.apigwmcp.runtime.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AcceptedTypesTest {

    @Test
    void noAcceptHeaderMeansAJsonBodyWithoutStreaming() {
        assertThat(AcceptedTypes.of(null)).isEqualTo(new AcceptedTypes(true, false));
    }

    @Test
    void theStreamableHttpPairAllowsBoth() {
        assertThat(AcceptedTypes.of("application/json, text/event-stream")).isEqualTo(new AcceptedTypes(true, true));
    }

    @Test
    void eventStreamAloneIsSseOnly() {
        assertThat(AcceptedTypes.of("text/event-stream").sseOnly()).isTrue();
    }

    @Test
    void textWildcardIsSseOnly() {
        assertThat(AcceptedTypes.of("text/*").sseOnly()).isTrue();
    }

    @Test
    void anyTypeKeepsJsonAndDoesNotStream() {
        assertThat(AcceptedTypes.of("*/*")).isEqualTo(new AcceptedTypes(true, false));
    }

    @Test
    void aRangeWithQualityZeroIsRefused() {
        assertThat(AcceptedTypes.of("application/json;q=0, text/event-stream;q=0.5"))
                .isEqualTo(new AcceptedTypes(false, true));
    }

    @Test
    void typesAreCaseInsensitiveAndMayCarryParameters() {
        assertThat(AcceptedTypes.of("Application/JSON; charset=utf-8")).isEqualTo(new AcceptedTypes(true, false));
    }
}
