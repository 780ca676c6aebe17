package dev.apigwmcp.maven.config;

import dev.apigwmcp.generator.AuthMode;
import dev.apigwmcp.generator.TargetConfig;
import dev.apigwmcp.generator.ToolFilter;
import dev.apigwmcp.generator.ToolOverride;
import dev.apigwmcp.maven.fetch.ExportSource;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns the POM's {@code <targets>} into generator-core {@link TargetConfig}s, collecting every configuration
 * mistake (each naming its target and element) instead of stopping at the first.
 */
public final class TargetConfigMapper {

    private static final int TARGET_NAME_MAX_LENGTH = 100;

    private final Path basedir;
    private final Path snapshotDirectory;

    /**
     * @param basedir           the project's base directory; relative paths resolve against it and messages and
     *                          generated files name files relative to it
     * @param snapshotDirectory where fetched exports are stored when a target names no {@code exportFile}
     */
    public TargetConfigMapper(Path basedir, Path snapshotDirectory) {
        this.basedir = basedir.toAbsolutePath().normalize();
        this.snapshotDirectory = snapshotDirectory;
    }

    /** The validated targets (skipped ones left out), or the list of configuration errors. */
    public Mapping map(List<TargetParameters> targets) {
        List<String> errors = new ArrayList<>();
        List<PlannedTarget> planned = new ArrayList<>();
        if (targets == null || targets.isEmpty()) {
            errors.add("no <targets> configured: add a <target> with a <name> and an <exportFile>"
                    + " (or <restApiId> and <stage>)");
            return new Mapping(planned, errors);
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < targets.size(); i++) {
            TargetParameters target = targets.get(i);
            String where = blank(target.getName()) ? "<target> #" + (i + 1) : "target " + target.getName();
            if (!blank(target.getName()) && !names.add(target.getName())) {
                errors.add(where + ": duplicate target name; every <name> must be unique");
            }
            if (target.isSkip()) {
                continue;
            }
            PlannedTarget mapped = mapTarget(target, where, errors);
            if (mapped != null) {
                planned.add(mapped);
            }
        }
        return new Mapping(errors.isEmpty() ? planned : List.of(), errors);
    }

    private PlannedTarget mapTarget(TargetParameters target, String where, List<String> errors) {
        int before = errors.size();
        String name = target.getName();
        if (blank(name)) {
            errors.add(where + ": <name> is missing");
        } else if (!validTargetName(name)) {
            errors.add(where + ": <name> may only contain letters, digits and '-' (at most 100)");
        }
        ExportSource source = source(target, where, errors);
        if (source == null && target.getExportFile() == null) {
            errors.add(where + ": set <exportFile>, or <restApiId> and <stage> to fetch the export from API Gateway");
        }
        AuthMode auth = auth(target.getAuth(), where, errors);
        Integer cap = target.getDescriptionMaxLength();
        if (cap != null && cap <= 0) {
            errors.add(where + ": <descriptionMaxLength> must be positive, was " + cap);
        }
        Integer outputCap = target.getOutputSchemaMaxBytes();
        if (outputCap != null && outputCap < -1) {
            errors.add(where + ": <outputSchemaMaxBytes> must be positive (or -1 for no limit), was " + outputCap);
        }
        List<ToolFilter> filters = filters(target.getToolFilters(), where, errors);
        List<ToolOverride> overrides = overrides(target.getToolOverrides(), where, errors);
        if (errors.size() > before) {
            return null;
        }
        Path exportFile = exportFile(target);
        TargetConfig config = new TargetConfig(name, exportFile, displayName(exportFile), filters, overrides, auth,
                target.getNamePrefix() == null || target.getNamePrefix(), cap == null ? 0 : cap,
                blank(target.getJavaPackage()) ? null : target.getJavaPackage().trim(),
                outputCap == null ? 0 : outputCap);
        return new PlannedTarget(config, source);
    }

    private Path exportFile(TargetParameters target) {
        if (target.getExportFile() != null) {
            return basedir.resolve(target.getExportFile().toPath()).normalize();
        }
        return snapshotDirectory.resolve(target.getName() + ".export.json").toAbsolutePath().normalize();
    }

    /** A path as messages and generated files name it: relative to the project, {@code /}-separated. */
    public String displayName(Path file) {
        Path absolute = basedir.resolve(file).normalize();
        Path shown = absolute.startsWith(basedir) ? basedir.relativize(absolute) : absolute.getFileName();
        return shown.toString().replace('\\', '/');
    }

