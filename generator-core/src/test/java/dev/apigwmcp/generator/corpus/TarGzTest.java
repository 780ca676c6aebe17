package dev.apigwmcp.generator.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tar reader on archives built byte by byte here, one header feature per test. */
class TarGzTest {

    @Test
    void readsRegularFilesAndSkipsDirectories() throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        entry(tar, "package/", "", '5', "");
        entry(tar, "package/a.json", "", '0', "{\"a\":1}");
        entry(tar, "package/b.yaml", "", '0', "x".repeat(513)); // spans two data blocks
        tar.write(new byte[1024]);
        assertThat(read(tar))
                .containsExactly(
                        Map.entry("package/a.json", "{\"a\":1}"), Map.entry("package/b.yaml", "x".repeat(513)));
    }

    @Test
    void joinsTheUstarPrefixAndName() throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        entry(tar, "spec.json", "package/api/example.com", '0', "{}");
        assertThat(read(tar)).containsOnlyKeys("package/api/example.com/spec.json");
    }

    @Test
    void paxPathRecordRenamesTheNextEntryOnly() throws IOException {
        String longPath = "package/api/" + "a".repeat(120) + "/é.json";
        String record = " path=" + longPath + "\n";
        int length = record.getBytes(StandardCharsets.UTF_8).length;
        length += String.valueOf(length + String.valueOf(length).length()).length();
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        entry(tar, "PaxHeader/x", "", 'x', length + record);
        entry(tar, "truncated-name.json", "", '0', "1");
        entry(tar, "package/next.json", "", '0', "2");
        assertThat(read(tar)).containsExactly(Map.entry(longPath, "1"), Map.entry("package/next.json", "2"));
    }

    @Test
    void gnuLongNameRenamesTheNextEntry() throws IOException {
        String longPath = "package/" + "b".repeat(150) + ".json";
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        entry(tar, "././@LongLink", "", 'L', longPath + "\0");
        entry(tar, "short", "", '0', "z");
        assertThat(read(tar)).containsOnlyKeys(longPath);
    }

    @Test
    void unreadContentIsSkipped() throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        entry(tar, "first", "", '0', "y".repeat(2000));
        entry(tar, "second", "", '0', "ok");
        Map<String, Long> sizes = new LinkedHashMap<>();
        TarGz.read(new ByteArrayInputStream(tar.toByteArray()), (name, size, content) -> sizes.put(name, size));
        assertThat(sizes).containsExactly(Map.entry("first", 2000L), Map.entry("second", 2L));
    }

    @Test
    void truncatedArchiveIsAnError() throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        entry(tar, "cut", "", '0', "z".repeat(600));
        byte[] bytes = java.util.Arrays.copyOf(tar.toByteArray(), 512 + 100);
        assertThatThrownBy(() ->
                        TarGz.read(new ByteArrayInputStream(bytes), (name, size, content) -> content.readAllBytes()))
                .isInstanceOf(EOFException.class);
    }

    private static Map<String, String> read(ByteArrayOutputStream tar) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        TarGz.read(
                new ByteArrayInputStream(tar.toByteArray()),
                (name, size, content) -> files.put(name, new String(content.readAllBytes(), StandardCharsets.UTF_8)));
        return files;
    }

    /** Appends one ustar header and its padded data. */
    private static void entry(ByteArrayOutputStream tar, String name, String prefix, char type, String data)
            throws IOException {
        byte[] content = data.getBytes(StandardCharsets.UTF_8);
        byte[] header = new byte[512];
        put(header, 0, name);
        put(header, 100, "0000644");
        put(header, 124, String.format("%011o", content.length));
        header[156] = (byte) type;
        put(header, 257, "ustar");
        put(header, 263, "00");
        put(header, 345, prefix);
        tar.write(header);
        tar.write(content);
        int rest = content.length % 512;
        if (rest != 0) {
            tar.write(new byte[512 - rest]);
        }
    }

    private static void put(byte[] header, int at, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(bytes, 0, header, at, bytes.length);
    }
}
