package dev.apigwmcp.maven.config;

import dev.apigwmcp.generator.TargetConfig;
import dev.apigwmcp.maven.fetch.ExportSource;
import java.util.Objects;

/**
 * A validated target: the generator configuration and, when the export comes from API Gateway, where to fetch it.
 * {@code config.exportFile()} is the file to read (the snapshot file for fetched targets).
 *
 * @param config the generator-core target configuration
 * @param source the API Gateway stage to fetch the snapshot from, or {@code null} for a plain export file
 */
public record PlannedTarget(TargetConfig config, ExportSource source) {
    public PlannedTarget {
        Objects.requireNonNull(config, "config");
    }

    public boolean fetched() {
        return source != null;
    }
}
