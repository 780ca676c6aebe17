package dev.apigwmcp.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.runtime.Gateway;
import dev.apigwmcp.runtime.protocol.FixtureToolServiceFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The launcher's telemetry settings: --log-format, --metrics.prometheus and the OTEL_* variables it checks. */
class TelemetrySettingsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> environment, String... args) {
        Gateway gateway = new Gateway(
                List.of(new FixtureToolServiceFactory()),
                environment,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return gateway.run(args, new ByteArrayInputStream(new byte[0]));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsTheTelemetrySettings() {
        assertThat(run(Map.of(), "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains(
                        "--log-format", "APIGW_MCP_LOG_FORMAT", "--metrics.prometheus", "APIGW_MCP_METRICS_PROMETHEUS");
    }

    @Test
    void anUnknownLogFormatExits2NamingTheOption() {
        assertThat(run(Map.of(), "--log-format", "yaml")).isEqualTo(2);
        assertThat(errors())
                .isEqualTo("apigw-mcp: --log-format (APIGW_MCP_LOG_FORMAT) must be text or json, got " + "\"yaml\""
                        + System.lineSeparator());
    }

    @Test
    void prometheusMetricsOverStdioExit2() {
        assertThat(run(Map.of(), "--metrics.prometheus", "true")).isEqualTo(2);
        assertThat(errors()).contains("--metrics.prometheus", "--transport http");
    }

    @Test
    void prometheusMetricsMustBeTrueOrFalse() {
        assertThat(run(Map.of(), "--transport", "http", "--port", "0", "--metrics.prometheus", "yes"))
                .isEqualTo(2);
        assertThat(errors()).contains("--metrics.prometheus", "APIGW_MCP_METRICS_PROMETHEUS", "\"yes\"");
    }

    @Test
    void prometheusMetricsCannotTakeTheMcpPath() {
        assertThat(run(
                        Map.of(),
                        "--transport",
                        "http",
                        "--port",
                        "0",
                        "--path",
                        "/metrics",
                        "--metrics.prometheus",
                        "true"))
                .isEqualTo(2);
        assertThat(errors()).contains("--path is /metrics");
    }

    @Test
    void otlpOverGrpcExits2WithTheFix() {
        assertThat(run(Map.of(
                        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4317", "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc")))
                .isEqualTo(2);
        assertThat(errors())
                .startsWith("apigw-mcp: OTEL_EXPORTER_OTLP_PROTOCOL is grpc")
                .contains("http/protobuf");
    }
}
