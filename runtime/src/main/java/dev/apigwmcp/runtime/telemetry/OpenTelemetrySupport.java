package dev.apigwmcp.runtime.telemetry;

import dev.apigwmcp.runtime.config.SettingsException;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import io.opentelemetry.sdk.common.CompletableResultCode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where OpenTelemetry is started: the SDK configured by the standard {@code OTEL_*} variables (autoconfigure), or
 * an {@link OpenTelemetry} given by an embedding program or a test. Loaded only when one of them is used.
 */
final class OpenTelemetrySupport {

    /** How long stopping waits for the last spans and metrics to be exported. */
    private static final long SHUTDOWN_SECONDS = 3;
    /** A property quoted with its value in an SDK message: the value may be a secret (an OTLP header's token). */
    private static final Pattern PROPERTY_VALUE = Pattern.compile("(otel\\.[a-z0-9._-]+)=");

    private static final Pattern PROPERTY = Pattern.compile("otel\\.[a-z0-9._-]*[a-z0-9]");

    private OpenTelemetrySupport() {}

    /**
     * Telemetry reporting to the given OpenTelemetry (spans and metrics) besides the log line and, when the options
     * ask, {@code /metrics}. Closing it does not close {@code openTelemetry}, which stays the caller's.
     */
    public static GatewayTelemetry telemetry(OpenTelemetry openTelemetry, TelemetryOptions options) {
        Map<String, CircuitState> circuits = new ConcurrentHashMap<>();
        return new GatewayTelemetry(
                new CallLog(options.logFormat(), options.err(), options.clock()),
                options.prometheus(),
                new OpenTelemetryCalls(openTelemetry, options.transport(), circuits, () -> {}),
                circuits);
    }

    /** Starts the SDK from the {@code otel.*} properties (see {@link OpenTelemetryEnvironment}). */
    static ExternalTelemetry start(
            Map<String, String> properties, String transport, Map<String, CircuitState> circuits) {
        Map<String, String> configured = OpenTelemetryEnvironment.withDefaults(properties);
        java.util.logging.Logger sdkLog = SdkLogBridge.install();
        OpenTelemetrySdk sdk;
        try {
            sdk = AutoConfiguredOpenTelemetrySdk.builder()
                    // Lowest precedence: the process's own variables and system properties still win, as usual.
                    .addPropertiesSupplier(() -> configured)
                    // The launcher stops it (flushing the last spans) when the gateway stops.
                    .disableShutdownHook()
                    .build()
                    .getOpenTelemetrySdk();
        } catch (ConfigurationException e) {
            throw new SettingsException("OpenTelemetry configuration: " + describe(e.getMessage()));
        }
        return new OpenTelemetryCalls(sdk, transport, circuits, () -> {
            CompletableResultCode done = sdk.shutdown();
            done.join(SHUTDOWN_SECONDS, TimeUnit.SECONDS);
            sdkLog.fine("stopped"); // keeps the configured logger reachable while the SDK runs
        });
    }

    /**
     * An SDK configuration message without values, its properties named as their variables: the SDK quotes a
     * malformed property with its value (and may repeat the value after it), and
     * {@code OTEL_EXPORTER_OTLP_HEADERS} carries credentials. So a message that quotes a value ends at the property.
     */
    static String describe(String message) {
        if (message == null || message.isBlank()) {
            return "invalid";
        }
        String line = message.lines().findFirst().orElse("");
        Matcher quoted = PROPERTY_VALUE.matcher(line);
        if (quoted.find()) {
            line = line.substring(0, quoted.start()) + quoted.group(1) + " has an invalid value (not shown)";
        }
        Matcher property = PROPERTY.matcher(line);
        StringBuilder out = new StringBuilder();
        while (property.find()) {
            property.appendReplacement(
                    out, Matcher.quoteReplacement(OpenTelemetryEnvironment.variable(property.group())));
        }
        property.appendTail(out);
        return out.toString();
    }
}