    /**
     * AgentCore's rule for target names: 1 to 100 ASCII letters, digits and {@code -}. A loop rather than a regular
     * expression because mapping runs on every build, also when nothing changed.
     */
    private static boolean validTargetName(String name) {
        if (name.isEmpty() || name.length() > TARGET_NAME_MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean allowed = c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #displayName} as a function for requests and messages. A named class rather than
     * {@code this::displayName}: creating a method reference costs about a millisecond in the plugin's fresh class
     * loader, and the generation request is made on every build.
     */
    public Function<Path, String> displayNames() {
        return new DisplayNames(this);
    }

    private record DisplayNames(TargetConfigMapper mapper) implements Function<Path, String> {
        @Override
        public String apply(Path file) {
            return mapper.displayName(file);
        }
    }

    private static ExportSource source(TargetParameters target, String where, List<String> errors) {
        boolean hasId = !blank(target.getRestApiId());
        boolean hasStage = !blank(target.getStage());
        if (!hasId && !hasStage) {
            for (String[] option : new String[][] {{"region", target.getRegion()}, {"profile", target.getProfile()},
                    {"endpoint", target.getEndpoint()}}) {
                if (!blank(option[1])) {
                    errors.add(where + ": <" + option[0] + "> is only used with <restApiId> and <stage>");
                }
            }
            return null;
        }
        if (!hasId || !hasStage) {
            errors.add(where + ": <restApiId> and <stage> go together; " + (hasId ? "<stage>" : "<restApiId>")
                    + " is missing");
            return null;
        }
        String endpoint = blank(target.getEndpoint()) ? null : target.getEndpoint().trim();
        if (endpoint != null && !validEndpoint(endpoint)) {
            errors.add(where + ": <endpoint> must be an absolute http(s) URL, was " + endpoint);
        }
        return new ExportSource(target.getRestApiId().trim(), target.getStage().trim(), trimmed(target.getRegion()),
                trimmed(target.getProfile()), endpoint);
    }

    private static boolean validEndpoint(String endpoint) {
        try {
            URI uri = new URI(endpoint);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static AuthMode auth(String value, String where, List<String> errors) {
        if (blank(value)) {
            return AuthMode.FROM_EXPORT;
        }
        try {
            return AuthMode.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(where + ": <auth> must be one of " + Arrays.stream(AuthMode.values()).map(Enum::name)
                    .collect(Collectors.joining(", ")) + ", was " + value.trim());
            return null;
        }
    }

    private static List<ToolFilter> filters(List<ToolFilterParameters> filters, String where, List<String> errors) {
        List<ToolFilter> out = new ArrayList<>();
        if (filters == null) {
            return out;
        }
        for (int i = 0; i < filters.size(); i++) {
            ToolFilterParameters filter = filters.get(i);
            String at = where + ": <toolFilter> #" + (i + 1);
            String path = trimmed(filter.getFilterPath());
            if (path == null) {
                errors.add(at + ": <filterPath> is missing");
                continue;
            }
            if (!path.startsWith("/")) {
                errors.add(at + ": <filterPath> must start with '/', was " + path);
            }
            List<String> methods = methods(filter.getMethods());
            if (methods.isEmpty()) {
                errors.add(at + " (" + path + "): <methods> lists no <method>; name at least one, for example GET");
            }
            out.add(new ToolFilter(path, methods));
        }
        return out;
    }

    private static List<ToolOverride> overrides(List<ToolOverrideParameters> overrides, String where,
                                                List<String> errors) {
        List<ToolOverride> out = new ArrayList<>();
        if (overrides == null) {
            return out;
        }
        for (int i = 0; i < overrides.size(); i++) {
            ToolOverrideParameters override = overrides.get(i);
            String at = where + ": <toolOverride> #" + (i + 1);
            String path = trimmed(override.getPath());
            String method = trimmed(override.getMethod());
            String name = trimmed(override.getName());
            int before = errors.size();
            for (String[] required : new String[][] {{"path", path}, {"method", method}, {"name", name}}) {
                if (required[1] == null) {
                    errors.add(at + ": <" + required[0] + "> is missing");
                }
            }
            if (path != null && path.contains("*")) {
                errors.add(at + ": <path> must name one resource, no wildcards, was " + path);
            }
            if (errors.size() == before) {
                out.add(new ToolOverride(path, method.toUpperCase(Locale.ROOT), name,
                        trimmed(override.getDescription())));
            }
        }
        return out;
    }

    private static List<String> methods(List<String> methods) {
        List<String> out = new ArrayList<>();
        if (methods != null) {
            for (String method : methods) {
                if (!blank(method)) {
                    out.add(method.trim().toUpperCase(Locale.ROOT));
                }
            }
        }
        return out;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String trimmed(String value) {
        return blank(value) ? null : value.trim();
    }

    /**
     * The outcome of mapping.
     *
     * @param targets the targets to generate, in POM order (empty when there are errors)
     * @param errors  every configuration error, in POM order
     */
    public record Mapping(List<PlannedTarget> targets, List<String> errors) {
        public Mapping {
            targets = List.copyOf(targets);
            errors = List.copyOf(errors);
        }
    }
}
