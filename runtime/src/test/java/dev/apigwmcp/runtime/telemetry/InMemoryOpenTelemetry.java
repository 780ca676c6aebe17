package dev.apigwmcp.runtime.telemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** An OpenTelemetry SDK whose spans and metrics are read back in memory, for tests. */
public final class InMemoryOpenTelemetry implements AutoCloseable {

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(spans))
                    .build())
            .setMeterProvider(
                    SdkMeterProvider.builder().registerMetricReader(metrics).build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();

    /** Gateway telemetry reporting to this SDK, the log line as text on {@code err}. */
    public GatewayTelemetry telemetry(boolean prometheus, PrintStream err) {
        return OpenTelemetrySupport.telemetry(
                sdk, new TelemetryOptions(LogFormat.TEXT, prometheus, "http", Map.of(), err, Clock.systemUTC()));
    }

    /** Every ended span, in the order they ended. */
    public List<SpanData> spans() {
        return spans.getFinishedSpanItems();
    }

    /** The one ended span with this name. */
    public SpanData span(String name) {
        List<SpanData> named =
                spans().stream().filter(span -> span.getName().equals(name)).toList();
        if (named.size() != 1) {
            throw new AssertionError("expected one span named " + name + ", got " + spans());
        }
        return named.get(0);
    }

    /** Forgets the spans ended so far. */
    public void clearSpans() {
        spans.reset();
    }

    public Collection<MetricData> metrics() {
        return metrics.collectAllMetrics();
    }

    /** A counter's or up-down counter's value for these attributes (0 when it has no such point). */
    public long sum(String metric, Attributes attributes) {
        return metrics().stream()
                .filter(m -> m.getName().equals(metric))
                .flatMap(m -> m.getData().getPoints().stream())
                .filter(point -> point.getAttributes().equals(attributes))
                .mapToLong(point -> ((LongPointData) point).getValue())
                .sum();
    }

    /** A histogram's point for these attributes, or {@code null}. */
    public HistogramPointData histogram(String metric, Attributes attributes) {
        return metrics().stream()
                .filter(m -> m.getName().equals(metric))
                .flatMap(m -> m.getHistogramData().getPoints().stream())
                .filter(point -> point.getAttributes().equals(attributes))
                .findFirst()
                .orElse(null);
    }

    /** The {@code target} and {@code tool} attributes of a tool's metrics. */
    public static Attributes tool(String target, String tool) {
        return Attributes.of(AttributeKey.stringKey("target"), target, AttributeKey.stringKey("tool"), tool);
    }

    @Override
    public void close() {
        sdk.close();
    }
}
