package dev.apigwmcp.runtime.config;

import java.util.Objects;

/**
 * A documented setting. Every setting can be given as a command-line option {@code --<name> value}, an
 * environment variable {@code APIGW_MCP_<NAME>} (upper case, {@code .} and {@code -} become {@code _}), or a
 * line {@code <name>=value} in the properties file given by {@code --config}; that is also the order of
 * precedence. {@code --help} lists every {@code Setting} declared by the runtime's components.
 *
 * @param name         dotted lower-case name, for example {@code transport} or {@code upstream.timeout-ms};
 *                     per-target settings use {@code target.<target>.<key>} and are declared with the literal
 *                     {@code <target>} in the name
 * @param defaultValue the default, or {@code null} for none
 * @param description  one line for {@code --help}
 * @param secret       the value must never be printed or logged (for example a client secret)
 */
public record Setting(String name, String defaultValue, String description, boolean secret) {

    /** Every setting's environment variable starts so. */
    public static final String ENVIRONMENT_PREFIX = "APIGW_MCP_";

    public Setting {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
    }

    public static Setting of(String name, String defaultValue, String description) {
        return new Setting(name, defaultValue, description, false);
    }

    /** The environment variable that sets this setting. */
    public String environmentVariable() {
        return environmentVariable(name);
    }

    /** The environment variable for a setting name, for example {@code target.petstore.base-url}. */
    public static String environmentVariable(String settingName) {
        return ENVIRONMENT_PREFIX
                + settingName
                        .toUpperCase(java.util.Locale.ROOT)
                        .replace('.', '_')
                        .replace('-', '_');
    }
}
