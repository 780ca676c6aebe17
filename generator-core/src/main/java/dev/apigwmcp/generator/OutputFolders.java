package dev.apigwmcp.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes output folders hold exactly a set of files, touching only what differs: files that are no longer
 * generated are deleted, files whose bytes already match are left alone (their modification time too, so
 * incremental compilers skip them), the rest are written. Creating and writing thousands of files is bound by
 * system calls and can take seconds for a large API (thousands of files), while reading them back to compare
 * is cheap; regenerating an unchanged or slightly changed API is the common case.
 */
final class OutputFolders {

    private final Map<Path, byte[]> wanted = new HashMap<>();

    /** @param files the generated files by absolute target path */
    OutputFolders(Map<Path, byte[]> files) {
        wanted.putAll(files);
    }

    /**
     * Replaces the contents of {@code roots} (created when missing) with the wanted files; returns how many files
     * were written (the others were already up to date).
     */
    int replaceContents(List<Path> roots) throws IOException {
        List<Path> stale = new ArrayList<>();
        List<Path> folders = new ArrayList<>(); // deepest first: a folder is listed after its contents
        for (Path root : roots) {
            if (Files.exists(root)) {
                collect(root, stale, folders);
            }
        }
        inParallel(stale, Files::delete);
        Set<Path> needed = new TreeSet<>();
        for (Path file : wanted.keySet()) {
            for (Path folder = file.getParent(); folder != null && needed.add(folder); folder = folder.getParent()) {
                // every ancestor of a generated file stays
            }
        }
        for (Path folder : folders) {
            if (!needed.contains(folder) && !roots.contains(folder)) {
                Files.delete(folder); // empty by now: its files were stale and its subfolders came first
            }
        }
        for (Path folder :
                new TreeSet<>(wanted.keySet().stream().map(Path::getParent).toList())) {
            Files.createDirectories(folder);
        }
        // A folder that did not exist holds no files yet: its files are written without first failing to read
        // them (a stat system call and an exception each, for thousands of files).
        Set<Path> existing = new HashSet<>(folders);
        AtomicInteger written = new AtomicInteger();
        inParallel(List.copyOf(wanted.keySet()), path -> {
            byte[] content = wanted.get(path);
            if (!existing.contains(path.getParent()) || !sameContent(path, content)) {
                write(path, content);
                written.incrementAndGet();
            }
        });
        return written.get();
    }

    /**
     * {@code Files.write(path, content)} in one write system call: {@code Files.write} writes in pieces of 8 KB,
     * and most schema files are larger.
     */
    private static void write(Path path, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(
                path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }

    /** Files that are not wanted (links and other non-regular files included), and every folder. */
    private void collect(Path root, List<Path> stale, List<Path> folders) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (!attributes.isRegularFile() || !wanted.containsKey(file)) {
                    stale.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path folder, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                folders.add(folder);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static boolean sameContent(Path path, byte[] content) throws IOException {
        try {
            return Files.size(path) == content.length && Arrays.equals(Files.readAllBytes(path), content);
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private interface PathAction {
        void apply(Path path) throws IOException;
    }

    private static void inParallel(List<Path> paths, PathAction action) throws IOException {
        try {
            paths.parallelStream().forEach(path -> {
                try {
                    action.apply(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
