package dev.apigwmcp.maven;

import dev.apigwmcp.generator.catalog.CatalogFormatException;
import dev.apigwmcp.maven.catalog.CatalogCheck;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /**
     * The reviewed catalog ({@code tools.json} + {@code TOOLS.md}) in the project.
     *
     * @since 0.1.0
     */
    @Parameter(
            property = "apigw-mcp.catalogDirectory",
            defaultValue = "${project.basedir}/src/main/apigw-mcp/catalog",
            required = true)
    File catalogDirectory;

    /**
     * When a difference fails the build: {@code any} (every difference, the default), {@code breaking} (only
     * breaking changes) or {@code none} (never; the diff is still logged and written).
     *
     * @since 0.1.0
     */
    @Parameter(property = "apigw-mcp.failOn", defaultValue = "any", required = true)
    String failOn;

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("apigw-mcp: skipped (apigw-mcp.skip)");
            return;
        }
        CatalogCheck.FailOn policy = CatalogCheck.FailOn.parse(failOn)
                .orElseThrow(() -> new MojoFailureException(
                        "apigw-mcp: <failOn> (apigw-mcp.failOn) must be breaking, any or none, was " + failOn));
        generate(false);
        Path diffFile = stateDirectory.toPath().resolve(DIFF_FILE);
        CatalogCheck.Verdict verdict;
        try {
            verdict = new CatalogCheck(mapper()::displayName)
                    .check(generatedCatalogDirectory(), catalogDirectory.toPath(), diffFile, policy, acceptCommand());
            if (verdict.identical()) {
                Files.deleteIfExists(diffFile);
            } else {
                Files.createDirectories(diffFile.getParent());
                Files.writeString(diffFile, verdict.markdown(), StandardCharsets.UTF_8);
            }
        } catch (IOException | CatalogFormatException e) {
            throw new MojoFailureException("apigw-mcp: cannot compare the tool catalogs: " + e.getMessage());
        }
        if (verdict.fail()) {
            throw new MojoFailureException(failure(verdict.headline(), verdict.lines()));
        }
        if (verdict.identical()) {
            getLog().info(verdict.headline());
            return;
        }
        getLog().warn(verdict.headline());
        verdict.lines().forEach(line -> getLog().warn("  " + line));
    }

    /** The command that accepts the change, with {@code -pl} when this module is not the build's root. */
    private String acceptCommand() {
        String command = "mvn apigw-mcp:update-catalog";
        if (session.getExecutionRootDirectory() == null) {
            return command;
        }
        Path root =
                Path.of(session.getExecutionRootDirectory()).toAbsolutePath().normalize();
        Path module = project.getBasedir().toPath().toAbsolutePath().normalize();
        if (!root.equals(module) && module.startsWith(root)) {
            command += " -pl " + root.relativize(module).toString().replace('\\', '/');
        }
        return command;
    }
}
