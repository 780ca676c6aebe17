package dev.apigwmcp.maven.packaging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Writes the executable gateway jar from its inputs, in their order: the manifest first (the main class, and
 * {@code Multi-Release} when an input is one), then every input's entries ({@link EntryKind} says what happens to
 * each), then the merged service files and legal texts. Every entry gets the same time, so the same inputs give
 * the same bytes. The jar is written next to its final place and moved there only when complete.
 */
public final class GatewayJarWriter {

    /**
     * What to write.
     *
     * @param output    the jar to write (replaced)
     * @param mainClass the {@code Main-Class}; must be in one of the inputs
     * @param inputs    folders and jars, the project's own first: on a conflict the earlier input wins
     * @param timestamp the time of every entry
     */
    public record Request(Path output, String mainClass, List<JarInput> inputs, Instant timestamp) {

        public Request {
            Objects.requireNonNull(output, "output == null");
            Objects.requireNonNull(mainClass, "mainClass == null");
            Objects.requireNonNull(timestamp, "timestamp == null");
            inputs = List.copyOf(inputs);
        }
    }

    /** An entry two inputs hold with different content: the copy from {@code kept} is in the jar. */
    public record Conflict(String name, String kept, String ignored) {}

    /**
     * What was written.
     *
     * @param entries      how many entries the jar has
     * @param services     the service interfaces with a merged {@code META-INF/services} file, sorted
     * @param conflicts    the ordinary entries that differed between inputs, in the order met
     * @param multiRelease whether the manifest says {@code Multi-Release: true}
     */
    public record Result(int entries, Set<String> services, List<Conflict> conflicts, boolean multiRelease) {

        public Result {
            services = Set.copyOf(new TreeSet<>(services));
            conflicts = List.copyOf(conflicts);
        }
    }

