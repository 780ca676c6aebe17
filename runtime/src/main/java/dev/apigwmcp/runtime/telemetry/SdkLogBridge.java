package dev.apigwmcp.runtime.telemetry;

import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.slf4j.LoggerFactory;

/**
 * The OpenTelemetry SDK logs through {@code java.util.logging}, whose console format spreads a record over two
 * lines with a stack trace. Its records go to the gateway's log instead, one line each, warnings and worse only
 * (an exporter that cannot reach its collector says so; start-up chatter does not), never a stack trace.
 */
final class SdkLogBridge extends Handler {

    private static final String SDK_LOGGER = "io.opentelemetry";

    private final Formatter messages = new SimpleFormatter();

    /** Routes the SDK's records; returns the logger, which the caller keeps so that its settings are not lost. */
    static Logger install() {
        Logger sdk = Logger.getLogger(SDK_LOGGER);
        sdk.setUseParentHandlers(false);
        sdk.setLevel(Level.WARNING);
        for (Handler handler : sdk.getHandlers()) {
            if (handler instanceof SdkLogBridge) {
                return sdk;
            }
        }
        sdk.addHandler(new SdkLogBridge());
        return sdk;
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null || record.getLevel().intValue() < Level.WARNING.intValue()) {
            return;
        }
        org.slf4j.Logger target =
                LoggerFactory.getLogger(record.getLoggerName() == null ? SDK_LOGGER : record.getLoggerName());
        String message = messages.formatMessage(record);
        if (record.getThrown() != null) {
            message = message + " (" + record.getThrown() + ")";
        }
        if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
            target.error(message);
        } else {
            target.warn(message);
        }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
