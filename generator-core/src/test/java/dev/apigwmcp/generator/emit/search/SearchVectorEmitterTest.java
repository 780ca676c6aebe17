package dev.apigwmcp.generator.emit.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigwmcp.generator.Generator;
import dev.apigwmcp.generator.GeneratorConfig;
import dev.apigwmcp.generator.TargetConfig;
import dev.apigwmcp.generator.TestSpecs;
import dev.apigwmcp.generator.compile.CompiledTarget;
import dev.apigwmcp.generator.compile.ToolCompiler;
import dev.apigwmcp.generator.model.ApiModel;
import dev.apigwmcp.generator.problem.ProblemCollector;
import dev.apigwmcp.generator.read.ExportReader;
import dev.apigwmcp.generator.select.Selection;
import dev.apigwmcp.generator.select.ToolSelector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
            return texts.stream()
                    .map(text -> {
                        double norm = Math.sqrt(text.length() * text.length() + 1.0);
                        return new float[] {(float) (text.length() / norm), (float) (1 / norm)};
                    })
                    .toList();
        }
    };

    @Test
    void eachToolsTitleAndNameWordsAreEmbeddedAloneAndWithTheDescriptionsFirstSentence() {
        new SearchVectorEmitter(embedder).emit(walkthrough());
        assertThat(embedded)
                .containsExactly(
                        "Create a pet. create pet",
                        "Get a pet by id. get pet",
                        "List pets. list pets",
                        "Create a pet. create pet. Add a pet to the store.",
                        "Get a pet by id. get pet. Fetch one pet by its id.",
                        "List pets. list pets. List the pets in the store, a page at a time.");
    }

    @Test
    void eachToolsVectorIsStoredAsSignedBytesOfTheBlendMadeUnitLength() throws Exception {
        JsonNode file = JSON.readTree(
                new SearchVectorEmitter(embedder).emit(walkthrough()).content());
        assertThat(file.path("model").asText()).isEqualTo("fake/1");
        assertThat(file.path("dimensions").asInt()).isEqualTo(2);
        byte[] first = Base64.getDecoder()
                .decode(file.path("tools").get(0).path("vector").asText());
        assertThat(first).containsExactly(127, 5);
        assertThat(file.path("tools").get(0).path("name").asText()).isEqualTo("petstore___createPet");
    }

    @Test
    void theBlendIsMostlyTheTitlesVector() {
        float[] blend = SearchVectorEmitter.blend(new float[] {1, 0}, new float[] {0, 1});
        assertThat(blend[0]).isCloseTo(0.970f, org.assertj.core.data.Offset.offset(0.001f));
        assertThat(blend[1]).isCloseTo(0.243f, org.assertj.core.data.Offset.offset(0.001f));
    }

    @Test
    void theDescriptionsSentenceIsNeitherTheTitleAgainNorOneManyToolsShare(@TempDir Path temp) throws Exception {
        StringBuilder paths = new StringBuilder();
        for (String name : List.of("a", "b", "c", "d")) {
            paths.append(",\"/")
                    .append(name)
                    .append("\": {\"get\": {\"operationId\": \"")
                    .append(name)
                    .append("\", \"description\": \"Tokens need the repo scope.\",")
                    .append(" \"responses\": {\"200\": {\"description\": \"ok\"}}}}");
        }
        Path export = temp.resolve("t.json");
        Files.writeString(export, """
                {"openapi": "3.0.1", "info": {"title": "t", "version": "1"},
                 "servers": [{"url": "https://api.example.com"}],
                 "paths": {"/forks": {"post": {"operationId": "createFork", "summary": "Create a fork",
                   "description": "Create a fork. Tokens need the repo scope. Makes a copy of the repository.",
                   "responses": {"200": {"description": "ok"}}}}%s}}
                """.formatted(paths), StandardCharsets.UTF_8);
        new SearchVectorEmitter(embedder).emit(compile(TargetConfig.of("t", export)));
        assertThat(embedded).contains("Create a fork. create fork. Makes a copy of the repository.");
    }

    @Test
    void withoutAnEmbeddingModelOnTheClassPathNoVectorsAreWritten() {
        assertThat(Generator.generate(new GeneratorConfig(List.of(TestSpecs.petstoreWalkthrough())))
                        .files())
                .noneMatch(file -> file.relativePath().endsWith(SearchVectorEmitter.FILE));
    }

    private static CompiledTarget walkthrough() {
        return compile(TestSpecs.petstoreWalkthrough());
    }

    private static CompiledTarget compile(TargetConfig target) {
        ProblemCollector problems = new ProblemCollector(target.name(), target.displayFile());
        ApiModel model = new ExportReader().read(target.exportFile(), problems).orElseThrow();
        Selection selection = new ToolSelector().select(target, model, problems);
        return new ToolCompiler().compile(target, model, selection, problems);
    }
}
