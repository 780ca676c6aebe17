package dev.apigwmcp.runtime.config;

import java.util.Comparator;
import java.util.List;

/** Renders {@code --help}: every declared setting with its environment variable, default and description. */
public final class HelpRenderer {

    private HelpRenderer() {}

    public static String render(String usage, List<Setting> settings) {
        StringBuilder out = new StringBuilder();
        out.append(usage).append("\n\n");
        out.append("Options (each also an environment variable, or a line name=value in the --config file;\n");
        out.append("precedence: command line, then environment, then file):\n");
        out.append("  --help                 show this help and exit\n");
        out.append("  --list-tools           print the tool catalog and exit (reads the catalog only: no credential\n");
        out.append("                         is needed)\n");
        out.append("  --config FILE          properties file with name=value lines (env APIGW_MCP_CONFIG)\n");
        out.append("  --make-class-archive [OPTIONS]\n");
        out.append(
                "                         first option only: write NAME.jsa beside NAME.jar, the class archive the\n");
        out.append("                         start scripts use, for this JDK and this place (after copying the jar\n");
        out.append("                         elsewhere), from one training start with OPTIONS; then exit\n");
        settings.stream().sorted(Comparator.comparing(Setting::name)).forEach(setting -> {
            out.append("  --").append(setting.name()).append(" VALUE\n");
            out.append("      ").append(setting.description()).append('\n');
            out.append("      env ").append(setting.environmentVariable());
            if (setting.defaultValue() != null && !setting.defaultValue().isEmpty()) {
                // Secrets have no printable default: showing one would leak it.
                out.append("; default ").append(setting.secret() ? "(hidden)" : setting.defaultValue());
            }
            if (setting.secret()) {
                out.append("; secret, never logged");
            }
            out.append('\n');
        });
        return out.toString();
    }
}
