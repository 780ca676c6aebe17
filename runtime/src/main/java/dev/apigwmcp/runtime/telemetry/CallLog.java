package dev.apigwmcp.runtime.telemetry;

import java.io.PrintStream;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one line per tool call on stderr, at level {@code info} of the logger {@code dev.apigwmcp.runtime.calls}
 * (so {@code --log-level warn} hides it). Text goes through slf4j as before; JSON is written whole, one object per
 * line, straight to the stream, since slf4j-simple would put a level and logger name in front of it.
 */
final class CallLog {

    static final String LOGGER = "dev.apigwmcp.runtime.calls";
    private static final Logger CALLS = LoggerFactory.getLogger(LOGGER);

    private final LogFormat format;
    private final PrintStream json;
    private final Clock clock;

    CallLog(LogFormat format, PrintStream json, Clock clock) {
        this.format = format;
        this.json = json;
        this.clock = clock;
    }

    void write(CallRecord call) {
        if (!CALLS.isInfoEnabled()) {
            return;
        }
        if (format == LogFormat.JSON) {
            json.println(json(call));
        } else {
            CALLS.info(text(call));
        }
    }

    /** The text line, unchanged from before telemetry, with the trace id at the end when there is one. */
    static String text(CallRecord call) {
        StringBuilder line = new StringBuilder(128);
        line.append("tool=").append(call.tool().tool()).append(" outcome=").append(call.outcome());
        if (call.detail() != null) {
            line.append(" detail=").append(call.detail());
        }
        line.append(" status=").append(call.status()).append(" durationMs=").append(millis(call.durationNanos()));
        if (call.traceId() != null) {
            line.append(" traceId=").append(call.traceId());
        }
        return line.toString();
    }

    String json(CallRecord call) {
        ObservedTool tool = call.tool();
        StringBuilder line = new StringBuilder(320);
        line.append('{');
        field(line, "time", clock.instant().toString());
        field(line, "level", "INFO");
        field(line, "logger", LOGGER);
        field(line, "event", "tools/call");
        field(line, "target", tool.target());
        field(line, "tool", tool.tool());
        field(line, "method", call.method());
        field(line, "pathTemplate", tool.pathTemplate());
        number(line, "status", Integer.toString(call.status()));
        field(line, "outcome", call.outcome().name());
        field(line, "detail", call.detail());
        number(line, "durationMs", millis(call.durationNanos()));
        if (call.attempts() > 0) {
            number(line, "upstreamMs", millis(call.upstreamNanos()));
        }
        number(line, "attempts", Integer.toString(call.attempts()));
        field(line, "traceId", call.traceId());
        field(line, "spanId", call.spanId());
        line.setCharAt(line.length() - 1, '}');
        return line.toString();
    }

    /** A string member; absent when null. */
    private static void field(StringBuilder line, String name, String value) {
        if (value == null) {
            return;
        }
        line.append('"').append(name).append("\":\"");
        escape(line, value);
        line.append("\",");
    }

    private static void number(StringBuilder line, String name, String value) {
        line.append('"').append(name).append("\":").append(value).append(',');
    }

    /** JSON string escaping: quote, backslash and control characters; everything else as it is (UTF-8 out). */
    static void escape(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    /** Milliseconds with one decimal; String.format costs more than the rest of the bookkeeping together. */
    static String millis(long nanos) {
        long tenths = (nanos + 50_000) / 100_000;
        return tenths / 10 + "." + tenths % 10;
    }
}
