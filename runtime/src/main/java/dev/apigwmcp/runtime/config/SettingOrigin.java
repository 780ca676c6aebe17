package dev.apigwmcp.runtime.config;

import java.util.Objects;

/**
 * Where a setting's value came from, so that a message names it as the user wrote it.
 *
 * @param source  the command line, the environment or the {@code --config} file
 * @param written the option ({@code --name}), environment variable or file key exactly as given
 * @param file    the config file, for {@link Source#CONFIG_FILE}; otherwise {@code null}
 */
record SettingOrigin(Source source, String written, String file) {

    /** The three places a setting can come from. */
    public enum Source {
        COMMAND_LINE,
        ENVIRONMENT,
        CONFIG_FILE
    }

    public SettingOrigin {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(written, "written");
    }

    /** For example {@code option --port}, {@code environment variable APIGW_MCP_PORT}. */
    public String describe() {
        return switch (source) {
            case COMMAND_LINE -> "option " + written;
            case ENVIRONMENT -> "environment variable " + written;
            case CONFIG_FILE -> "setting " + written + " in config file " + file;
        };
    }

    /** Another setting's name spelled the way this one was: as an option, a variable or a file key. */
    public String spell(String settingName) {
        return switch (source) {
            case COMMAND_LINE -> "--" + settingName;
            case ENVIRONMENT -> Setting.environmentVariable(settingName);
            case CONFIG_FILE -> settingName;
        };
    }
}
