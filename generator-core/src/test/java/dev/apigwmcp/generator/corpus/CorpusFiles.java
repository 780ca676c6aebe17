package dev.apigwmcp.generator.corpus;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The corpus specs as files, fetched into the cache when missing, for tests outside this package. */
public final class CorpusFiles {

    private CorpusFiles() {}

    /** Every spec of both corpora, in corpus order (fetched on the first use on a machine). */
    public static List<Path> all() throws IOException {
        Path cacheDir = Path.of(System.getProperty("corpus.cache", "target/corpus-cache"));
        CorpusCache cache =
                new CorpusCache(cacheDir, new NpmFetcher(cacheDir.resolve("tarballs"), Duration.ofMinutes(5)));
        List<Path> files = new ArrayList<>();
        for (Corpus corpus : List.of(cache.oasExamples(), cache.openApiDirectorySample())) {
            corpus.specs().forEach(spec -> files.add(spec.file()));
        }
        return files;
    }
}
