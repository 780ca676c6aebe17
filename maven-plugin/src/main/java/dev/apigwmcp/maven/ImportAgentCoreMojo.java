package dev.apigwmcp.maven;

import dev.apigwmcp.generator.Problem;
import dev.apigwmcp.generator.agentcore.AgentCoreImport;
import dev.apigwmcp.generator.agentcore.AgentCoreImportException;
import dev.apigwmcp.generator.agentcore.AgentCoreImporter;
import dev.apigwmcp.generator.agentcore.GatewaySetting;
import dev.apigwmcp.maven.agentcore.PomTargetInserter;
import dev.apigwmcp.maven.agentcore.TargetXml;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Imports a target of an AgentCore Gateway: reads it as {@code aws bedrock-agentcore-control get-gateway-target}
 * prints it and prints the equivalent {@code <target>} (same REST API stage, filters and overrides, tool names
 * {@code <target>___<tool>} as in AgentCore), the gateway settings its outbound credentials need, and a note for
 * every setting without an equivalent. With {@code -Dapigw-mcp.agentcore.write} it also adds the target to this
 * POM's plugin configuration, changing nothing else in the file. Needs no AWS access.
 */
@Mojo(name = "import-agentcore", requiresProject = false, threadSafe = true)
public class ImportAgentCoreMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true)
    MavenProject project;

    /**
     * The AgentCore target to import: the JSON that {@code aws bedrock-agentcore-control get-gateway-target
     * --gateway-identifier <gateway id> --target-id <target id>} prints, saved to a file, for example
     * {@code -Dapigw-mcp.agentcore.file=orders-target.json}. The input of {@code create-gateway-target} has the same
     * members and is read too.
     *
     * @since 0.1.0
     */
    @Parameter(property = "apigw-mcp.agentcore.file", required = true)
    File agentCoreFile;

    /**
     * {@code true}: also add the imported {@code <target>} to the plugin's {@code <targets>} in this project's
     * POM (creating {@code <configuration>} and {@code <targets>} when missing), as text, so formatting and
     * comments stay as they are; a target of the same name already there is refused. Default {@code false}: print
     * only.
     *
     * @since 0.1.0
     */
    @Parameter(property = "apigw-mcp.agentcore.write", defaultValue = "false")
    boolean write;

    /**
     * Where the printed target, settings and notes are also written as files ({@code <name>.target.xml},
     * {@code <name>.gateway.properties}, {@code <name>.notes.txt}), for copying without log prefixes. Only in a
     * project.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.directory}/apigw-mcp/import-agentcore", required = true)
    File importDirectory;

    @Override
    public void execute() throws MojoFailureException {
        Path base = project != null && project.getBasedir() != null
                ? project.getBasedir().toPath()
                : Path.of("").toAbsolutePath();
        Path file = agentCoreFile.toPath().toAbsolutePath().normalize();
        String shown = display(base, file);
        AgentCoreImport imported;
        try {
            imported = new AgentCoreImporter().read(file, shown);
        } catch (AgentCoreImportException e) {
            throw new MojoFailureException(AbstractApigwMcpMojo.failure(
                    "apigw-mcp: cannot import the AgentCore" + " target " + shown + ":",
                    e.problems().stream().map(Problem::toString).toList()));
        }
        String name = imported.target().name();
        // The POM gets a name relative to the project, never an absolute path from this machine.
        String origin = file.startsWith(base) ? shown : file.getFileName().toString();
        List<String> xml = TargetXml.lines(imported.target(), origin, "  ");
        getLog().info("apigw-mcp: AgentCore target " + name + " (" + shown + ") as a <target> of the plugin's"
                + " <targets>:");
        xml.forEach(line -> getLog().info("  " + line));
        if (!imported.settings().isEmpty()) {
            getLog().info("apigw-mcp: the gateway's settings for it (a --config properties file; each is also an"
                    + " option, --key value):");
            for (GatewaySetting setting : imported.settings()) {
                getLog().info("  # " + setting.comment());
                getLog().info("  " + setting.key() + "=" + setting.value());
            }
        }
        getLog().info("apigw-mcp: " + imported.notes().size() + " note(s) on what differs or needs your action:");
        imported.notes().forEach(note -> getLog().warn("apigw-mcp: " + note));
        saveCopies(imported, xml);
        if (write) {
            writeInto(name, xml);
        } else {
            getLog().info("apigw-mcp: nothing was written; to add the target to the POM: mvn apigw-mcp:import-agentcore"
                    + " -Dapigw-mcp.agentcore.file=" + shown + " -Dapigw-mcp.agentcore.write=true");
        }
    }

    /** The printed parts as files beside the build's output, when there is a project to hold them. */
    private void saveCopies(AgentCoreImport imported, List<String> xml) throws MojoFailureException {
        if (project == null || project.getFile() == null) {
            return;
        }
        String name = imported.target().name();
        StringBuilder properties = new StringBuilder("# Gateway settings for target " + name
                + " (java -jar <gateway>.jar --config <this file>); secrets stay in the variables named here.\n");
        for (GatewaySetting setting : imported.settings()) {
            properties
                    .append("# ")
                    .append(setting.comment())
                    .append('\n')
                    .append(setting.key())
                    .append('=')
                    .append(setting.value().replace("\\", "\\\\"))
                    .append('\n');
        }
        StringBuilder notes = new StringBuilder();
        imported.notes().forEach(note -> notes.append(note).append('\n'));
        Path folder = importDirectory.toPath();
        try {
            Files.createDirectories(folder);
            Files.writeString(
                    folder.resolve(name + ".target.xml"), String.join("\n", xml) + "\n", StandardCharsets.UTF_8);
            Files.writeString(folder.resolve(name + ".gateway.properties"), properties, StandardCharsets.UTF_8);
            Files.writeString(folder.resolve(name + ".notes.txt"), notes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoFailureException("apigw-mcp: cannot write " + folder + ": " + e.getMessage());
        }
        Path base = project.getBasedir().toPath();
        getLog().info("apigw-mcp: also written to "
                + display(base, folder.toAbsolutePath().normalize()) + "/: " + name + ".target.xml, " + name
                + ".gateway.properties, " + name + ".notes.txt");
    }

    private void writeInto(String name, List<String> xml) throws MojoFailureException {
        File pomFile = project == null ? null : project.getFile();
        if (pomFile == null || !pomFile.isFile()) {
            throw new MojoFailureException("apigw-mcp: -Dapigw-mcp.agentcore.write needs a project: run the goal in"
                    + " the directory of the gateway project's pom.xml");
        }
        Path pom = pomFile.toPath();
        String pomName = pom.getFileName().toString();
        try {
            String before = utf8(Files.readAllBytes(pom), pomName);
            String after = PomTargetInserter.insert(before, name, xml, pomName);
            Files.writeString(pom, after, StandardCharsets.UTF_8);
        } catch (PomTargetInserter.PomEditException e) {
            throw new MojoFailureException("apigw-mcp: " + e.getMessage());
        } catch (IOException e) {
            throw new MojoFailureException("apigw-mcp: cannot update " + pomName + ": " + e.getMessage());
        }
        getLog().info("apigw-mcp: added target " + name + " to " + pomName + ". Next: mvn apigw-mcp:refresh (fetches"
                + " the stage's export with your AWS credentials into src/main/apigw-mcp/" + name + ".export.json),"
                + " then mvn apigw-mcp:update-catalog to review the tools");
    }

    private static String utf8(byte[] bytes, String pomName) throws PomTargetInserter.PomEditException {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new PomTargetInserter.PomEditException(
                    pomName + " is not UTF-8; nothing was written: add the" + " printed target by hand");
        }
    }

    /** The file relative to the project, {@code /}-separated, or as given when it lies elsewhere. */
    private static String display(Path base, Path file) {
        Path shown = file.startsWith(base) ? base.relativize(file) : file;
        List<String> parts = new ArrayList<>();
        shown.forEach(part -> parts.add(part.toString()));
        return file.startsWith(base) ? String.join("/", parts) : file.toString();
    }
}
