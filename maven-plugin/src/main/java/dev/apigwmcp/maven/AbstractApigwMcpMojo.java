package dev.apigwmcp.maven;

import dev.apigwmcp.maven.config.TargetConfigMapper;
import dev.apigwmcp.maven.config.TargetParameters;
import dev.apigwmcp.maven.fetch.SnapshotRefresher;
import dev.apigwmcp.maven.generation.BuildLog;
import dev.apigwmcp.maven.generation.GenerationException;
import dev.apigwmcp.maven.generation.GenerationOrchestrator;
import dev.apigwmcp.maven.generation.GenerationRequest;
import dev.apigwmcp.maven.generation.GeneratorIdentity;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * The parameters every goal shares (the {@code <targets>} and where things go) and the one generation step they
 * all start with. Goals stay thin: they map the POM into a request, run it, and turn the outcome into log lines
 * or a build failure.
 */
abstract class AbstractApigwMcpMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    PluginDescriptor plugin;

    /**
     * The APIs that become tools, one {@code <target>} each (the shape of AgentCore's
     * {@code apiGatewayToolConfiguration}); every member is checked by generator-core's configuration validator, and
     * a mistake fails the build with one line naming the target and the member. A target's members:
     * <ul>
     * <li>{@code <name>} (required): letters, digits and single hyphens, at most 100, for example {@code orders};
     * it prefixes tool names ({@code orders___getOrder}).</li>
     * <li>{@code <exportFile>}: the export, OpenAPI 3.x or Swagger 2.0, JSON or YAML, for example
     * {@code src/main/apigw-mcp/orders.export.json}.</li>
     * <li>{@code <restApiId>} and {@code <stage>} instead of {@code <exportFile>}: fetch the export from API Gateway
     * into {@code src/main/apigw-mcp/<name>.export.json}, with optional {@code <region>} (else the AWS SDK's default
     * Region chain), {@code <profile>} and {@code <endpoint>}.</li>
     * <li>{@code <toolFilters>}: the allow list, each {@code <toolFilter>} a {@code <filterPath>} and
     * {@code <methods>}; {@code /orders/*} selects every resource strictly below {@code /orders}. None: every
     * operation except CORS OPTIONS.</li>
     * <li>{@code <toolOverrides>}: each {@code <toolOverride>} a {@code <path>}, {@code <method>}, {@code <name>} and
     * optional {@code <description>} for one operation.</li>
     * <li>{@code <auth>}: {@code FROM_EXPORT} (default), {@code IAM}, {@code API_KEY}, {@code BASIC} or {@code NONE}.</li>
     * <li>{@code <namePrefix>}: {@code true} (default); {@code false} leaves the target's name out of tool
     * names.</li>
     * <li>{@code <descriptionMaxLength>}: 1024 (default); longer descriptions are cut, with a warning.</li>
     * <li>{@code <outputSchemaMaxBytes>}: 32768 (default); larger output schemas are left out; -1 for no limit.</li>
     * <li>{@code <outputSchemas>}: {@code tolerant} (default), {@code strict} or {@code none}.</li>
     * <li>{@code <allowNoTools>}: {@code false} (default); {@code true} accepts a target that yields no tools.</li>
     * <li>{@code <javaPackage>}: the generated Java's package (default {@code dev.apigwmcp.generated.<name>}).</li>
     * <li>{@code <skip>}: {@code true} leaves the target out.</li>
     * </ul>
     * The rules behind each member: {@code docs/generator.md}.
     *
     * @since 0.1.0
     */
    @Parameter
    List<TargetParameters> targets;

    /**
     * Skips the goal (it logs that it did), for example {@code -Dapigw-mcp.skip=true} on a build that should not
     * regenerate.
     *
     * @since 0.1.0
     */
    @Parameter(property = "apigw-mcp.skip", defaultValue = "false")
    boolean skip;

    /**
     * Re-fetches every fetched target's snapshot from API Gateway, even when the snapshot file exists
     * ({@code -Dapigw-mcp.refresh}); without it a build that finds the snapshot needs no AWS access.
     *
     * @since 0.1.0
     */
    @Parameter(property = "apigw-mcp.refresh", defaultValue = "false")
    boolean refresh;

    /**
     * Root of the generated Java sources; added as a compile source root.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.directory}/generated-sources/apigw-mcp", required = true)
    File javaOutputDirectory;

    /**
     * Root of the generated resources (schemas, tools.json, bindings, catalog); added as a resource root.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.directory}/generated-resources/apigw-mcp", required = true)
    File resourceOutputDirectory;

    /**
     * Where the plugin keeps its state: the input fingerprint (incremental builds) and the catalog diff.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.directory}/apigw-mcp", required = true)
    File stateDirectory;

    /**
     * Where fetched exports are stored when a target names no {@code <exportFile>}: {@code <target>.export.json}
     * (pretty and stable, to commit and review).
     *
     * @since 0.1.0
     */
    @Parameter(
            property = "apigw-mcp.snapshotDirectory",
            defaultValue = "${project.basedir}/src/main/apigw-mcp",
            required = true)
    File snapshotDirectory;

    final TargetConfigMapper mapper() {
        return new TargetConfigMapper(project.getBasedir().toPath(), snapshotDirectory.toPath());
    }

    final BuildLog buildLog() {
        return new BuildLog() {
            @Override
            public void info(String line) {
                getLog().info(line);
            }

            @Override
            public void warn(String line) {
                getLog().warn(line);
            }

            @Override
            public void debug(String line) {
                getLog().debug(line);
            }
        };
    }

    /**
     * Maps the targets, runs the incremental generation, registers the output roots and logs the summary.
     *
     * @param announceUpToDate log the "up to date" line at info level (the {@code generate} goal does; goals
     *                         that only need the output keep it at debug level)
     */
    final GenerationOrchestrator.Outcome generate(boolean announceUpToDate) throws MojoFailureException {
        // The up-to-date line reports the plugin's own time from here to just before it is logged, so the cost of a
        // no-change build can be checked. That path runs on every build: plain loops, no lambdas or streams, since
        // each first use costs milliseconds in the plugin's fresh class loader (BENCHMARKS.md).
        long start = System.nanoTime();
        TargetConfigMapper mapper = mapper();
        TargetConfigMapper.Mapping mapping = mapper.map(targets);
        if (!mapping.errors().isEmpty()) {
            throw new MojoFailureException(failure("apigw-mcp: invalid configuration:", mapping.errors()));
        }
        GenerationRequest request = new GenerationRequest(
                mapping.targets(),
                javaOutputDirectory.toPath(),
                resourceOutputDirectory.toPath(),
                stateDirectory.toPath(),
                GeneratorIdentity.of(plugin.getVersion()),
                refresh,
                session.isOffline(),
                mapper.displayNames());
        GenerationOrchestrator orchestrator =
                GenerationOrchestrator.usingGeneratorCore(SnapshotRefresher.usingAws(), buildLog());
        GenerationOrchestrator.Outcome outcome;
        try {
            outcome = orchestrator.run(request);
        } catch (GenerationException e) {
            throw new MojoFailureException(e.getMessage());
        }
        registerRoots();
        List<String> summary =
                GenerationOrchestrator.summary(outcome, mapping.targets().size());
        if (outcome.upToDate()) {
            String line = summary.get(0) + " (checked in " + (System.nanoTime() - start) / 1_000_000 + " ms)";
            if (announceUpToDate) {
                getLog().info(line);
            } else {
                getLog().debug(line);
            }
            return outcome;
        }
        for (String line : summary) {
            getLog().info(line);
        }
        outcome.result().notes().forEach(n -> getLog().info("apigw-mcp: " + n));
        outcome.result().warnings().forEach(w -> getLog().warn("apigw-mcp: " + w));
        outcome.result()
                .tools()
                .forEach(t -> getLog().debug("apigw-mcp: tool " + t.name() + " = " + t.method() + " " + t.path()
                        + " (target " + t.target() + ")"));
        return outcome;
    }

    private void registerRoots() {
        String java = javaOutputDirectory.getAbsolutePath();
        if (!project.getCompileSourceRoots().contains(java)) {
            project.addCompileSourceRoot(java);
        }
        String resources = resourceOutputDirectory.getAbsolutePath();
        for (Resource registered : project.getResources()) {
            if (resources.equals(new File(registered.getDirectory()).getAbsolutePath())) {
                return;
            }
        }
        Resource resource = new Resource();
        resource.setDirectory(resources);
        project.addResource(resource);
    }

    /** The folder of the generated catalog below the resource root (see docs/contract.md). */
    final Path generatedCatalogDirectory() {
        return resourceOutputDirectory.toPath().resolve("apigw-mcp").resolve("catalog");
    }

    static String failure(String headline, List<String> lines) {
        StringBuilder out = new StringBuilder(headline);
        for (String line : lines) {
            out.append(System.lineSeparator()).append("  ").append(line);
        }
        return out.toString();
    }
}
