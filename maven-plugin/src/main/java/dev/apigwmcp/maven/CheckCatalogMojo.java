package dev.apigwmcp.maven;

import dev.apigwmcp.generator.catalog.CatalogDiff;
import dev.apigwmcp.generator.catalog.CatalogDiffRenderer;
import dev.apigwmcp.generator.catalog.CatalogDiffer;
import dev.apigwmcp.generator.catalog.CatalogFormatException;
import dev.apigwmcp.generator.catalog.ToolCatalog;
import dev.apigwmcp.maven.catalog.CatalogComparator;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Compares the generated tool catalog with the reviewed one committed in the project and fails the build on a
 * difference (see {@code failOn}), printing the semantic diff and the command that accepts it. The diff is also
 * written as Markdown to {@code target/apigw-mcp/catalog-diff.md} for CI to post on the pull request.
 */
@Mojo(name = "check-catalog", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckCatalogMojo extends AbstractApigwMcpMojo {

    static final String DIFF_FILE = "catalog-diff.md";

    /** The reviewed catalog ({@code tools.json} + {@code TOOLS.md}) in the project. */
    @Parameter(property = "apigw-mcp.catalogDirectory", defaultValue = "${project.basedir}/src/main/apigw-mcp/catalog",
            required = true)
    File catalogDirectory;

    /**
     * When a difference fails the build: {@code any} (every difference, the default), {@code breaking} (only
     * breaking changes) or {@code none} (never; the diff is still logged and written).
     */
    @Parameter(property = "apigw-mcp.failOn", defaultValue = "any", required = true)
    String failOn;

    private enum FailOn { ANY, BREAKING, NONE }

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("apigw-mcp: skipped (apigw-mcp.skip)");
            return;
        }
        FailOn policy = policy();
        generate(false);
        Path generated = generatedCatalogDirectory();
        Path reviewed = catalogDirectory.toPath();
        Path diffFile = stateDirectory.toPath().resolve(DIFF_FILE);
        String accept = acceptCommand();
        CatalogComparator.Comparison comparison;
        try {
            comparison = new CatalogComparator().compare(generated, reviewed, mapper()::displayName);
            if (comparison.status() == CatalogComparator.Status.IDENTICAL) {
                Files.deleteIfExists(diffFile);
                getLog().info("apigw-mcp: the tool catalog matches the reviewed catalog in " + shown(reviewed));
                return;
            }
            CatalogDiff diff = comparison.status() == CatalogComparator.Status.MISSING
                    ? againstEmpty(generated) : comparison.diff();
            writeDiff(diffFile, diff, comparison, reviewed, generated, accept);
        } catch (IOException | CatalogFormatException e) {
            throw new MojoFailureException("apigw-mcp: cannot compare the tool catalogs: " + e.getMessage());
        }
        List<String> lines = new ArrayList<>();
        String headline;
        boolean fail;
        if (comparison.status() == CatalogComparator.Status.MISSING) {
            headline = "apigw-mcp: there is no reviewed tool catalog at " + shown(reviewed.resolve("tools.json"))
                    + "; create it with: " + accept;
            fail = policy != FailOn.NONE;
        } else {
            CatalogDiff diff = comparison.diff();
            headline = "apigw-mcp: the generated tool catalog differs from the reviewed one in " + shown(reviewed)
                    + " (" + diff.breakingCount() + " breaking, " + diff.compatibleCount() + " compatible):";
            lines.addAll(new CatalogDiffRenderer().logLines(diff));
            if (diff.isEmpty()) {
                lines.add("no semantic change; " + String.join(" and ", comparison.differingFiles())
                        + " differ in text only");
            }
            lines.add("diff written to " + shown(diffFile));
            lines.add("to accept the new catalog run: " + accept);
            fail = policy == FailOn.ANY || policy == FailOn.BREAKING && diff.hasBreaking();
        }
        if (fail) {
            throw new MojoFailureException(failure(headline, lines));
        }
        getLog().warn(headline);
        lines.forEach(line -> getLog().warn("  " + line));
    }

    private FailOn policy() throws MojoFailureException {
        try {
            return FailOn.valueOf(failOn.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("apigw-mcp: <failOn> (apigw-mcp.failOn) must be breaking, any or none, was "
                    + failOn);
        }
    }

    private static CatalogDiff againstEmpty(Path generated) throws IOException, CatalogFormatException {
        ToolCatalog now = ToolCatalog.parse(Files.readAllBytes(generated.resolve("tools.json")), "tools.json");
        return new CatalogDiffer().diff(new ToolCatalog("none", Map.of()), now);
    }

    private void writeDiff(Path diffFile, CatalogDiff diff, CatalogComparator.Comparison comparison, Path reviewed,
                           Path generated, String accept) throws IOException {
        StringBuilder markdown = new StringBuilder(new CatalogDiffRenderer().markdown(diff,
                shown(reviewed.resolve("tools.json")), shown(generated.resolve("tools.json"))));
        if (comparison.status() == CatalogComparator.Status.MISSING) {
            markdown.append("\nThere is no reviewed catalog yet.\n");
        } else if (diff.isEmpty()) {
            markdown.append("\n").append(String.join(" and ", comparison.differingFiles()))
                    .append(" differ in text only.\n");
        }
        markdown.append("\nTo accept: `").append(accept).append("`\n");
        Files.createDirectories(diffFile.getParent());
        Files.writeString(diffFile, markdown.toString(), StandardCharsets.UTF_8);
    }

    /** The command that accepts the change, with {@code -pl} when this module is not the build's root. */
    private String acceptCommand() {
        String command = "mvn apigw-mcp:update-catalog";
        if (session.getExecutionRootDirectory() == null) {
            return command;
        }
        Path root = Path.of(session.getExecutionRootDirectory()).toAbsolutePath().normalize();
        Path module = project.getBasedir().toPath().toAbsolutePath().normalize();
        if (!root.equals(module) && module.startsWith(root)) {
            command += " -pl " + root.relativize(module).toString().replace('\\', '/');
        }
        return command;
    }

    private String shown(Path path) {
        return mapper().displayName(path);
    }
}
