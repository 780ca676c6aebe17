package dev.apigwmcp.runtime.search;

import dev.apigwmcp.runtime.config.GatewaySettings;
import dev.apigwmcp.runtime.config.Setting;
import dev.apigwmcp.runtime.config.Settings;
import dev.apigwmcp.runtime.config.SettingsException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The search settings, checked at start with the launcher's.
 *
 * @param mode          {@code off}, {@code add}, {@code only}, or {@code null} for the default (by catalog size)
 * @param threshold     the default mode is {@code add} above this many tools, else {@code off}
 * @param searchTool    the search tool's name
 * @param callTool      the call tool's name ({@code only} mode)
 */
public record SearchSettings(SearchMode mode, int threshold, String searchTool, String callTool) {

    public static final Setting MODE = Setting.of(
            "search.mode",
            "auto",
            "tool search: off, add (search tool beside every tool), only (search and call tools alone), or auto"
                    + " (add above --search.threshold tools, else off)");
    public static final Setting THRESHOLD = Setting.of(
            "search.threshold",
            "100",
            "search.mode auto: add the search tool when the catalog has more tools than this");
    public static final Setting TOOL_NAME = Setting.of(
            "search.tool-name",
            "search_tools",
            "the search tool's name (x_amz_bedrock_agentcore_search for AgentCore's)");
    public static final Setting CALL_TOOL_NAME = Setting.of(
            "search.call-tool-name",
            "call_tool",
            "search.mode only: the name of the tool that calls a tool found by the search");

    public static final List<Setting> ALL = List.of(MODE, THRESHOLD, TOOL_NAME, CALL_TOOL_NAME);

    /** What MCP clients and model APIs accept as a tool name. */
    private static final Pattern TOOL_NAME_SYNTAX = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** Reads and checks the settings; a wrong one is a {@link SettingsException} naming it. */
    public static SearchSettings from(Settings settings) {
        String mode = settings.get(MODE).orElse("auto").trim().toLowerCase(Locale.ROOT);
        SearchMode parsed = switch (mode) {
            case "auto" -> null;
            case "off" -> SearchMode.OFF;
            case "add" -> SearchMode.ADD;
            case "only" -> SearchMode.ONLY;
            default ->
                throw new SettingsException("--" + MODE.name() + " (" + MODE.environmentVariable()
                        + ") must be off, add, only or auto, got \""
                        + settings.get(MODE).orElse("") + "\"");
        };
        int threshold = (int) GatewaySettings.integer(settings, THRESHOLD, 0, Integer.MAX_VALUE);
        String search = toolName(settings, TOOL_NAME);
        String call = toolName(settings, CALL_TOOL_NAME);
        if (search.equals(call)) {
            throw new SettingsException("--" + TOOL_NAME.name() + " and --" + CALL_TOOL_NAME.name()
                    + " must differ, both are \"" + search + "\"");
        }
        return new SearchSettings(parsed, threshold, search, call);
    }

    /** The mode for a catalog of this many tools. */
    public SearchMode modeFor(int tools) {
        if (mode != null) {
            return mode;
        }
        return tools > threshold ? SearchMode.ADD : SearchMode.OFF;
    }

    private static String toolName(Settings settings, Setting setting) {
        String name = settings.get(setting).orElse(setting.defaultValue()).trim();
        if (!TOOL_NAME_SYNTAX.matcher(name).matches()) {
            throw new SettingsException("--" + setting.name() + " (" + setting.environmentVariable()
                    + ") must be 1 to 64 letters, digits, '_' or '-', got \"" + name + "\"");
        }
        return name;
    }
}
