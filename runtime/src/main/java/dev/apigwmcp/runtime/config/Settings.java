package dev.apigwmcp.runtime.config;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The merged, immutable settings of one gateway process (command line over environment over file). Values are
 * looked up by a {@link Setting}'s name; per-target names are {@code target.<target>.<key>}.
 *
 * @param values setting name to raw value
 */
public record Settings(Map<String, String> values) {

    public Settings {
        values = Map.copyOf(new TreeMap<>(values));
    }

    public static Settings of(Map<String, String> values) {
        return new Settings(values);
    }

    /** The value, or the setting's default. */
    public Optional<String> get(Setting setting) {
        String value = values.get(setting.name());
        return Optional.ofNullable(value != null ? value : setting.defaultValue());
    }

    /** The value of a per-target setting declared as {@code target.<target>.<key>}. */
    public Optional<String> forTarget(Setting setting, String target) {
        String value = values.get(setting.name().replace("<target>", target));
        if (value == null) {
            value = values.get(setting.name().replace("<target>", environmentTarget(target)));
        }
        return Optional.ofNullable(value != null ? value : setting.defaultValue());
    }

    /** How a target name appears in environment variables: upper case, {@code -} as {@code _}. */
    public static String environmentTarget(String target) {
        return target.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    /** A raw value by name. */
    public Optional<String> raw(String name) {
        return Optional.ofNullable(values.get(name));
    }
}
