package dev.apigwmcp.runtime.config;

/**
 * The outcome of reading the command line, environment and properties file.
 *
 * @param settings  the merged settings
 * @param help      {@code --help} was given
 * @param listTools {@code --list-tools} was given
 */
public record CommandLine(Settings settings, boolean help, boolean listTools) {
}
