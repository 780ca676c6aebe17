package dev.apigwmcp.runtime.execution;

import dev.apigwmcp.runtime.auth.AuthSettings;
import dev.apigwmcp.runtime.config.Setting;
import dev.apigwmcp.runtime.upstream.UpstreamSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings of tool execution. {@link #declared()} lists them together with the upstream and authentication
 * settings: the one list the launcher's {@code --help} needs from the tool side.
 */
final class ExecutionSettings {

    public static final Setting PRECOMPILE_SCHEMAS = Setting.of(
            "validation.precompile",
            "false",
            "Compile every tool's input schema at start (true) instead of on each tool's first call (false)");

    public static final Setting MAX_CONCURRENT_CALLS = Setting.of(
            "calls.max-concurrent",
            "256",
            "Tool calls that run at once (each holds a thread while its upstream request is in flight); further "
                    + "calls wait their turn in arrival order");

    public static final Setting MAX_CONCURRENT_PER_TOOL = Setting.of(
            "calls.max-concurrent-per-tool",
            "32",
            "Calls of one tool in flight at once (running or waiting), at most half of calls.max-concurrent (rounded "
                    + "up), so that a stalled endpoint leaves room for the others; a call over it gets an error "
                    + "at once");

    private ExecutionSettings() {}

    /** Every setting the tool side reads: execution, upstream and authentication. */
    public static List<Setting> declared() {
        List<Setting> all = new ArrayList<>();
        all.add(PRECOMPILE_SCHEMAS);
        all.add(MAX_CONCURRENT_CALLS);
        all.add(MAX_CONCURRENT_PER_TOOL);
        all.addAll(UpstreamSettings.declared());
        all.addAll(AuthSettings.declared());
        return List.copyOf(all);
    }
}
