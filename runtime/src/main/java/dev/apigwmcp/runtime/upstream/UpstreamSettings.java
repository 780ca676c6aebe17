package dev.apigwmcp.runtime.upstream;

import dev.apigwmcp.runtime.config.Setting;
import java.util.List;

/** The settings of upstream calls (declared here so that {@code --help} can list them). */
public final class UpstreamSettings {

    public static final Setting BASE_URL = Setting.of("target.<target>.base-url", null,
            "Base URL of the target's REST API (for example a custom domain or a local backend); default: the "
                    + "export's server URL; required when the export has none or only a path (such as /v1), which "
                    + "is then appended");
    public static final Setting CONNECT_TIMEOUT_MS = Setting.of("upstream.connect-timeout-ms", "10000",
            "Timeout for opening a connection to an upstream, in milliseconds");
    public static final Setting TIMEOUT_MS = Setting.of("upstream.timeout-ms", "30000",
            "Timeout of one upstream request when the export gives none (timeoutInMillis), in milliseconds");
    public static final Setting MAX_RESPONSE_BYTES = Setting.of("upstream.max-response-bytes", "1048576",
            "Largest upstream response body passed to the client; longer bodies are cut with a note");

    private UpstreamSettings() {
    }

    /** Every setting of this component. */
    public static List<Setting> declared() {
        return List.of(BASE_URL, CONNECT_TIMEOUT_MS, TIMEOUT_MS, MAX_RESPONSE_BYTES);
    }
}