    /** Writes the jar; an unreadable input or a main class no input holds fails without touching the output. */
    public Result write(Request request) throws IOException, PackagingException {
        Path output = request.output().toAbsolutePath();
        Files.createDirectories(output.getParent());
        Path partial = output.resolveSibling(output.getFileName() + ".partial");
        boolean multiRelease = anyMultiRelease(request.inputs());
        Result result;
        try (OutputStream file = Files.newOutputStream(partial);
                JarOutputStream jar = new JarOutputStream(file)) {
            Assembly assembly = new Assembly(jar, LocalDateTime.ofInstant(request.timestamp(), ZoneOffset.UTC));
            assembly.writeManifest(request.mainClass(), multiRelease);
            for (JarInput input : request.inputs()) {
                if (Files.isDirectory(input.path())) {
                    assembly.addFolder(input);
                } else {
                    assembly.addJar(input);
                }
            }
            assembly.writeMerged();
            String mainEntry = request.mainClass().replace('.', '/') + ".class";
            if (!assembly.holds(mainEntry)) {
                throw new PackagingException("the main class " + request.mainClass() + " is in none of the jar's "
                        + "inputs (" + mainEntry + " not found): is the class name right, and is the artifact that "
                        + "holds it a compile or runtime dependency?");
            }
            result = assembly.result(multiRelease);
        } catch (IOException | PackagingException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return result;
    }

    private static boolean anyMultiRelease(List<JarInput> inputs) throws PackagingException {
        for (JarInput input : inputs) {
            if (Files.isDirectory(input.path())) {
                continue;
            }
            try (JarFile jar = new JarFile(input.path().toFile(), false)) {
                Manifest manifest = jar.getManifest();
                if (manifest != null
                        && "true"
                                .equalsIgnoreCase(
                                        manifest.getMainAttributes().getValue(Attributes.Name.MULTI_RELEASE))) {
                    return true;
                }
            } catch (IOException e) {
                throw unreadable(input, e);
            }
        }
        return false;
    }

    private static PackagingException unreadable(JarInput input, IOException e) {
        String why = e instanceof ZipException ? "not a jar (" + e.getMessage() + ")" : e.toString();
        return new PackagingException("cannot read " + input.label() + " (" + input.path() + "): " + why);
    }

    /** The state of one jar being written. */
    private static final class Assembly {
        private final JarOutputStream jar;
        private final LocalDateTime time;
        private final MessageDigest sha256;
        private final Set<String> directories = new HashSet<>();
        private final Map<String, Written> written = new HashMap<>();
        private final Map<String, Set<String>> services = new TreeMap<>();
        private final Map<String, Map<String, byte[]>> legal = new TreeMap<>();
        private final List<Conflict> conflicts = new ArrayList<>();
        private int entries;

        private record Written(String label, byte[] digest) {}

        private interface Content {
            byte[] read() throws IOException;
        }

        Assembly(JarOutputStream jar, LocalDateTime time) {
            this.jar = jar;
            this.time = time;
            try {
                this.sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JVM has SHA-256", e);
            }
        }

        void writeManifest(String mainClass, boolean multiRelease) throws IOException {
            Manifest manifest = new Manifest();
            Attributes main = manifest.getMainAttributes();
            main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
            main.put(new Attributes.Name("Created-By"), "apigw-mcp-maven-plugin");
            main.put(Attributes.Name.MAIN_CLASS, mainClass);
            if (multiRelease) {
                main.put(Attributes.Name.MULTI_RELEASE, "true");
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            manifest.write(bytes);
            add("META-INF/", "the manifest", null);
            put(JarFile.MANIFEST_NAME, bytes.toByteArray());
            written.put(JarFile.MANIFEST_NAME, new Written("the manifest", new byte[0]));
        }

        /** A folder's files and subfolders, by name, so that the order does not depend on the file system. */
        void addFolder(JarInput input) throws IOException, PackagingException {
            Path root = input.path();
            Map<String, Path> byName = new TreeMap<>();
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : (Iterable<Path>) paths::iterator) {
                    if (!path.equals(root)) {
                        String name = root.relativize(path).toString().replace('\\', '/');
                        byName.put(Files.isDirectory(path) ? name + "/" : name, path);
                    }
                }
            }
            for (Map.Entry<String, Path> entry : byName.entrySet()) {
                Path path = entry.getValue();
                add(
                        entry.getKey(),
                        input.label(),
                        entry.getKey().endsWith("/") ? null : () -> Files.readAllBytes(path));
            }
        }

        /** A jar's entries in the jar's own order. */
        void addJar(JarInput input) throws PackagingException, IOException {
            try (ZipFile zip = new ZipFile(input.path().toFile())) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    add(
                            entry.getName(),
                            input.label(),
                            entry.isDirectory()
                                    ? null
                                    : () -> {
                                        try (InputStream in = zip.getInputStream(entry)) {
                                            return in.readAllBytes();
                                        }
                                    });
                }
            } catch (IOException e) {
                throw unreadable(input, e);
            }
        }

        private void add(String name, String label, Content content) throws IOException {
            switch (EntryKind.of(name)) {
                case DIRECTORY -> {
                    if (directories.add(name)) {
                        put(name, null);
                    }
                }
                case DROPPED -> {}
                case SERVICE ->
                    services.computeIfAbsent(name, k -> new LinkedHashSet<>()).addAll(providers(content.read()));
                case LEGAL -> {
                    byte[] text = content.read();
                    legal.computeIfAbsent(name, k -> new LinkedHashMap<>()).putIfAbsent(normalized(text), text);
                }
                case ORDINARY -> {
                    byte[] bytes = content.read();
                    byte[] digest = sha256.digest(bytes);
                    Written first = written.get(name);
                    if (first == null) {
                        written.put(name, new Written(label, digest));
                        put(name, bytes);
                    } else if (!Arrays.equals(first.digest(), digest)) {
                        conflicts.add(new Conflict(name, first.label(), label));
                    }
                }
            }
        }

        /** The merged service files and legal texts, by name. */
        void writeMerged() throws IOException {
            for (Map.Entry<String, Set<String>> service : services.entrySet()) {
                StringBuilder text = new StringBuilder();
                service.getValue().forEach(provider -> text.append(provider).append('\n'));
                put(service.getKey(), text.toString().getBytes(StandardCharsets.UTF_8));
                written.put(service.getKey(), new Written("merged", new byte[0]));
            }
            for (Map.Entry<String, Map<String, byte[]>> texts : legal.entrySet()) {
                ByteArrayOutputStream merged = new ByteArrayOutputStream();
                for (byte[] text : texts.getValue().values()) {
                    if (merged.size() > 0) {
                        merged.write('\n');
                    }
                    merged.write(text);
                    if (text.length > 0 && text[text.length - 1] != '\n') {
                        merged.write('\n');
                    }
                }
                put(texts.getKey(), merged.toByteArray());
                written.put(texts.getKey(), new Written("merged", new byte[0]));
            }
        }

        boolean holds(String name) {
            return written.containsKey(name);
        }

        Result result(boolean multiRelease) {
            Set<String> interfaces = new TreeSet<>();
            services.keySet().forEach(name -> interfaces.add(name.substring(EntryKind.SERVICES.length())));
            return new Result(entries, interfaces, conflicts, multiRelease);
        }

        private void put(String name, byte[] bytes) throws IOException {
            ZipEntry entry = new ZipEntry(name);
            entry.setTimeLocal(time);
            jar.putNextEntry(entry);
            if (bytes != null) {
                jar.write(bytes);
            }
            jar.closeEntry();
            entries++;
        }

        /** A provider-configuration file's class names: comments after {@code #} and blank lines left out. */
        private static List<String> providers(byte[] file) {
            List<String> names = new ArrayList<>();
            for (String line : new String(file, StandardCharsets.UTF_8).split("\\R")) {
                int comment = line.indexOf('#');
                String name = (comment < 0 ? line : line.substring(0, comment)).strip();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
            return names;
        }

        /** Two copies of a licence that differ only in line ends or trailing blanks are the same text. */
        private static String normalized(byte[] text) {
            StringBuilder out = new StringBuilder();
            for (String line : new String(text, StandardCharsets.UTF_8).split("\\R")) {
                out.append(line.stripTrailing()).append('\n');
            }
            return out.toString().strip();
        }
    }
}
