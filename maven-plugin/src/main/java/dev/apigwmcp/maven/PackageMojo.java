package dev.apigwmcp.maven;

import dev.apigwmcp.maven.packaging.ClassArchive;
import dev.apigwmcp.maven.packaging.GatewayJarWriter;
import dev.apigwmcp.maven.packaging.JarInput;
import dev.apigwmcp.maven.packaging.OutputTimestamp;
import dev.apigwmcp.maven.packaging.PackagingException;
import dev.apigwmcp.maven.packaging.StartScripts;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Writes the executable gateway jar: the project's classes and resources (the generated tools), the runtime and
 * every other compile and runtime dependency in one jar that {@code java -jar} starts. Service files
 * ({@code META-INF/services}) are merged, so every target's {@code ToolRegistry} and the runtime's services are
 * found; licence and notice texts in {@code META-INF/} are kept, each distinct text once; signature files,
 * the inputs' manifests and {@code module-info.class} files are left out. Any other entry that two inputs hold
 * with different content comes from the first (the project, then the dependencies in Maven's order), with a
 * warning. Every entry has the time of {@code project.build.outputTimestamp}, so the jar is reproducible.
 *
 * <p>Beside the jar it writes start scripts ({@code NAME}, {@code NAME.cmd}) and, unless told not to, the jar's
 * class archive {@code NAME.jsa} (AppCDS), which the scripts use: a gateway that an MCP client starts for each
 * session answers sooner.
 */
@Mojo(
        name = "package",
        defaultPhase = LifecyclePhase.PACKAGE,
        requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class PackageMojo extends AbstractMojo {

    static final String TOOL_REGISTRY = "dev.apigwmcp.runtime.spi.ToolRegistry";
    private static final int CONFLICTS_SHOWN = 20;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /**
     * The jar to write. The default has no version in its name, so that the command an MCP client is configured
     * with stays the same from one release of the project to the next.
     *
     * @since 0.1.0
     */
    @Parameter(
            property = "apigw-mcp.gatewayJar",
            defaultValue = "${project.build.directory}/${project.artifactId}.jar",
            required = true)
    File gatewayJar;

    /**
     * The {@code Main-Class}: the runtime's launcher, or a launcher of the project's own that adds options (such
     * as a demo mode) and calls it.
     *
     * @since 0.1.0
     */
    @Parameter(property = "apigw-mcp.mainClass", defaultValue = "dev.apigwmcp.runtime.Gateway", required = true)
    String mainClass;

    /**
     * The time of every entry (ISO-8601 or seconds since 1970); when not set, the time of the build.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    String outputTimestamp;

    /**
     * Makes the class archive {@code NAME.jsa} beside the jar (AppCDS, with the JDK that runs Maven), which the
     * start scripts {@code NAME} and {@code NAME.cmd} use: one training start of the jar answers
     * {@code initialize} and {@code tools/list}, and the JVM keeps the classes it loaded. {@code java -jar} alone
     * does not use it. A JDK other than the one that made it ignores the archive.
     *
     * @since 0.1.0
     */
    @Parameter(property = "apigw-mcp.classArchive", defaultValue = "true")
    boolean classArchive;

    /**
     * The gateway's arguments for the class archive's training start, for a gateway that needs a setting to start
     * (the training gets placeholder AWS credentials, but no API key): for example
     * {@code <classArchiveArguments><argument>--target.orders.api-key-env</argument><argument>HOME</argument>
     * </classArchiveArguments>} (any set variable will do: nothing is called), or a demo launcher's {@code --demo}.
     *
     * @since 0.1.0
     */
    @Parameter
    List<String> classArchiveArguments;

    /**
     * Skips the goal, as {@code apigw-mcp.skip} skips every goal of the plugin.
     *
     * @since 0.1.0
     */
    @Parameter(property = "apigw-mcp.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("apigw-mcp: skipped (apigw-mcp.skip)");
            return;
        }
        GatewayJarWriter.Result result;
        Path output = gatewayJar.toPath();
        try {
            Instant time = OutputTimestamp.parse(outputTimestamp).orElseGet(Instant::now);
            result = new GatewayJarWriter()
                    .write(new GatewayJarWriter.Request(output, mainClass.strip(), inputs(), time));
        } catch (PackagingException e) {
            throw new MojoFailureException(
                    "apigw-mcp: cannot write the gateway jar " + shown(output) + ": " + e.getMessage());
        } catch (IOException e) {
            throw new MojoFailureException("apigw-mcp: cannot write the gateway jar " + shown(output) + ": " + e);
        }
        getLog().info("apigw-mcp: gateway jar " + shown(output) + " (" + result.entries() + " entries, main class "
                + mainClass.strip() + ")");
        if (!result.services().contains(TOOL_REGISTRY)) {
            getLog().warn("apigw-mcp: the gateway jar has no generated tools (no META-INF/services/" + TOOL_REGISTRY
                    + "): run the generate goal in this project, with at least one target");
        }
        startScripts(output);
        List<GatewayJarWriter.Conflict> conflicts = result.conflicts();
        for (int i = 0; i < conflicts.size() && i < CONFLICTS_SHOWN; i++) {
            GatewayJarWriter.Conflict conflict = conflicts.get(i);
            getLog().warn("apigw-mcp: " + conflict.name() + " differs in " + conflict.kept() + " and "
                    + conflict.ignored() + "; the jar has the copy from " + conflict.kept());
        }
        if (conflicts.size() > CONFLICTS_SHOWN) {
            getLog().warn("apigw-mcp: and " + (conflicts.size() - CONFLICTS_SHOWN) + " more entries that differ"
                    + " between dependencies (two versions of one library?)");
        }
    }

    /** The start scripts, then the class archive they use (its training start runs the jar just written). */
    private void startScripts(Path jar) throws MojoFailureException {
        Path script;
        try {
            script = StartScripts.write(jar);
        } catch (IOException e) {
            throw new MojoFailureException("apigw-mcp: cannot write the start scripts beside " + shown(jar) + ": " + e);
        }
        if (!classArchive) {
            getLog().info("apigw-mcp: start scripts " + shown(script) + " and " + shown(script) + ".cmd (no class"
                    + " archive: apigw-mcp.classArchive is false)");
            return;
        }
        String name = script.getFileName().toString();
        Path archive = jar.resolveSibling(name + ".jsa");
        ClassArchive.Result made;
        try {
            made = new ClassArchive()
                    .make(new ClassArchive.Request(
                            Path.of(System.getProperty("java.home"), "bin", "java"),
                            jar,
                            archive,
                            classArchiveArguments == null ? List.of() : classArchiveArguments,
                            Duration.ofMinutes(2)));
        } catch (IOException e) {
            getLog().warn("apigw-mcp: no class archive (the training start of the jar failed: " + e + "); the start"
                    + " scripts run the gateway without one");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoFailureException("apigw-mcp: interrupted while making the class archive");
        }
        String scripts = "start scripts " + shown(script) + " and " + shown(script) + ".cmd";
        if (!made.archived()) {
            getLog().warn("apigw-mcp: no class archive: the training start of the jar "
                    + (made.exitCode() < 0
                            ? "did not end within 2 minutes"
                            : "ended with status " + made.exitCode()
                                    + (made.lastError() == null ? "" : " (" + made.lastError() + ")"))
                    + "; the " + scripts + " run the gateway without one");
        } else if (made.exitCode() != 0) {
            getLog().info("apigw-mcp: " + scripts + " with the class archive " + shown(archive) + ", from a training"
                    + " start that stopped at start-up (status " + made.exitCode()
                    + (made.lastError() == null ? "" : ": " + made.lastError()) + "): it holds the classes loaded until"
                    + " then; <classArchiveArguments> can give the start what it needs");
        } else {
            getLog().info("apigw-mcp: " + scripts + " with the class archive " + shown(archive) + " (AppCDS, "
                    + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ")");
        }
    }

    /** The project's own output first, then the compile and runtime dependencies in Maven's order. */
    private List<JarInput> inputs() {
        List<JarInput> inputs = new ArrayList<>();
        Path classes = Path.of(project.getBuild().getOutputDirectory());
        if (Files.isDirectory(classes)) {
            inputs.add(new JarInput("the project's classes", classes));
        }
        for (Artifact artifact : project.getArtifacts()) {
            String scope = artifact.getScope();
            boolean onRuntimeClasspath = Artifact.SCOPE_COMPILE.equals(scope) || Artifact.SCOPE_RUNTIME.equals(scope);
            if (onRuntimeClasspath
                    && artifact.getArtifactHandler().isAddedToClasspath()
                    && artifact.getFile() != null) {
                inputs.add(new JarInput(
                        artifact.getGroupId() + ":" + artifact.getArtifactId() + ":" + artifact.getBaseVersion(),
                        artifact.getFile().toPath()));
            }
        }
        return inputs;
    }

    private String shown(Path path) {
        Path base = project.getBasedir().toPath().toAbsolutePath();
        Path absolute = path.toAbsolutePath();
        return absolute.startsWith(base)
                ? base.relativize(absolute).toString().replace('\\', '/')
                : absolute.toString();
    }
}
