package dev.apigwmcp.search.embeddings;

import dev.apigwmcp.runtime.search.QueryEmbedder;
import java.util.List;

/** The gateway's side: a query's vector, for {@code search_tools}. */
public final class MiniLmQueryEmbedder implements QueryEmbedder {

    private final MiniLm model = new MiniLm();

    @Override
    public String model() {
        return MiniLm.MODEL;
    }

    @Override
    public float[] embed(String query) {
        return model.embed(List.of(query)).get(0);
    }
}
