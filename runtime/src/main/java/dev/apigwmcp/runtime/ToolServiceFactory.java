package dev.apigwmcp.runtime;

import dev.apigwmcp.runtime.config.Setting;
import dev.apigwmcp.runtime.config.Settings;
import dev.apigwmcp.runtime.telemetry.Telemetry;
import dev.apigwmcp.runtime.tools.ToolListing;
import dev.apigwmcp.runtime.tools.ToolService;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Creates the {@link ToolService} the gateway serves. Implementations are found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.apigwmcp.runtime.ToolServiceFactory}); when several are present the
 * {@code tool-service} setting picks one by {@link #name()}.
 */
public interface ToolServiceFactory {

    /** Short name used by {@code --tool-service}. */
    String name();

    /** The settings this tool service reads; {@code --help} lists them and only declared names are accepted. */
    List<Setting> settings();

    /**
     * The names of the targets this service serves. A per-target setting ({@code target.<target>.<key>}) for any
     * other name is refused at start, so a mistyped target is not silently ignored. The default, no targets, suits
     * a service that declares no per-target settings.
     */
    default Set<String> targets() {
        return Set.of();
    }

    /**
     * A {@code --help} section naming this service's targets and the settings each needs before it starts (its
     * credentials, a base URL where its export names no host); empty by default. Read from resources alone.
     */
    default String targetsHelp() {
        return "";
    }

    /**
     * The tools as {@code --list-tools} prints them, read from the catalog alone: no credential or upstream setting
     * is needed. The default builds the whole service; override it when that needs more than the catalog.
     */
    default List<ToolListing> catalog(Settings settings, Map<String, String> environment) {
        return create(settings, environment).listings();
    }

    /**
     * Builds the service. Throw {@link dev.apigwmcp.runtime.config.SettingsException} (one line, naming the
     * setting) for a bad setting: the launcher prints it and exits with status 2. Throw
     * {@link dev.apigwmcp.runtime.execution.StartupException} when something the settings need is missing or
     * unusable (a credential, a generated resource): the launcher prints each problem and exits with status 3
     * (2 when it says a setting is wrong).
     *
     * @param environment the environment variables the gateway was started with (settings such as
     *                    {@code api-key-env} name variables in it); read it rather than {@link System#getenv}
     */
    ToolService create(Settings settings, Map<String, String> environment);

    /**
     * {@link #create(Settings, Map)}, reporting calls to the launcher's {@code telemetry} (the log line, metrics,
     * spans), which the launcher closes. A service that reports nothing itself keeps this default.
     */
    default ToolService create(Settings settings, Map<String, String> environment, Telemetry telemetry) {
        return create(settings, environment);
    }
}
