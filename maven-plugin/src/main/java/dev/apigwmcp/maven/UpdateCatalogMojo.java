package dev.apigwmcp.maven;

import dev.apigwmcp.maven.catalog.CatalogComparator;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Accepts the generated tool catalog: copies {@code tools.json} and {@code TOOLS.md} into the project's reviewed
 * catalog folder (generating first when the output is missing or stale). Commit the result with the change.
 */
@Mojo(name = "update-catalog", threadSafe = true)
public class UpdateCatalogMojo extends AbstractApigwMcpMojo {

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

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("apigw-mcp: skipped (apigw-mcp.skip)");
            return;
        }
        generate(false);
        try {
            List<Path> written = new CatalogComparator().update(generatedCatalogDirectory(), catalogDirectory.toPath());
            getLog().info("apigw-mcp: updated the reviewed tool catalog: "
                    + written.stream().map(mapper()::displayName).collect(Collectors.joining(", ")));
        } catch (IOException e) {
            throw new MojoFailureException("apigw-mcp: cannot update the reviewed catalog in "
                    + mapper().displayName(catalogDirectory.toPath()) + ": " + e.getMessage());
        }
    }
}
