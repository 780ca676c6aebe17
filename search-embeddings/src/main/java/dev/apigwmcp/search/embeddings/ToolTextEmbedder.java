package dev.apigwmcp.search.embeddings;

import dev.apigwmcp.generator.emit.search.TextEmbedder;
import java.nio.file.Path;
import java.util.List;

/**
 * The generator's side: tools' vectors, from the {@link EmbeddingCache} where their text was embedded before, else
 * from the model. The cache folder is {@code apigw-mcp.embeddings.cache} (a system property) or
 * {@code ~/.cache/apigw-mcp/embeddings}.
 */
public final class ToolTextEmbedder implements TextEmbedder {

    public static final String CACHE_PROPERTY = "apigw-mcp.embeddings.cache";

    private final EmbeddingCache cache;

    public ToolTextEmbedder() {
        String configured = System.getProperty(CACHE_PROPERTY);
        Path folder = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "apigw-mcp", "embeddings");
        MiniLm model = new MiniLm();
        this.cache = new EmbeddingCache(folder, MiniLm.MODEL, model::embed);
    }

    @Override
    public String model() {
        return MiniLm.MODEL;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        return cache.embed(texts);
    }
}
