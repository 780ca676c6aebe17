package dev.apigwmcp.runtime.search;

import static dev.apigwmcp.runtime.search.ToolIndexTest.tool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Words and meaning fused: each ranking brings what the other misses. */
class ToolSearchTest {

    private static final ToolIndex WORDS = ToolIndex.of(List.of(
            tool("a___cancelRun", "cancel run", "Cancel a workflow run", "", "POST", "", ""),
            tool("a___createRelease", "create release", "Create a release", "", "POST", "", ""),
            tool("a___listRuns", "list runs", "List workflow runs", "", "GET", "", "")));
    /** Dimension 0 means "stopping", 1 "releasing", 2 "listing". */
    private static final VectorIndex MEANING = VectorIndex.read(
            vectors(
                    "m/1",
                    new byte[][] {{127, 0, 0}, {0, 127, 0}, {0, 0, 127}},
                    "a___cancelRun",
                    "a___createRelease",
                    "a___listRuns"),
            "test");
    /** Any query is about stopping. */
    private static final QueryEmbedder STOPPING = new QueryEmbedder() {
        @Override
        public String model() {
            return "m/1";
        }

        @Override
        public float[] embed(String query) {
            return new float[] {1, 0, 0};
        }
    };

    @Test
    void meaningFindsAToolNoWordOfTheQueryNames() {
        assertThat(WORDS.search("end the job", 3, null)).isEmpty();
        assertThat(new ToolSearch(WORDS, MEANING, STOPPING).search("end the job", 1, null))
                .containsExactly("a___cancelRun");
    }

    @Test
    void aToolBothRankingsPutFirstStaysFirst() {
        assertThat(new ToolSearch(WORDS, MEANING, STOPPING)
                        .search("cancel a run", 3, null)
                        .get(0))
                .isEqualTo("a___cancelRun");
    }

    @Test
    void aToolFarNearerInMeaningOvertakesOneThatMatchesSomewhatMoreWords() {
        ToolIndex words = ToolIndex.of(List.of(
                tool("a___listIssueComments", "list issue comments", "List comments on an issue", "", "GET", "", ""),
                tool("a___lockIssue", "lock issue", "Lock an issue", "", "PUT", "", "")));
        VectorIndex meaning = VectorIndex.read(
                vectors("m/1", new byte[][] {{0, 127, 0}, {127, 0, 0}}, "a___listIssueComments", "a___lockIssue"),
                "test");
        assertThat(words.search("stop comments on an issue", 2, null)).first().isEqualTo("a___listIssueComments");
        assertThat(new ToolSearch(words, meaning, STOPPING).search("stop comments on an issue", 2, null))
                .containsExactly("a___lockIssue", "a___listIssueComments");
    }

    @Test
    void hiddenToolsStayHiddenInBothRankings() {
        assertThat(new ToolSearch(WORDS, MEANING, STOPPING)
                        .search("cancel a run", 3, name -> !name.equals("a___cancelRun")))
                .doesNotContain("a___cancelRun")
                .isNotEmpty();
    }

    @Test
    void withoutAnEmbedderTheSearchIsByWords() {
        ToolSearch words = new ToolSearch(WORDS, MEANING, null);
        assertThat(words.semantic()).isFalse();
        assertThat(words.search("end the job", 3, null)).isEmpty();
    }

    @Test
    void theModelIsGivenTheQueryWithTheCatalogsAcronymsSpelledOut() {
        List<String> embedded = new ArrayList<>();
        QueryEmbedder recording = new QueryEmbedder() {
            @Override
            public String model() {
                return "m/1";
            }

            @Override
            public float[] embed(String query) {
                embedded.add(query);
                return new float[] {1, 0, 0};
            }
        };
        ToolSearch search = new ToolSearch(ToolIndex.of(AcronymsTest.codeHost()), MEANING, recording);

        search.search("approve my PR", 3, null);

        assertThat(embedded).containsExactly("approve my pull request");
    }

    @Test
    void aVectorOfTheWrongLengthIsRefusedNamingTheTool() {
        byte[] json = vectors("m/1", new byte[][] {{1, 2}}, "a___x");
        String text = new String(json, StandardCharsets.UTF_8).replace("\"dimensions\":2", "\"dimensions\":3");
        assertThatThrownBy(() -> VectorIndex.read(text.getBytes(StandardCharsets.UTF_8), "v.json"))
                .hasMessageContaining("v.json")
                .hasMessageContaining("tools[0].vector");
    }

    private static byte[] vectors(String model, byte[][] vectors, String... names) {
        StringBuilder out = new StringBuilder("{\"searchVectorsVersion\":1,\"model\":\"" + model + "\",\"dimensions\":"
                + vectors[0].length + ",\"tools\":[");
        for (int i = 0; i < names.length; i++) {
            out.append(i == 0 ? "" : ",")
                    .append("{\"name\":\"")
                    .append(names[i])
                    .append("\",\"vector\":\"")
                    .append(Base64.getEncoder().encodeToString(vectors[i]))
                    .append("\"}");
        }
        return out.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
