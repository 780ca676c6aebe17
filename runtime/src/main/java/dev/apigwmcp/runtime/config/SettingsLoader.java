package dev.apigwmcp.runtime.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Merges settings from the command line ({@code --name value} or {@code --name=value}), the environment
 * ({@link Setting#environmentVariable()}) and an optional properties file ({@code --config FILE}), in that order
 * of precedence. Only declared settings are accepted; anything else is a {@link SettingsException}.
 */
public final class SettingsLoader {
    /** The option naming the properties file; not a setting itself because it cannot come from the file. */
    public static final String CONFIG_OPTION = "config";

    private final List<Setting> known;

    public SettingsLoader(List<Setting> known) {
        this.known = List.copyOf(known);
    }

    public CommandLine load(String[] args, Map<String, String> environment) {
        Map<String, String> cli = new HashMap<>();
        boolean help = false;
        boolean listTools = false;
        String configFile = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if ("--help".equals(arg) || "-h".equals(arg)) {
                help = true;
                continue;
            }
            if ("--list-tools".equals(arg)) {
                listTools = true;
                continue;
            }
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new SettingsException("unexpected argument \"" + arg + "\" (options look like --name value; see --help)");
            }
            String name = arg.substring(2);
            String value;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new SettingsException("option --" + name + " needs a value");
            }
            if (CONFIG_OPTION.equals(name)) {
                configFile = value;
                continue;
            }
            if (find(name) == null) {
                throw new SettingsException("unknown option --" + name + " (see --help)");
            }
            cli.put(name, value);
        }
        if (configFile == null) {
            configFile = environment.get("APIGW_MCP_CONFIG");
        }
        Map<String, String> file = configFile == null ? Map.of() : readFile(Path.of(configFile));
        Map<String, String> merged = new HashMap<>(file);
        Map<String, String> perTargetEnvironment = new HashMap<>();
        for (Setting setting : known) {
            if (!setting.name().contains("<target>")) {
                String value = environment.get(setting.environmentVariable());
                if (value != null) {
                    merged.put(setting.name(), value);
                }
            } else {
                perTargetFromEnvironment(setting, environment, perTargetEnvironment);
            }
        }
        // The environment beats the file for per-target settings too. Their variables name the target upper-cased
        // ({@link Settings#forTarget} looks the exact name up first), so a file value the environment also sets
        // is dropped rather than left to shadow it.
        for (String name : file.keySet()) {
            String environmentForm = environmentForm(name);
            if (environmentForm != null && perTargetEnvironment.containsKey(environmentForm)) {
                merged.remove(name);
            }
        }
        merged.putAll(perTargetEnvironment);
        merged.putAll(cli);
        return new CommandLine(Settings.of(merged), help, listTools);
    }

    /** {@code target.<target>.<key>} with the target as environment variables spell it; null for other names. */
    private String environmentForm(String name) {
        Setting setting = find(name);
        if (setting == null || !setting.name().startsWith("target.<target>.")) {
            return null;
        }
        int end = name.indexOf('.', "target.".length());
        return "target." + Settings.environmentTarget(name.substring("target.".length(), end)) + name.substring(end);
    }

    /**
     * {@code APIGW_MCP_TARGET_<TARGET>_<KEY>}: the target part is the target's name upper-cased with {@code -} as
     * {@code _}, so it is stored under {@link Settings#environmentTarget} form and matched case-insensitively.
     */
    private static void perTargetFromEnvironment(Setting setting, Map<String, String> environment,
            Map<String, String> merged) {
        String prefix = "APIGW_MCP_TARGET_";
        String key = setting.name().substring(setting.name().indexOf("<target>") + "<target>.".length());
        String suffix = "_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            String name = variable.getKey();
            if (name.startsWith(prefix) && name.endsWith(suffix) && name.length() > prefix.length() + suffix.length()) {
                String target = name.substring(prefix.length(), name.length() - suffix.length());
                merged.putIfAbsent(setting.name().replace("<target>", Settings.environmentTarget(target)),
                        variable.getValue());
            }
        }
    }

    private Map<String, String> readFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw new SettingsException("config file " + file + " does not exist");
        } catch (IOException | IllegalArgumentException e) {
            throw new SettingsException("config file " + file + " cannot be read: " + e.getMessage());
        }
        Map<String, String> values = new HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (find(name) == null) {
                throw new SettingsException("unknown setting \"" + name + "\" in config file " + file + " (see --help)");
            }
            values.put(name, properties.getProperty(name).trim());
        }
        return values;
    }

    /** The declared setting this name stands for (per-target names match their {@code <target>} pattern). */
    Setting find(String name) {
        for (Setting setting : known) {
            if (setting.name().equals(name)) {
                return setting;
            }
            if (setting.name().contains("<target>")) {
                String regex = Pattern.quote(setting.name()).replace("<target>", "\\E[A-Za-z0-9_-]+\\Q");
                if (name.matches(regex)) {
                    return setting;
                }
            }
        }
        return null;
    }
}
