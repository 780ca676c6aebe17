package dev.apigwmcp.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFoldersTest {

    @TempDir
    Path out;

    private int replace(Map<String, String> files) throws IOException {
        Map<Path, byte[]> byPath = new java.util.HashMap<>();
        files.forEach((path, text) -> byPath.put(out.resolve(path), text.getBytes(StandardCharsets.UTF_8)));
        return new OutputFolders(byPath).replaceContents(List.of(out.resolve("java"), out.resolve("resources")));
    }

    private List<String> tree() throws IOException {
        try (Stream<Path> walk = Files.walk(out)) {
            return walk.map(p -> out.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void writesEveryFileIntoMissingFolders() throws IOException {
        assertThat(replace(Map.of("java/a/A.java", "class A {}", "resources/x.json", "{}")))
                .isEqualTo(2);
        assertThat(Files.readString(out.resolve("java/a/A.java"))).isEqualTo("class A {}");
        assertThat(Files.readString(out.resolve("resources/x.json"))).isEqualTo("{}");
    }

    @Test
    void leavesFilesThatAlreadyMatchUntouched() throws IOException {
        replace(Map.of("java/a/A.java", "class A {}", "resources/x.json", "{}"));
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(out.resolve("java/a/A.java"), old);
        Files.setLastModifiedTime(out.resolve("resources/x.json"), old);

        assertThat(replace(Map.of("java/a/A.java", "class A {}", "resources/x.json", "{\"v\":2}")))
                .isEqualTo(1);
        assertThat(Files.getLastModifiedTime(out.resolve("java/a/A.java"))).isEqualTo(old);
        assertThat(Files.readString(out.resolve("resources/x.json"))).isEqualTo("{\"v\":2}");
    }

    @Test
    void deletesFilesAndFoldersNoLongerGenerated() throws IOException {
        replace(Map.of("java/a/A.java", "A", "java/b/c/B.java", "B", "resources/x.json", "{}"));
        Files.writeString(out.resolve("resources/by-hand.txt"), "stale");

        replace(Map.of("java/a/A.java", "A"));
        assertThat(tree()).containsExactly("", "java", "java/a", "java/a/A.java", "resources");
    }

    @Test
    void replacesAFolderStandingWhereAFileGoes() throws IOException {
        Files.createDirectories(out.resolve("java/A.java/inner"));
        Files.writeString(out.resolve("java/A.java/inner/old.txt"), "old");

        assertThat(replace(Map.of("java/A.java", "A"))).isEqualTo(1);
        assertThat(Files.readString(out.resolve("java/A.java"))).isEqualTo("A");
    }

    @Test
    void leavesFilesOutsideTheTwoFoldersAlone() throws IOException {
        Files.writeString(out.resolve("notes.txt"), "mine");
        replace(Map.of("java/A.java", "A"));
        assertThat(Files.readString(out.resolve("notes.txt"))).isEqualTo("mine");
    }
}
