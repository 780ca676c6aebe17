package dev.apigwmcp.runtime.transport;

import dev.apigwmcp.runtime.config.FailureReason;
import java.net.BindException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;

/**
 * Says in one line why the HTTP transport could not listen, naming the setting to change. Jetty reports every case
 * as "Failed to bind to /127.0.0.1:8080"; the reason is in the cause.
 */
public final class ListenFailure {

    private ListenFailure() {}

    /** The line for a failed {@link HttpTransport#start()} on {@code host}:{@code port}. */
    public static String describe(String host, int port, Throwable failure) {
        String where = "port " + port + " on " + host;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnresolvedAddressException) {
                return "cannot listen on " + host + ": it is not a known host name or IP address; set --host"
                        + " (APIGW_MCP_HOST) to an address of this machine, such as 127.0.0.1 (the default)";
            }
            if (cause instanceof BindException) {
                String reason = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
                if (reason.contains("in use")) {
                    return where + " is already in use (another process listens there); choose another port with"
                            + " --port (APIGW_MCP_PORT), or --port 0 for any free port";
                }
                if (reason.contains("permission") || reason.contains("access")) {
                    return "no permission to listen on " + where + " (ports below 1024 need administrator rights);"
                            + " choose another port with --port (APIGW_MCP_PORT)";
                }
                if (reason.contains("assign requested address")) {
                    return "cannot listen on " + host + ": it is not an address of this machine; set --host"
                            + " (APIGW_MCP_HOST) to one of its addresses, 127.0.0.1 (the default), or 0.0.0.0 for all";
                }
                return "cannot listen on " + where + ": " + cause.getMessage() + "; check --host and --port";
            }
        }
        return "cannot listen on " + where + ": " + FailureReason.describe(failure) + "; check --host and --port";
    }
}
