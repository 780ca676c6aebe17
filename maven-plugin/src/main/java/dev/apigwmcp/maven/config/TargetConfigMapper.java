package dev.apigwmcp.maven.config;

import dev.apigwmcp.generator.Problem;
import dev.apigwmcp.generator.config.ConfigValidator;
import dev.apigwmcp.generator.config.TargetInput;
import dev.apigwmcp.generator.config.TargetInput.FilterInput;
import dev.apigwmcp.generator.config.TargetInput.OverrideInput;
import dev.apigwmcp.generator.config.ValidatedConfig;
import dev.apigwmcp.maven.fetch.ExportSource;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Turns the POM's {@code <targets>} into generator-core {@link dev.apigwmcp.generator.TargetConfig}s. It only maps:
 * every value is checked by generator-core's {@link ConfigValidator}, as for the command line, with places named in
 * POM terms ({@link PomDialect}); only the members that fetch an export from API Gateway are the plugin's own.
 */
public final class TargetConfigMapper {

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
        List<TargetInput> inputs = new ArrayList<>();
        List<ExportSource> sources = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<TargetParameters> given = targets == null ? List.of() : targets;
        for (int i = 0; i < given.size(); i++) {
            TargetParameters target = given.get(i);
            if (target.isSkip()) {
                continue;
            }
            ExportSource source = source(target, PomDialect.target(target, i), errors);
            inputs.add(input(target, source));
            sources.add(source);
            positions.add(i);
        }
        PomDialect dialect = new PomDialect(positions);
        ValidatedConfig validated = new ConfigValidator(dialect).validate(inputs);
        for (Problem problem : validated.errors()) {
            errors.add(dialect.render(problem));
        }
        List<PlannedTarget> planned = new ArrayList<>();
        if (errors.isEmpty()) {
            for (int i = 0; i < validated.targets().size(); i++) {
                planned.add(new PlannedTarget(validated.targets().get(i), sources.get(i)));
            }
        }
        return new Mapping(planned, errors);
    }

    /** The POM's values as written, for the one validator every front end shares. */
    private TargetInput input(TargetParameters target, ExportSource source) {
        Path exportFile = target.getExportFile() != null || source != null ? exportFile(target) : null;
        return new TargetInput(
                target.getName(),
                exportFile,
                exportFile == null ? null : displayName(exportFile),
                filters(target.getToolFilters()),
                overrides(target.getToolOverrides()),
                target.getAuth(),
                text(target.getNamePrefix()),
                text(target.getDescriptionMaxLength()),
                text(target.getOutputSchemaMaxBytes()),
                target.getJavaPackage(),
                target.getOutputSchemas(),
                text(target.getAllowNoTools()));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private Path exportFile(TargetParameters target) {
        if (target.getExportFile() != null) {
            return basedir.resolve(target.getExportFile().toPath()).normalize();
        }
        return snapshotDirectory
                .resolve(target.getName() + ".export.json")
                .toAbsolutePath()
                .normalize();
    }

    /** A path as messages and generated files name it: relative to the project, {@code /}-separated. */
    public String displayName(Path file) {
        Path absolute = basedir.resolve(file).normalize();
        Path shown = absolute.startsWith(basedir) ? basedir.relativize(absolute) : absolute.getFileName();
        return shown.toString().replace('\\', '/');
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

    /** Where to fetch the export from (the plugin's own members); {@code null} for a plain export file. */
    private static ExportSource source(TargetParameters target, String where, List<String> errors) {
        boolean hasId = !blank(target.getRestApiId());
        boolean hasStage = !blank(target.getStage());
        if (!hasId && !hasStage) {
            for (String[] option : new String[][] {
                {"region", target.getRegion()}, {"profile", target.getProfile()}, {"endpoint", target.getEndpoint()}
            }) {
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
        String endpoint =
                blank(target.getEndpoint()) ? null : target.getEndpoint().trim();
        if (endpoint != null && !validEndpoint(endpoint)) {
            errors.add(where + ": <endpoint> must be an absolute http(s) URL, was " + endpoint);
        }
        return new ExportSource(
                target.getRestApiId().trim(),
                target.getStage().trim(),
                trimmed(target.getRegion()),
                trimmed(target.getProfile()),
                endpoint);
    }

    private static boolean validEndpoint(String endpoint) {
        try {
            URI uri = new URI(endpoint);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static List<FilterInput> filters(List<ToolFilterParameters> filters) {
        List<FilterInput> out = new ArrayList<>();
        if (filters != null) {
            for (ToolFilterParameters filter : filters) {
                out.add(new FilterInput(filter.getFilterPath(), filter.getMethods()));
            }
        }
        return out;
    }

    private static List<OverrideInput> overrides(List<ToolOverrideParameters> overrides) {
        List<OverrideInput> out = new ArrayList<>();
        if (overrides != null) {
            for (ToolOverrideParameters override : overrides) {
                out.add(new OverrideInput(
                        override.getPath(), override.getMethod(), override.getName(), override.getDescription()));
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
