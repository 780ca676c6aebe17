package dev.apigwmcp.maven;

import dev.apigwmcp.maven.config.TargetConfigMapper;
import dev.apigwmcp.maven.fetch.SnapshotRefresher;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Re-fetches the export snapshot of every target that names a {@code <restApiId>} and {@code <stage>} from API
 * Gateway ({@code GetExport}, OpenAPI 3 with the {@code apigateway} extensions). The next build regenerates from
 * the new snapshots; review and commit them like code.
 */
@Mojo(name = "refresh", threadSafe = true)
public class RefreshMojo extends AbstractApigwMcpMojo {

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("apigw-mcp: skipped (apigw-mcp.skip)");
            return;
        }
        TargetConfigMapper mapper = mapper();
        TargetConfigMapper.Mapping mapping = mapper.map(targets);
        if (!mapping.errors().isEmpty()) {
            throw new MojoFailureException(failure("apigw-mcp: invalid configuration:", mapping.errors()));
        }
        if (mapping.targets().stream().noneMatch(t -> t.fetched())) {
            getLog().info("apigw-mcp: no target names a <restApiId> and <stage>; nothing to refresh");
            return;
        }
        List<String> errors = SnapshotRefresher.usingAws()
                .refresh(
                        mapping.targets(),
                        true,
                        session.isOffline(),
                        mapper::displayName,
                        line -> getLog().info("apigw-mcp: " + line));
        if (!errors.isEmpty()) {
            throw new MojoFailureException(failure("apigw-mcp: fetching exports from API Gateway failed:", errors));
        }
    }
}
