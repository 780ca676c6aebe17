package dev.apigwmcp.runtime.tools;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class TraceContextTest {

    private static final String PARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void readsTraceAndSpanIdAndTheSampledFlag() {
        TraceContext context = TraceContext.of(PARENT, "rojo=00f067aa0ba902b7,congo=t61rcWkgMzE");
        assertThat(context.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(context.spanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(context.sampled()).isTrue();
        assertThat(context.tracestate()).isEqualTo("rojo=00f067aa0ba902b7,congo=t61rcWkgMzE");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
                "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
                "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
                "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0g",
                "00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\r\nX-Injected: 1",
                ""
            })
    void refusesAMalformedTraceparent(String traceparent) {
        assertThat(TraceContext.of(traceparent, null)).isNull();
    }

    @Test
    void readsALaterVersionByItsFirstFieldsAndPassesItOnAsVersionZero() {
        TraceContext context =
                TraceContext.of("cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-09-what-ever", null);
        assertThat(context.traceparent()).isEqualTo(PARENT);
    }

    @Test
    void dropsATracestateWithControlCharactersButKeepsTheTraceparent() {
        TraceContext context = TraceContext.of(PARENT, "a=1\r\nX-Injected: 1");
        assertThat(context.traceparent()).isEqualTo(PARENT);
        assertThat(context.tracestate()).isNull();
    }

    @Test
    void dropsATracestateLongerThanW3cAllows() {
        assertThat(TraceContext.of(PARENT, "a=" + "b".repeat(511)).tracestate()).isNull();
    }

    @Test
    void readsTheContextFromMetaAsMcpCarriesIt() {
        var meta = JsonMapper.builder()
                .build()
                .readTree("{\"traceparent\":\"" + PARENT + "\",\"tracestate\":\"a=1\"," + "\"progressToken\":3}");
        assertThat(TraceContext.fromMeta(meta)).isEqualTo(new TraceContext(PARENT, "a=1"));
    }

    @Test
    void ignoresMetaWithoutAStringTraceparent() {
        var json = JsonMapper.builder().build();
        assertThat(TraceContext.fromMeta(json.readTree("{\"traceparent\":7}"))).isNull();
        assertThat(TraceContext.fromMeta(json.readTree("{}"))).isNull();
        assertThat(TraceContext.fromMeta(null)).isNull();
    }
}
