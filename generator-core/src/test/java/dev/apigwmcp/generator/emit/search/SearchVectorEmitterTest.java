package dev.apigwmcp.generator.emit.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigwmcp.generator.Generator;
import dev.apigwmcp.generator.GeneratorConfig;
import dev.apigwmcp.generator.TestSpecs;
import dev.apigwmcp.generator.compile.CompiledTarget;
import dev.apigwmcp.generator.compile.ToolCompiler;
import dev.apigwmcp.generator.model.ApiModel;
import dev.apigwmcp.generator.problem.ProblemCollector;
import dev.apigwmcp.generator.read.ExportReader;
import dev.apigwmcp.generator.select.Selection;
import dev.apigwmcp.generator.select.ToolSelector;
import dev.apigwmcp.generator.TargetConfig;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchVectorEmitterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Two dimensions: the text's length and 1, made unit length. */
    private final List<String> embedded = new ArrayList<>();
    private final TextEmbedder embedder = new TextEmbedder() {
        @Override
        public String model() {
            return "fake/1";
        }

        @Override
        public List<float[]> embed(List<String> texts) {
            embedded.addAll(texts);
            return texts.stream().map(text -> {
                double norm = Math.sqrt(text.length() * text.length() + 1.0);
                return new float[] {(float) (text.length() / norm), (float) (1 / norm)};
            }).toList();
        }
    };

    @Test
    void eachToolsTitleAndNameWordsAreEmbeddedAndStoredAsSignedBytes() throws Exception {
        JsonNode file = JSON.readTree(new SearchVectorEmitter(embedder).emit(walkthrough()).content());
        assertThat(file.path("model").asText()).isEqualTo("fake/1");
        assertThat(file.path("dimensions").asInt()).isEqualTo(2);
        assertThat(embedded).containsExactly("Create a pet. create pet", "Get a pet by id. get pet",
                "List pets. list pets");
        byte[] first = Base64.getDecoder().decode(file.path("tools").get(0).path("vector").asText());
        assertThat(first).containsExactly(127, 5);
        assertThat(file.path("tools").get(0).path("name").asText()).isEqualTo("petstore___createPet");
    }

    @Test
    void withoutAnEmbeddingModelOnTheClassPathNoVectorsAreWritten() {
        assertThat(Generator.generate(new GeneratorConfig(List.of(TestSpecs.petstoreWalkthrough()))).files())
                .noneMatch(file -> file.relativePath().endsWith(SearchVectorEmitter.FILE));
    }

    private static CompiledTarget walkthrough() {
        TargetConfig target = TestSpecs.petstoreWalkthrough();
        ProblemCollector problems = new ProblemCollector(target.name(), target.displayFile());
        ApiModel model = new ExportReader().read(target.exportFile(), problems).orElseThrow();
        Selection selection = new ToolSelector().select(target, model, problems);
        return new ToolCompiler().compile(target, model, selection, problems);
    }
}
