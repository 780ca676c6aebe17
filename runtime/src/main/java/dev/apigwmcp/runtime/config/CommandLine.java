package dev.apigwmcp.runtime.config;

import java.util.Map;

/**
 * The outcome of reading the command line, environment and properties file.
 *
 * @param settings  the merged settings
 * @param help      {@code --help} was given
 * @param listTools {@code --list-tools} was given
 * @param origins   where each merged setting (by its name in {@code settings}) came from
 */
public record CommandLine(Settings settings, boolean help, boolean listTools, Map<String, SettingOrigin> origins) {

    public CommandLine {
        origins = Map.copyOf(origins);
    }
}
