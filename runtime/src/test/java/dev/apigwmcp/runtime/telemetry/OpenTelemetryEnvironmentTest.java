package dev.apigwmcp.runtime.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigwmcp.runtime.config.SettingsException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenTelemetryEnvironmentTest {

    private static Map<String, String> properties(String... nameValues) {
        Map<String, String> environment = new java.util.HashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            environment.put(nameValues[i], nameValues[i + 1]);
        }
        return OpenTelemetryEnvironment.properties(environment);
    }

    @Test
    void readsOtelVariablesAsTheSdksProperties() {
        assertThat(properties(
                        "OTEL_TRACES_EXPORTER", "otlp", "OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318", "PATH", "/bin"))
                .containsEntry("otel.traces.exporter", "otlp")
                .containsEntry("otel.exporter.otlp.endpoint", "http://c:4318")
                .doesNotContainKey("path");
    }

    @Test
    void isOffWithoutAnyOtelVariable() {
        assertThat(OpenTelemetryEnvironment.enabled(properties())).isFalse();
    }

    @Test
    void isOffWithOnlyAServiceName() {
        assertThat(OpenTelemetryEnvironment.enabled(properties("OTEL_SERVICE_NAME", "gw")))
                .isFalse();
    }

    @Test
    void isOnWithAnOtlpEndpoint() {
        assertThat(OpenTelemetryEnvironment.enabled(properties("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318")))
                .isTrue();
    }

    @Test
    void isOnWithAnExporterOtherThanNone() {
        assertThat(OpenTelemetryEnvironment.enabled(properties("OTEL_METRICS_EXPORTER", "otlp")))
                .isTrue();
        assertThat(OpenTelemetryEnvironment.enabled(properties(
                        "OTEL_TRACES_EXPORTER",
                        "none",
                        "OTEL_METRICS_EXPORTER",
                        "none",
                        "OTEL_EXPORTER_OTLP_ENDPOINT",
                        "http://c:4318")))
                .isFalse();
    }

    @Test
    void isOffWhenTheSdkIsDisabled() {
        assertThat(OpenTelemetryEnvironment.enabled(
                        properties("OTEL_SDK_DISABLED", "true", "OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318")))
                .isFalse();
    }

    @Test
    void defaultsToOtlpOverHttpWithoutLogExportAndTheGatewaysServiceName() {
        assertThat(OpenTelemetryEnvironment.withDefaults(properties("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318")))
                .containsEntry("otel.exporter.otlp.protocol", "http/protobuf")
                .containsEntry("otel.service.name", "apigw-mcp")
                .containsEntry("otel.logs.exporter", "none")
                .containsEntry("otel.traces.exporter", "otlp")
                .containsEntry("otel.metrics.exporter", "otlp");
    }

    @Test
    void anExporterForOneSignalTurnsNoOtherOn() {
        assertThat(OpenTelemetryEnvironment.withDefaults(properties("OTEL_METRICS_EXPORTER", "otlp")))
                .containsEntry("otel.traces.exporter", "none")
                .containsEntry("otel.metrics.exporter", "otlp");
    }

    @Test
    void theUsersSettingsWinOverTheDefaults() {
        assertThat(OpenTelemetryEnvironment.withDefaults(
                        properties("OTEL_SERVICE_NAME", "orders-gateway", "OTEL_TRACES_EXPORTER", "console")))
                .containsEntry("otel.service.name", "orders-gateway")
                .containsEntry("otel.traces.exporter", "console");
    }

    @Test
    void otlpOverGrpcIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> OpenTelemetryEnvironment.withDefaults(properties(
                        "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "grpc", "OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4317")))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL is grpc")
                .hasMessageContaining("http/protobuf");
    }

    @Test
    void sdkMessagesAreShownWithoutTheValueTheyQuote() {
        assertThat(OpenTelemetrySupport.describe(
                        "Invalid map property: otel.exporter.otlp.headers=Authorization=" + "Bearer s3cr3t token"))
                .isEqualTo("Invalid map property: OTEL_EXPORTER_OTLP_HEADERS has an invalid value (not shown)");
        assertThat(OpenTelemetrySupport.describe(
                        "Invalid duration property otel.bsp.schedule.delay=abc. Expected " + "number, found: abc"))
                .doesNotContain("abc")
                .contains("OTEL_BSP_SCHEDULE_DELAY");
        assertThat(OpenTelemetrySupport.describe("Unrecognized value for otel.traces.exporter: zipkin"))
                .isEqualTo("Unrecognized value for OTEL_TRACES_EXPORTER: zipkin");
    }
}
