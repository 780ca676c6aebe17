package dev.apigwmcp.generator.emit.search;

import java.util.List;

/**
 * A sentence-embedding model the generator uses, when one is on its class path ({@link java.util.ServiceLoader},
 * {@code META-INF/services/dev.apigwmcp.generator.emit.search.TextEmbedder}), to store a vector per tool beside
 * the search documents ({@code search-vectors.json}). The optional module {@code apigw-mcp-search-embeddings}
 * provides one; without it the generator writes no vectors and the search is lexical.
 */
public interface TextEmbedder {

    /**
     * The model's identity. It is stored with the vectors, and the gateway's query embedder must report the same,
     * or the vectors are not used.
     */
    String model();

    /** One unit-length vector per text, in order, all of the same length. */
    List<float[]> embed(List<String> texts);
}
