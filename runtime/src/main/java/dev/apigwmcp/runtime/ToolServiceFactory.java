package dev.apigwmcp.runtime;

import dev.apigwmcp.runtime.config.Setting;
import dev.apigwmcp.runtime.config.Settings;
import dev.apigwmcp.runtime.tools.ToolService;
import java.util.List;
import java.util.Map;

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
     * Builds the service. Throw {@link dev.apigwmcp.runtime.config.SettingsException} (one line, naming the
     * setting) for a bad setting; the launcher prints it and exits with status 2.
     *
     * @param environment the environment variables the gateway was started with (settings such as
     *                    {@code api-key-env} name variables in it); read it rather than {@link System#getenv}
     */
    ToolService create(Settings settings, Map<String, String> environment);
}
