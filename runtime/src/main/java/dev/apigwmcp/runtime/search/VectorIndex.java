package dev.apigwmcp.runtime.search;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tools' embedding vectors ({@code search-vectors.json}, written by the generator), ranked by cosine
 * similarity to a query's vector. A plain scan, which is cheap next to embedding the query (BENCHMARKS.md, "Tool
 * search").
 */
public final class VectorIndex {

    public static final int VERSION = 1;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String model;
    private final List<String> names;
    private final List<float[]> vectors;
    private final Map<String, Integer> positions;

    VectorIndex(String model, List<String> names, List<float[]> vectors) {
        this.model = model;
        this.names = List.copyOf(names);
        this.vectors = List.copyOf(vectors);
        this.positions = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            positions.putIfAbsent(names.get(i), i);
        }
    }

    /**
     * Reads one {@code search-vectors.json}.
     *
     * @throws IllegalArgumentException naming the source and the fault
     */
    public static VectorIndex read(byte[] json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(source + " is not JSON: " + e.getOriginalMessage());
        }
        if (root.path("searchVectorsVersion").asInt(-1) != VERSION) {
            throw new IllegalArgumentException(source + ": searchVectorsVersion is " + root.path("searchVectorsVersion")
                    + ", this runtime reads " + VERSION);
        }
        int dimensions = root.path("dimensions").asInt(-1);
        List<String> names = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        JsonNode tools = root.path("tools");
        for (int i = 0; i < tools.size(); i++) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(tools.get(i).path("vector").asString(""));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": tools[" + i + "].vector is not base64");
            }
            if (bytes.length != dimensions) {
                throw new IllegalArgumentException(
                        source + ": tools[" + i + "].vector has " + bytes.length + " dimensions, not " + dimensions);
            }
            names.add(tools.get(i).path("name").asString(""));
            vectors.add(unit(bytes));
        }
        return new VectorIndex(root.path("model").asString(""), names, vectors);
    }

    /** The model the vectors were made with. */
    public String model() {
        return model;
    }

    /** This index and {@code other}'s tools together (targets of one gateway share a model). */
    VectorIndex and(VectorIndex other) {
        List<String> allNames = new ArrayList<>(names);
        allNames.addAll(other.names);
        List<float[]> allVectors = new ArrayList<>(vectors);
        allVectors.addAll(other.vectors);
        return new VectorIndex(model, allNames, allVectors);
    }

    /** The {@code count} tools nearest to the query vector, nearest first, with their cosine similarity. */
    public List<Scored> nearest(float[] query, int count) {
        record Hit(int index, double score) {}
        PriorityQueue<Hit> best = new PriorityQueue<>((a, b) ->
                a.score() != b.score() ? Double.compare(a.score(), b.score()) : Integer.compare(b.index(), a.index()));
        for (int i = 0; i < vectors.size(); i++) {
            float[] vector = vectors.get(i);
            if (vector.length != query.length) {
                continue;
            }
            best.add(new Hit(i, dot(vector, query)));
            if (best.size() > count) {
                best.poll();
            }
        }
        List<Scored> out = new ArrayList<>(best.size());
        while (!best.isEmpty()) {
            Hit hit = best.poll();
            out.add(0, new Scored(names.get(hit.index()), hit.score()));
        }
        return out;
    }

    /** The cosine similarity of the tool's vector to the query vector; 0 for a tool without a vector. */
    public double similarity(String name, float[] query) {
        Integer index = positions.get(name);
        return index == null || vectors.get(index).length != query.length ? 0 : dot(vectors.get(index), query);
    }

    private static double dot(float[] vector, float[] query) {
        double dot = 0;
        for (int d = 0; d < vector.length; d++) {
            dot += vector[d] * query[d];
        }
        return dot;
    }

    private static float[] unit(byte[] bytes) {
        float[] vector = new float[bytes.length];
        double norm = 0;
        for (int i = 0; i < bytes.length; i++) {
            vector[i] = bytes[i];
            norm += vector[i] * vector[i];
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < vector.length; i++) {
            vector[i] *= scale;
        }
        return vector;
    }
}
