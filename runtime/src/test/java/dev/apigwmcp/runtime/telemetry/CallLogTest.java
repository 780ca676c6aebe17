package dev.apigwmcp.runtime.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.runtime.upstream.CallOutcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CallLogTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:15:30.123Z"), ZoneOffset.UTC);
    private static final ObservedTool GET_PET =
            new ObservedTool("pets", "pets___GetPet", "GET", "/pets/{petId}", URI.create("https://api.example/prod"));

    private static CallRecord record(String detail, String traceId) {
        return new CallRecord(
                GET_PET,
                "GET",
                CallOutcome.OK,
                detail,
                200,
                12_345_678,
                9_876_543,
                1,
                traceId,
                traceId == null ? null : "00f067aa0ba902b7");
    }

    @Test
    void jsonLineHasEveryFieldOfTheCall() {
        JsonNode line = JSON.readTree(
                new CallLog(LogFormat.JSON, System.err, CLOCK).json(record(null, "4bf92f3577b34da6a3ce929d0e0e4736")));
        assertThat(line.toString())
                .isEqualTo("{\"time\":\"2026-12-01T10:15:30.123Z\",\"level\":\"INFO\","
                        + "\"logger\":\"dev.apigwmcp.runtime.calls\",\"event\":\"tools/call\",\"target\":\"pets\","
                        + "\"tool\":\"pets___GetPet\",\"method\":\"GET\",\"pathTemplate\":\"/pets/{petId}\",\"status\":200,"
                        + "\"outcome\":\"OK\",\"durationMs\":12.3,\"upstreamMs\":9.9,\"attempts\":1,"
                        + "\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"spanId\":\"00f067aa0ba902b7\"}");
    }

    @Test
    void jsonLineLeavesOutWhatIsNotKnown() {
        JsonNode line = JSON.readTree(new CallLog(LogFormat.JSON, System.err, CLOCK)
                .json(new CallRecord(
                        ObservedTool.unknown("nope"),
                        null,
                        CallOutcome.INVALID_ARGUMENTS,
                        null,
                        0,
                        100_000,
                        0,
                        0,
                        null,
                        null)));
        assertThat(line.has("target")).isFalse();
        assertThat(line.has("traceId")).isFalse();
        assertThat(line.has("upstreamMs")).isFalse();
        assertThat(line.get("attempts").asInt()).isZero();
    }

    @Test
    void jsonLineEscapesQuotesBackslashesAndControlCharacters() {
        ObservedTool odd = new ObservedTool("t", "t___x", "GET", "/a\"b\\c\u0001", null);
        JsonNode line = JSON.readTree(new CallLog(LogFormat.JSON, System.err, CLOCK)
                .json(new CallRecord(odd, "GET", CallOutcome.OK, "line\nbreak", 200, 0, 0, 1, null, null)));
        assertThat(line.get("pathTemplate").asString()).isEqualTo("/a\"b\\c\u0001");
        assertThat(line.get("detail").asString()).isEqualTo("line\nbreak");
    }

    @Test
    void jsonFormatWritesOneWholeLinePerCall() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new CallLog(LogFormat.JSON, new PrintStream(bytes, true, StandardCharsets.UTF_8), CLOCK)
                .write(record("schema", null));
        String written = bytes.toString(StandardCharsets.UTF_8);
        assertThat(written).endsWith("}" + System.lineSeparator()).startsWith("{");
        assertThat(written.strip().lines()).hasSize(1);
    }

    @Test
    void textLineKeepsItsFormatAndAddsTheTraceIdWhenThereIsOne() {
        assertThat(CallLog.text(record("schema", null)))
                .isEqualTo("tool=pets___GetPet outcome=OK detail=schema status=200 durationMs=12.3");
        assertThat(CallLog.text(record(null, "4bf92f3577b34da6a3ce929d0e0e4736")))
                .isEqualTo("tool=pets___GetPet outcome=OK status=200 durationMs=12.3"
                        + " traceId=4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void durationsAreMillisecondsWithOneDecimal() {
        assertThat(CallLog.millis(0)).isEqualTo("0.0");
        assertThat(CallLog.millis(49_999)).isEqualTo("0.0");
        assertThat(CallLog.millis(50_000)).isEqualTo("0.1");
        assertThat(CallLog.millis(1_234_567)).isEqualTo("1.2");
        assertThat(CallLog.millis(12_960_000_000L)).isEqualTo("12960.0");
    }
}
