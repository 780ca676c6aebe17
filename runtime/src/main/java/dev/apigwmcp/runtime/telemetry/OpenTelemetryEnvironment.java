package dev.apigwmcp.runtime.telemetry;

import dev.apigwmcp.runtime.config.SettingsException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the standard OpenTelemetry configuration ({@code OTEL_*} variables, {@code otel.*} system properties) to
 * decide whether the SDK starts at all, without loading any OpenTelemetry class: a gateway without an exporter
 * must not pay for the SDK at start-up.
 */
final class OpenTelemetryEnvironment {

    static final String SDK_DISABLED = "otel.sdk.disabled";
    static final String TRACES_EXPORTER = "otel.traces.exporter";
    static final String METRICS_EXPORTER = "otel.metrics.exporter";
    static final String LOGS_EXPORTER = "otel.logs.exporter";
    private static final List<String> ENDPOINTS = List.of(
            "otel.exporter.otlp.endpoint", "otel.exporter.otlp.traces.endpoint", "otel.exporter.otlp.metrics.endpoint");
    private static final List<String> PROTOCOLS = List.of(
            "otel.exporter.otlp.protocol", "otel.exporter.otlp.traces.protocol", "otel.exporter.otlp.metrics.protocol");

    private OpenTelemetryEnvironment() {}

    /**
     * The {@code otel.*} properties the environment gives ({@code OTEL_TRACES_EXPORTER} becomes
     * {@code otel.traces.exporter}, as the SDK's autoconfigure reads them), system properties over variables.
     */
    static Map<String, String> properties(Map<String, String> environment) {
        Map<String, String> properties = new HashMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith("OTEL_") && value != null && !value.isBlank()) {
                properties.put(name.toLowerCase(Locale.ROOT).replace('_', '.'), value.trim());
            }
        });
        System.getProperties().forEach((name, value) -> {
            if (name instanceof String key
                    && key.startsWith("otel.")
                    && value instanceof String text
                    && !text.isBlank()) {
                properties.put(key, text.trim());
            }
        });
        return properties;
    }

    /**
     * Whether an exporter is configured: a traces or metrics exporter other than {@code none}, or an OTLP endpoint
     * (the exporters then default to {@code otlp}); never when {@code OTEL_SDK_DISABLED} is true.
     */
    static boolean enabled(Map<String, String> properties) {
        if ("true".equalsIgnoreCase(properties.get(SDK_DISABLED))) {
            return false;
        }
        return exporting(properties, TRACES_EXPORTER) || exporting(properties, METRICS_EXPORTER);
    }

    private static boolean exporting(Map<String, String> properties, String exporter) {
        String value = properties.get(exporter);
        if (value != null) {
            return !value.equalsIgnoreCase("none");
        }
        return ENDPOINTS.stream().anyMatch(properties::containsKey);
    }

    /**
     * The properties the SDK is configured with: the environment's, over this gateway's defaults — service name
     * {@code apigw-mcp}, OTLP over HTTP (the one protocol shipped), no log export (the call log goes to stderr),
     * and no exporter for a signal that nothing turned on (so an endpoint for metrics alone sends no traces).
     * Throws {@link SettingsException} for OTLP over gRPC, which this gateway does not ship.
     */
    static Map<String, String> withDefaults(Map<String, String> properties) {
        for (String protocol : PROTOCOLS) {
            if ("grpc".equalsIgnoreCase(properties.get(protocol))) {
                throw new SettingsException(variable(protocol) + " is grpc, but this gateway sends OTLP over HTTP "
                        + "only: set it to http/protobuf (a collector's OTLP/HTTP port is 4318)");
            }
        }
        Map<String, String> all = new HashMap<>();
        all.put("otel.service.name", "apigw-mcp");
        all.put("otel.exporter.otlp.protocol", "http/protobuf");
        all.put(LOGS_EXPORTER, "none");
        all.put(TRACES_EXPORTER, exporting(properties, TRACES_EXPORTER) ? "otlp" : "none");
        all.put(METRICS_EXPORTER, exporting(properties, METRICS_EXPORTER) ? "otlp" : "none");
        all.putAll(properties);
        return all;
    }

    /** The environment variable of a property: {@code otel.traces.exporter} is {@code OTEL_TRACES_EXPORTER}. */
    static String variable(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
