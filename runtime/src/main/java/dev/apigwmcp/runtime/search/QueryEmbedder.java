package dev.apigwmcp.runtime.search;

/**
 * A sentence-embedding model for queries, when one is on the gateway's class path ({@link java.util.ServiceLoader},
 * {@code META-INF/services/dev.apigwmcp.runtime.search.QueryEmbedder}); the optional module
 * {@code apigw-mcp-search-embeddings} provides one. With it, and the vectors the generator stored with the
 * same model ({@code search-vectors.json}), the search ranks by meaning as well as by words.
 */
public interface QueryEmbedder {

    /** The model's identity: the vectors are used only when the generator stored them with the same. */
    String model();

    /** The query's unit-length vector. */
    float[] embed(String query);
}
