package dev.apigwmcp.search.embeddings;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/** all-MiniLM-L6-v2 (quantized): 384-dimension sentence embeddings, loaded on first use. */
final class MiniLm {

    /** The model and the artifact that ships it: vectors are comparable only within one. */
    static final String MODEL = "all-minilm-l6-v2-q (dev.langchain4j 1.19.0-beta29)";

    private static final int BATCH = 64;

    private AllMiniLmL6V2QuantizedEmbeddingModel model;

    /** Unit-length vectors of the texts, in order. */
    synchronized List<float[]> embed(List<String> texts) {
        // The tokenizer's and ONNX Runtime's native libraries are found through the thread's context class loader.
        // Inside a Maven plugin the generator embeds on pool threads whose context loader is the JVM's, not the
        // plugin's: the model's classes would not find their natives there, so this module's loader is set.
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(MiniLm.class.getClassLoader());
        try {
            if (model == null) {
                model = new AllMiniLmL6V2QuantizedEmbeddingModel();
            }
            List<float[]> vectors = new ArrayList<>(texts.size());
            for (int from = 0; from < texts.size(); from += BATCH) {
                List<TextSegment> batch = texts.subList(from, Math.min(texts.size(), from + BATCH)).stream()
                        .map(TextSegment::from)
                        .toList();
                model.embedAll(batch).content().forEach(embedding -> vectors.add(unit(embedding.vector())));
            }
            return vectors;
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    private static float[] unit(float[] vector) {
        double norm = 0;
        for (float value : vector) {
            norm += value * value;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        float[] out = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            out[i] = vector[i] * scale;
        }
        return out;
    }
}
