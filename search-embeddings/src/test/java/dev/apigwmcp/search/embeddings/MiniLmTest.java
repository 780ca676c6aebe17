package dev.apigwmcp.search.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The real model, in process: what the search relies on. */
class MiniLmTest {

    private static final MiniLm MODEL = new MiniLm();

    @Test
    void aTaskIsNearerToTheToolThatDoesItThanToAnother() {
        List<float[]> vectors = MODEL.embed(List.of(
                "halt the job that is still going",
                "Cancel a workflow run. actions cancel workflow run",
                "Create a release. repos create release"));
        assertThat(dot(vectors.get(0), vectors.get(1))).isGreaterThan(dot(vectors.get(0), vectors.get(2)));
    }

    @Test
    void vectorsHaveUnitLengthAndTheQuerySideAgreesWithTheToolSide() {
        float[] tool = new ToolTextEmbedderForTest().embed("List pets. list pets");
        float[] query = new MiniLmQueryEmbedder().embed("List pets. list pets");
        assertThat(dot(tool, tool)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(dot(tool, query)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(new MiniLmQueryEmbedder().model()).isEqualTo(new ToolTextEmbedder().model());
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** The tool side's model without its cache folder. */
    private static final class ToolTextEmbedderForTest {
        float[] embed(String text) {
            return MODEL.embed(List.of(text)).get(0);
        }
    }
}
