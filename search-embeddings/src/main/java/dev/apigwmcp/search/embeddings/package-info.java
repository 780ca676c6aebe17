/**
 * The tool search's optional embedding model: {@link MiniLm} (all-MiniLM-L6-v2, quantized), offered to the
 * generator as a {@code TextEmbedder} ({@link ToolTextEmbedder}, with a cache by text so an unchanged catalog costs
 * no model run) and to the gateway as a {@code QueryEmbedder} ({@link MiniLmQueryEmbedder}).
 */
package dev.apigwmcp.search.embeddings;
