package dev.apigwmcp.search.embeddings;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Vectors by text: a text embedded once is read from here afterwards, so a build whose tools did not change runs
 * no model at all, and one that changed a few tools embeds only those. One file per model in the cache folder,
 * a line per text: the SHA-256 of the text, a tab, the vector as base64 of little-endian floats. The file is
 * replaced whole (written beside it, then moved), so a reader never sees half a line; a file that does not read
 * is ignored and rewritten.
 */
final class EmbeddingCache {

    private final Path file;
    private final Function<List<String>, List<float[]>> model;

    EmbeddingCache(Path folder, String modelName, Function<List<String>, List<float[]>> model) {
        this.file = folder.resolve(modelName.replaceAll("[^A-Za-z0-9.-]+", "_") + ".vectors");
        this.model = model;
    }

    List<float[]> embed(List<String> texts) {
        Map<String, float[]> known = read();
        List<String> missing = new ArrayList<>();
        List<String> missingKeys = new ArrayList<>();
        for (String text : texts) {
            String key = key(text);
            if (!known.containsKey(key) && !missingKeys.contains(key)) {
                missing.add(text);
                missingKeys.add(key);
            }
        }
        if (!missing.isEmpty()) {
            List<float[]> made = model.apply(missing);
            for (int i = 0; i < missing.size(); i++) {
                known.put(missingKeys.get(i), made.get(i));
            }
            write(known);
        }
        List<float[]> out = new ArrayList<>(texts.size());
        texts.forEach(text -> out.add(known.get(key(text))));
        return out;
    }

    private Map<String, float[]> read() {
        Map<String, float[]> known = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return known;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    known.put(line.substring(0, tab), floats(Base64.getDecoder().decode(line.substring(tab + 1))));
                }
            }
            return known;
        } catch (IOException | IllegalArgumentException e) {
            return new LinkedHashMap<>(); // unreadable: embed again and replace it
        }
    }

    private void write(Map<String, float[]> known) {
        StringBuilder out = new StringBuilder();
        known.forEach((key, vector) -> out.append(key)
                .append('\t')
                .append(Base64.getEncoder().encodeToString(bytes(vector)))
                .append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Path temp =
                    Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.writeString(temp, out, StandardCharsets.US_ASCII);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // A cache that cannot be written costs the next build a model run, nothing else.
        }
    }

    static String key(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static byte[] bytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : vector) {
            buffer.putFloat(value);
        }
        return buffer.array();
    }

    private static float[] floats(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[] vector = new float[bytes.length / 4];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = buffer.getFloat();
        }
        return vector;
    }
}
