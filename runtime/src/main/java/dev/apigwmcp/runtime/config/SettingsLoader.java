package dev.apigwmcp.runtime.config;

import dev.apigwmcp.runtime.config.SettingOrigin.Source;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Merges settings from the command line ({@code --name value} or {@code --name=value}), the environment
 * ({@link Setting#environmentVariable()}) and an optional properties file ({@code --config FILE}), in that order
 * of precedence. Only declared settings are accepted: an unknown option, file key or {@code APIGW_MCP_*}
 * environment variable is a {@link SettingsException} (with the nearest known name when one is close), because a
 * typo silently ignored leaves the user puzzling over a setting that seems to have no effect.
 */
public final class SettingsLoader {
    /** The option naming the properties file; not a setting itself because it cannot come from the file. */
    public static final String CONFIG_OPTION = "config";
    /** The environment variable naming the properties file. */
    public static final String CONFIG_VARIABLE = Setting.environmentVariable(CONFIG_OPTION);

    /** Options of launchers with a demo backend (the PetStore sample's); a plain gateway says it has no demo. */
    private static final Set<String> DEMO_OPTIONS = Set.of("demo", "demo-request-log");

    private static final String TARGET_PREFIX = "target.";

    private final List<Setting> known;

    public SettingsLoader(List<Setting> known) {
        this.known = List.copyOf(known);
    }

    public CommandLine load(String[] args, Map<String, String> environment) {
        Arguments arguments = parse(args);
        checkEnvironment(environment);
        String configFile = arguments.configFile() != null ? arguments.configFile() : environment.get(CONFIG_VARIABLE);
        Map<String, String> file = configFile == null ? Map.of() : readFile(Path.of(configFile));
        Map<String, SettingOrigin> origins = new HashMap<>();
        Map<String, String> merged = merge(arguments.options(), file, configFile, environment, origins);
        return new CommandLine(Settings.of(merged), arguments.help(), arguments.listTools(), origins);
    }

    /**
     * The command line taken apart.
     *
     * @param options    the settings it gives, by name
     * @param configFile the {@code --config} file, or {@code null}
     */
    private record Arguments(Map<String, String> options, boolean help, boolean listTools, String configFile) {}

    private Arguments parse(String[] args) {
        Map<String, String> options = new HashMap<>();
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
                throw new SettingsException(
                        "unexpected argument \"" + arg + "\" (options look like --name value; see --help)");
            }
            String name = arg.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            // Known-ness first: "--verbose" last on the line is an unknown option, not an option without a value.
            if (!CONFIG_OPTION.equals(name) && find(name) == null) {
                throw new SettingsException(unknownOption(name));
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new SettingsException("option --" + name + " needs a value");
                }
                value = args[++i];
            }
            if (CONFIG_OPTION.equals(name)) {
                configFile = value;
            } else {
                options.put(name, value);
            }
        }
        return new Arguments(options, help, listTools, configFile);
    }

    /**
     * The settings of the three sources, the command line before the environment before the file, with where each
     * came from put in {@code origins}.
     */
    private Map<String, String> merge(
            Map<String, String> cli,
            Map<String, String> file,
            String configFile,
            Map<String, String> environment,
            Map<String, SettingOrigin> origins) {
        Map<String, String> merged = new HashMap<>(file);
        for (String name : file.keySet()) {
            origins.put(name, new SettingOrigin(Source.CONFIG_FILE, name, configFile));
        }
        Map<String, String> perTargetEnvironment = new HashMap<>();
        Map<String, SettingOrigin> perTargetOrigins = new HashMap<>();
        for (Setting setting : known) {
            if (!setting.name().contains("<target>")) {
                String value = environment.get(setting.environmentVariable());
                if (value != null) {
                    merged.put(setting.name(), value);
                    origins.put(
                            setting.name(), new SettingOrigin(Source.ENVIRONMENT, setting.environmentVariable(), null));
                }
            } else {
                perTargetFromEnvironment(setting, environment, perTargetEnvironment, perTargetOrigins);
            }
        }
        // The environment beats the file for per-target settings too. Their variables name the target upper-cased
        // ({@link Settings#forTarget} looks the exact name up first), so a file value the environment also sets
        // is dropped rather than left to shadow it.
        for (String name : file.keySet()) {
            String environmentForm = environmentForm(name);
            if (environmentForm != null && perTargetEnvironment.containsKey(environmentForm)) {
                merged.remove(name);
                origins.remove(name);
            }
        }
        merged.putAll(perTargetEnvironment);
        origins.putAll(perTargetOrigins);
        merged.putAll(cli);
        cli.keySet().forEach(name -> origins.put(name, new SettingOrigin(Source.COMMAND_LINE, "--" + name, null)));
        origins.keySet().retainAll(merged.keySet());
        return merged;
    }

    private String unknownOption(String name) {
        if (DEMO_OPTIONS.contains(name)) {
            return "this gateway has no demo mode: --" + name + " is an option of gateways built with a demo backend,"
                    + " such as the PetStore sample's petstore-gateway.jar";
        }
        return "unknown option --" + name
                + nearestSetting(name, true)
                        .map(n -> "; did you mean --" + n + "?")
                        .orElse("") + " (see --help)";
    }

    /**
     * Every {@code APIGW_MCP_*} variable must be a setting (or {@code APIGW_MCP_CONFIG}): the prefix is this
     * gateway's, so a variable that matches nothing is a typo or a setting that no longer exists.
     */
    private void checkEnvironment(Map<String, String> environment) {
        List<String> problems = new ArrayList<>();
        for (String variable : new TreeSet<>(environment.keySet())) {
            if (variable.startsWith(Setting.ENVIRONMENT_PREFIX)
                    && !variable.equals(CONFIG_VARIABLE)
                    && !isSettingVariable(variable)) {
                problems.add("environment variable " + variable + " is not a setting of this gateway"
                        + nearestVariable(variable)
                                .map(n -> "; did you mean " + n + "?")
                                .orElse("")
                        + " (see --help)");
            }
        }
        if (!problems.isEmpty()) {
            throw new SettingsException(problems);
        }
    }

    private boolean isSettingVariable(String variable) {
        for (Setting setting : known) {
            if (!setting.name().contains("<target>")) {
                if (setting.environmentVariable().equals(variable)) {
                    return true;
                }
            } else if (perTargetVariableTarget(setting, variable) != null) {
                return true;
            }
        }
        return false;
    }

    /** {@code target.<target>.<key>} with the target as environment variables spell it; null for other names. */
    private String environmentForm(String name) {
        Setting setting = find(name);
        if (setting == null || !setting.name().startsWith(TARGET_PREFIX + "<target>.")) {
            return null;
        }
        int end = name.indexOf('.', TARGET_PREFIX.length());
        return TARGET_PREFIX
                + Settings.environmentTarget(name.substring(TARGET_PREFIX.length(), end))
                + name.substring(end);
    }

    /**
     * {@code APIGW_MCP_TARGET_<TARGET>_<KEY>}: the target part is the target's name upper-cased with {@code -} as
     * {@code _}, so it is stored under {@link Settings#environmentTarget} form and matched case-insensitively.
     */
    private static void perTargetFromEnvironment(
            Setting setting,
            Map<String, String> environment,
            Map<String, String> merged,
            Map<String, SettingOrigin> origins) {
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            String target = perTargetVariableTarget(setting, variable.getKey());
            if (target != null) {
                String name = setting.name().replace("<target>", Settings.environmentTarget(target));
                if (merged.putIfAbsent(name, variable.getValue()) == null) {
                    origins.put(name, new SettingOrigin(Source.ENVIRONMENT, variable.getKey(), null));
                }
            }
        }
    }

    /** The target part of {@code variable} when it is this per-target setting's variable; otherwise null. */
    private static String perTargetVariableTarget(Setting setting, String variable) {
        String prefix = Setting.ENVIRONMENT_PREFIX + "TARGET_";
        String key = setting.name().substring(setting.name().indexOf("<target>") + "<target>.".length());
        String suffix =
                "_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
        if (variable.startsWith(prefix)
                && variable.endsWith(suffix)
                && variable.length() > prefix.length() + suffix.length()) {
            return variable.substring(prefix.length(), variable.length() - suffix.length());
        }
        return null;
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
        List<String> problems = new ArrayList<>();
        for (String name : new TreeSet<>(properties.stringPropertyNames())) {
            if (find(name) == null) {
                problems.add("unknown setting \"" + name + "\" in config file " + file
                        + nearestSetting(name, false)
                                .map(n -> "; did you mean " + n + "?")
                                .orElse("")
                        + " (see --help)");
            }
            values.put(name, properties.getProperty(name).trim());
        }
        if (!problems.isEmpty()) {
            throw new SettingsException(problems);
        }
        return values;
    }

    /**
     * The known setting name nearest to {@code name}. A per-target name is compared with every per-target setting
     * for each way of reading a target out of it, so {@code target.petstore.baseurl} finds
     * {@code target.petstore.base-url}.
     */
    private Optional<String> nearestSetting(String name, boolean commandLine) {
        List<String> candidates = new ArrayList<>();
        if (commandLine) {
            candidates.add(CONFIG_OPTION);
        }
        for (Setting setting : known) {
            if (!setting.name().contains("<target>")) {
                candidates.add(setting.name());
            } else if (name.startsWith(TARGET_PREFIX)) {
                String rest = name.substring(TARGET_PREFIX.length());
                for (int dot = rest.indexOf('.'); dot > 0; dot = rest.indexOf('.', dot + 1)) {
                    candidates.add(setting.name().replace("<target>", rest.substring(0, dot)));
                }
            }
        }
        // "api-key" is nearer to "api-key-in" than to "api-key-env", but whoever writes it means to give the key:
        // point them at the variable that holds it (taking "api-key-in" would put the key in an error message).
        if (candidates.contains(name + "-env")) {
            return Optional.of(name + "-env");
        }
        return NearestName.of(name, candidates);
    }

    /** The known variable nearest to {@code variable} (compared without the common prefix). */
    private Optional<String> nearestVariable(String variable) {
        int prefix = Setting.ENVIRONMENT_PREFIX.length();
        String typed = variable.substring(prefix);
        List<String> candidates = new ArrayList<>();
        candidates.add(CONFIG_VARIABLE.substring(prefix));
        for (Setting setting : known) {
            if (!setting.name().contains("<target>")) {
                candidates.add(setting.environmentVariable().substring(prefix));
            } else if (typed.startsWith("TARGET_")) {
                String rest = typed.substring("TARGET_".length());
                for (int cut = rest.indexOf('_'); cut > 0; cut = rest.indexOf('_', cut + 1)) {
                    candidates.add(
                            Setting.environmentVariable(setting.name().replace("<target>", rest.substring(0, cut)))
                                    .substring(prefix));
                }
            }
        }
        if (candidates.contains(typed + "_ENV")) {
            return Optional.of(variable + "_ENV"); // a secret given inline: see nearestSetting
        }
        return NearestName.of(typed, candidates).map(candidate -> Setting.ENVIRONMENT_PREFIX + candidate);
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
