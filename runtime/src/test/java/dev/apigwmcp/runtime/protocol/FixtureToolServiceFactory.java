package dev.apigwmcp.runtime.protocol;

import dev.apigwmcp.runtime.ToolServiceFactory;
import dev.apigwmcp.runtime.config.Setting;
import dev.apigwmcp.runtime.config.Settings;
import dev.apigwmcp.runtime.config.SettingsException;
import dev.apigwmcp.runtime.tools.ToolService;
import java.util.List;
import java.util.Map;

/** Serves {@link FixtureToolService} from the real launcher in tests ({@code --tool-service fixture}). */
public final class FixtureToolServiceFactory implements ToolServiceFactory {
    public static final Setting FILLER =
            Setting.of("fixture.filler-tools", "0", "test fixture: number of extra filler tools");
    public static final Setting SECRET =
            new Setting("fixture.secret", "s3cr3t-default", "test fixture: a secret setting", true);

    @Override
    public String name() {
        return "fixture";
    }

    @Override
    public List<Setting> settings() {
        return List.of(FILLER, SECRET);
    }

    @Override
    public ToolService create(Settings settings, Map<String, String> environment) {
        String raw = settings.get(FILLER).orElse("0");
        try {
            return new FixtureToolService(Integer.parseInt(raw));
        } catch (NumberFormatException e) {
            throw new SettingsException("--" + FILLER.name() + " must be an integer, got \"" + raw + "\"");
        }
    }
}
