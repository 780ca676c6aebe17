package dev.apigwmcp.generator.config;

import dev.apigwmcp.generator.AuthMode;
import dev.apigwmcp.generator.OutputSchemaMode;
import dev.apigwmcp.generator.Problem;
import dev.apigwmcp.generator.TargetConfig;
import dev.apigwmcp.generator.ToolFilter;
import dev.apigwmcp.generator.ToolOverride;
import dev.apigwmcp.generator.config.TargetInput.FilterInput;
import dev.apigwmcp.generator.config.TargetInput.OverrideInput;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Every rule of a target's configuration, in one place: {@link #validate} turns what a user wrote into
 * {@link TargetConfig}s (types, required members, allowed values), then {@link #check} applies the rules that hold
 * for any configuration, also one built in code (names, filters, overrides, packages). Problems are located with the
 * front end's {@link ConfigDialect}, so they point into the user's own file.
 */
public final class ConfigValidator {

    private final ConfigDialect dialect;

    public ConfigValidator(ConfigDialect dialect) {
        this.dialect = dialect;
    }

    /** The targets the user wrote, checked; {@link ValidatedConfig#targets()} is empty when any problem is found. */
    public ValidatedConfig validate(List<TargetInput> inputs) {
        Problems problems = new Problems(dialect);
        List<TargetConfig> targets = new ArrayList<>();
        List<String> places = new ArrayList<>();
        if (inputs == null || inputs.isEmpty()) {
            problems.add(
                    null,
                    dialect.targets(),
                    "is empty: add a target with a " + dialect.name("name") + " and an " + dialect.name("exportFile"));
            return new ValidatedConfig(targets, problems.list());
        }
        for (int i = 0; i < inputs.size(); i++) {
            String at = dialect.target(i, inputs.get(i).name());
            TargetConfig target = new TargetReader(inputs.get(i), at, problems).read();
            if (target != null) {
                targets.add(target);
                places.add(at);
            }
        }
        check(targets, places, problems);
        return new ValidatedConfig(targets, problems.list());
    }

    /** The rules that hold for any configuration, also one built in code; empty when it follows them all. */
    public List<Problem> check(List<TargetConfig> targets) {
        Problems problems = new Problems(dialect);
        List<String> places = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            places.add(dialect.target(i, targets.get(i).name()));
        }
        check(targets, places, problems);
        return problems.list();
    }

    private void check(List<TargetConfig> targets, List<String> places, Problems problems) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < targets.size(); i++) {
            TargetConfig target = targets.get(i);
            String at = places.get(i);
            if (!names.add(target.name())) {
                problems.add(
                        target.name(),
                        dialect.member(at, "name"),
                        "'" + target.name() + "' is used by two targets; every target needs a name of its own");
            }
            new TargetRules(target, at, dialect, problems).check();
        }
    }

    /** Reads one input's values into a {@link TargetConfig}, or reports why it cannot. */
    private static final class TargetReader {
        private final TargetInput input;
        private final String at;
        private final Problems problems;
        private final ConfigDialect dialect;
        private String name;

        TargetReader(TargetInput input, String at, Problems problems) {
            this.input = input;
            this.at = at;
            this.problems = problems;
            this.dialect = problems.dialect();
        }

        TargetConfig read() {
            int before = problems.size();
            name = Values.trimmed(input.name());
            if (name == null) {
                problems.add(null, dialect.member(at, "name"), "is missing");
            }
            if (input.exportFile() == null) {
                problems.add(name, dialect.member(at, "exportFile"), "is missing" + dialect.exportFileAlternative());
            }
            AuthMode auth = Values.choice(input.auth(), AuthMode.class, AuthMode.FROM_EXPORT, this, "auth");
            OutputSchemaMode outputSchemas = Values.choice(
                    input.outputSchemas(), OutputSchemaMode.class, OutputSchemaMode.TOLERANT, this, "outputSchemas");
            Boolean prefix = Values.bool(input.namePrefix(), true, this, "namePrefix");
            Boolean allowNoTools = Values.bool(input.allowNoTools(), false, this, "allowNoTools");
            Integer descriptionMax = Values.integer(
                    input.descriptionMaxLength(),
                    TargetConfig.DEFAULT_DESCRIPTION_MAX_LENGTH,
                    false,
                    this,
                    "descriptionMaxLength");
            Integer outputMax = Values.integer(
                    input.outputSchemaMaxBytes(),
                    TargetConfig.DEFAULT_OUTPUT_SCHEMA_MAX_BYTES,
                    true,
                    this,
                    "outputSchemaMaxBytes");
            List<ToolFilter> filters = filters();
            List<ToolOverride> overrides = overrides();
            if (problems.size() > before) {
                return null;
            }
            return TargetConfig.builder(name, input.exportFile())
                    .displayFile(input.displayFile())
                    .toolFilters(filters)
                    .toolOverrides(overrides)
                    .auth(auth)
                    .namePrefix(prefix)
                    .descriptionMaxLength(descriptionMax)
                    .outputSchemaMaxBytes(outputMax)
                    .javaPackage(Values.trimmed(input.javaPackage()))
                    .outputSchemas(outputSchemas)
                    .allowNoTools(allowNoTools)
                    .build();
        }

        void problem(String member, String message) {
            problems.add(name, dialect.member(at, member), message);
        }

        private List<ToolFilter> filters() {
            List<ToolFilter> out = new ArrayList<>();
            for (int i = 0; i < input.toolFilters().size(); i++) {
                FilterInput filter = input.toolFilters().get(i);
                String entry = dialect.entry(at, "toolFilters", i);
                String path = Values.trimmed(filter.filterPath());
                if (path == null) {
                    problems.add(name, dialect.member(entry, "filterPath"), "is missing");
                    continue;
                }
                List<String> methods = new ArrayList<>();
                for (String method : filter.methods()) {
                    if (Values.trimmed(method) != null) {
                        methods.add(method.trim().toUpperCase(Locale.ROOT));
                    }
                }
                out.add(new ToolFilter(path, methods, entry));
            }
            return out;
        }

        private List<ToolOverride> overrides() {
            List<ToolOverride> out = new ArrayList<>();
            for (int i = 0; i < input.toolOverrides().size(); i++) {
                OverrideInput override = input.toolOverrides().get(i);
                String entry = dialect.entry(at, "toolOverrides", i);
                String path = Values.trimmed(override.path());
                String method = Values.trimmed(override.method());
                String toolName = Values.trimmed(override.name());
                boolean complete = true;
                for (String[] required : new String[][] {{"path", path}, {"method", method}, {"name", toolName}}) {
                    if (required[1] == null) {
                        problems.add(name, dialect.member(entry, required[0]), "is missing");
                        complete = false;
                    }
                }
                if (complete) {
                    out.add(new ToolOverride(
                            path,
                            method.toUpperCase(Locale.ROOT),
                            toolName,
                            Values.trimmed(override.description()),
                            entry));
                }
            }
            return out;
        }
    }

    /** Problems located in one front end's file. */
    static final class Problems {
        private final ConfigDialect dialect;
        private final List<Problem> list = new ArrayList<>();

        Problems(ConfigDialect dialect) {
            this.dialect = dialect;
        }

        void add(String target, String location, String message) {
            list.add(new Problem(target, dialect.file(), location, message));
        }

        int size() {
            return list.size();
        }

        List<Problem> list() {
            return List.copyOf(list);
        }

        ConfigDialect dialect() {
            return dialect;
        }
    }

    /** Parsing of scalar members; each reports a located problem and returns {@code null} when the text is bad. */
    private static final class Values {
        private Values() {}

        static String trimmed(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }

        static <E extends Enum<E>> E choice(
                String value, Class<E> type, E fallback, TargetReader reader, String member) {
            String text = trimmed(value);
            if (text == null) {
                return fallback;
            }
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(text)
                        || constant.name()
                                .replace("_", "")
                                .equalsIgnoreCase(text.replace("_", "").replace("-", ""))) {
                    return constant;
                }
            }
            List<String> allowed = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                allowed.add(constant.name());
            }
            reader.problem(member, "must be one of " + String.join(", ", allowed) + ", was '" + text + "'");
            return null;
        }

        static Boolean bool(String value, boolean fallback, TargetReader reader, String member) {
            String text = trimmed(value);
            if (text == null) {
                return fallback;
            }
            if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(text.toLowerCase(Locale.ROOT));
            }
            reader.problem(member, "must be true or false, was '" + text + "'");
            return null;
        }

        /** A positive integer; with {@code unlimited}, {@code -1} stands for no limit ({@link Integer#MAX_VALUE}). */
        static Integer integer(String value, int fallback, boolean unlimited, TargetReader reader, String member) {
            String text = trimmed(value);
            if (text == null) {
                return fallback;
            }
            long number;
            try {
                number = Long.parseLong(text);
            } catch (NumberFormatException e) {
                reader.problem(member, "must be a whole number, was '" + text + "'");
                return null;
            }
            if (unlimited && number == -1) {
                return Integer.MAX_VALUE;
            }
            if (number <= 0 || number > Integer.MAX_VALUE) {
                reader.problem(
                        member,
                        "must be a positive number" + (unlimited ? " (or -1 for no limit)" : "") + ", was " + text);
                return null;
            }
            return (int) number;
        }
    }
}
