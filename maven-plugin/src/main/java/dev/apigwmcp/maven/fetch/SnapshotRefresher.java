package dev.apigwmcp.maven.fetch;

import dev.apigwmcp.maven.config.PlannedTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Brings the snapshot files of fetched targets into place: a snapshot is fetched when it is missing or a refresh
 * was asked for, and otherwise left alone, so ordinary builds never talk to AWS.
 */
public final class SnapshotRefresher {

    private final Supplier<ExportFetcher> fetchers;

    /** @param fetchers creates the fetcher on first use only, so AWS classes load only when needed */
    public SnapshotRefresher(Supplier<ExportFetcher> fetchers) {
        this.fetchers = fetchers;
    }

    /** A refresher that fetches with the AWS SDK ({@link AwsExportFetcher}). */
    public static SnapshotRefresher usingAws() {
        return new SnapshotRefresher(new AwsFetcherOnFirstUse());
    }

    /**
     * Fetches what is needed and returns one error line per target that failed (empty when all went well).
     *
     * @param refresh     re-fetch even existing snapshots
     * @param offline     Maven is offline: report instead of fetching
     * @param displayName names files relative to the project
     * @param info        receives one line per snapshot written
     */
    public List<String> refresh(
            List<PlannedTarget> targets,
            boolean refresh,
            boolean offline,
            Function<Path, String> displayName,
            Consumer<String> info) {
        List<String> errors = new ArrayList<>();
        ExportFetcher fetcher = null;
        for (PlannedTarget target : targets) {
            if (!target.fetched()) {
                continue;
            }
            Path snapshot = target.config().exportFile();
            if (!refresh && Files.isRegularFile(snapshot)) {
                continue;
            }
            String where =
                    "target " + target.config().name() + " (" + target.source().describe() + ")";
            if (offline) {
                errors.add(where + ": "
                        + (refresh
                                ? "cannot refresh"
                                : "snapshot " + displayName.apply(snapshot) + " is missing and cannot be fetched")
                        + " while Maven is offline (-o); run once online");
                continue;
            }
            if (fetcher == null) {
                fetcher = fetchers.get();
            }
            try {
                // Created per fetch, not per build: loading Jackson's classes is slow (BENCHMARKS.md, "Maven
                // plugin"), and most builds only check that the snapshot exists.
                byte[] formatted = new SnapshotFormatter()
                        .format(fetcher.fetch(target.source()), target.source().describe());
                Files.createDirectories(snapshot.toAbsolutePath().getParent());
                Files.write(snapshot, formatted);
                info.accept("target " + target.config().name() + ": fetched the export of "
                        + target.source().describe() + " into " + displayName.apply(snapshot));
            } catch (FetchException e) {
                errors.add("target " + target.config().name() + ": " + e.getMessage());
            } catch (IOException e) {
                errors.add(where + ": cannot write snapshot " + displayName.apply(snapshot) + ": " + e.getMessage());
            }
        }
        return errors;
    }

    /**
     * {@code AwsExportFetcher::create} as a class: creating the method reference would load {@link AwsExportFetcher}
     * and, to verify it, classes from five AWS SDK jars on every build, also when nothing is fetched.
     */
    private static final class AwsFetcherOnFirstUse implements Supplier<ExportFetcher> {
        @Override
        public ExportFetcher get() {
            return AwsExportFetcher.create();
        }
    }
}
