package dev.apigwmcp.runtime.execution;

import dev.apigwmcp.runtime.ToolServiceFactory;
import dev.apigwmcp.runtime.config.Setting;
import dev.apigwmcp.runtime.config.Settings;
import dev.apigwmcp.runtime.telemetry.Telemetry;
import dev.apigwmcp.runtime.tools.ToolListing;
import dev.apigwmcp.runtime.tools.ToolService;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The production tool service: the generated tools found on the classpath, calling their REST API. Registered in
 * {@code META-INF/services/dev.apigwmcp.runtime.ToolServiceFactory}.
 */
public final class GeneratedToolServiceFactory implements ToolServiceFactory {

    public static final String NAME = "gateway";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Setting> settings() {
        return ExecutionSettings.declared();
    }

    @Override
    public Set<String> targets() {
        return GeneratedToolService.targets(classLoader());
    }

    @Override
    public String targetsHelp() {
        return GeneratedToolService.targetsHelp(classLoader());
    }

    @Override
    public List<ToolListing> catalog(Settings settings, Map<String, String> environment) {
        return GeneratedToolService.catalog(classLoader());
    }

    @Override
    public ToolService create(Settings settings, Map<String, String> environment) {
        return create(settings, environment, Telemetry.callLogOnly());
    }

    @Override
    public ToolService create(Settings settings, Map<String, String> environment, Telemetry telemetry) {
        return GeneratedToolService.load(settings, environment, telemetry);
    }

    private static ClassLoader classLoader() {
        return Thread.currentThread().getContextClassLoader();
    }
}
