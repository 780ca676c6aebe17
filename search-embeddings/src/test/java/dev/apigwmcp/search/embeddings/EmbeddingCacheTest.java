package dev.apigwmcp.search.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingCacheTest {

    @TempDir
    Path folder;

    private final List<List<String>> modelRuns = new ArrayList<>();

    private EmbeddingCache cache() {
        return new EmbeddingCache(folder, "model/v1", texts -> {
            modelRuns.add(List.copyOf(texts));
            return texts.stream().map(text -> new float[] {text.length(), 1}).toList();
        });
    }

    @Test
    void textsEmbeddedOnceAreReadFromTheCacheByTheNextBuild() {
        cache().embed(List.of("list pets", "get pet"));
        List<float[]> again = cache().embed(List.of("get pet", "list pets"));
        assertThat(modelRuns).containsExactly(List.of("list pets", "get pet"));
        assertThat(again.get(0)).containsExactly(7, 1);
        assertThat(again.get(1)).containsExactly(9, 1);
    }

    @Test
    void onlyNewTextsRunTheModel() {
        cache().embed(List.of("list pets"));
        cache().embed(List.of("list pets", "delete pet", "delete pet"));
        assertThat(modelRuns).containsExactly(List.of("list pets"), List.of("delete pet"));
    }

    @Test
    void anUnreadableCacheFileIsEmbeddedAgainAndReplaced() throws Exception {
        cache().embed(List.of("list pets"));
        try (var files = Files.list(folder)) {
            Files.writeString(files.findFirst().orElseThrow(), "not\ta vector\u0000\n");
        }
        assertThat(cache().embed(List.of("list pets")).get(0)).containsExactly(9, 1);
        assertThat(modelRuns).hasSize(2);
        assertThat(cache().embed(List.of("list pets")).get(0)).containsExactly(9, 1);
        assertThat(modelRuns).hasSize(2);
    }
}
