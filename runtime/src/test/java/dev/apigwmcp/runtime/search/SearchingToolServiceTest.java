package dev.apigwmcp.runtime.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigwmcp.runtime.config.Settings;
import dev.apigwmcp.runtime.config.SettingsException;
import dev.apigwmcp.runtime.tools.Caller;
import dev.apigwmcp.runtime.tools.ProgressListener;
import dev.apigwmcp.runtime.tools.ToolListing;
import dev.apigwmcp.runtime.tools.ToolService;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class SearchingToolServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Caller READ_ONLY = new Caller("reader", Set.of("read"), null, true, Map.of());

    @TempDir
    Path temp;

    @Test
    void autoModeAddsNothingToACatalogAtTheThreshold() {
        Tools tools = new Tools(3);
        assertThat(SearchingToolService.around(tools, settings(Map.of("search.threshold", "3"))))
                .isSameAs(tools);
    }

    @Test
    void autoModeAddsTheSearchToolToACatalogAboveTheThreshold() {
        ToolService searching = SearchingToolService.around(new Tools(4), settings(Map.of("search.threshold", "3")));
        assertThat(names(searching))
                .containsExactly("pets___tool0", "pets___tool1", "pets___tool2", "pets___tool3", "search_tools");
    }

    @Test
    void onlyModeListsTheSearchToolAndTheCallToolAlone() {
        ToolService searching = only(new Tools(4));
        assertThat(names(searching)).containsExactly("call_tool", "search_tools");
        assertThat(searching.hasTool("pets___tool2"))
                .as("found tools may still be called by name")
                .isTrue();
    }

    @Test
    void theSearchToolsNameIsASetting() {
        ToolService searching = SearchingToolService.around(
                new Tools(2),
                settings(Map.of("search.mode", "add", "search.tool-name", "x_amz_bedrock_agentcore_search")));
        assertThat(names(searching)).contains("x_amz_bedrock_agentcore_search").doesNotContain("search_tools");
    }

    @Test
    void theSearchAnswersNamesDescriptionsAndInputSchemasAsStructuredContentAndText() throws Exception {
        ToolService searching = only(new Tools(4));
        ObjectNode result = searching
                .call("search_tools", args("{\"query\":\"the second thing\",\"limit\":2}"), ProgressListener.NONE)
                .get();
        JsonNode found = result.path("structuredContent").path("tools");
        assertThat(found).hasSize(2);
        assertThat(found.get(0).path("name").asString()).isEqualTo("pets___tool1");
        assertThat(found.get(0).path("description").asString()).isEqualTo("Does the second thing.");
        assertThat(found.get(0).path("inputSchema").path("properties").has("id"))
                .isTrue();
        assertThat(JSON.readTree(result.path("content").get(0).path("text").asString()))
                .isEqualTo(result.path("structuredContent"));
        assertThat(result.has("isError")).isFalse();
    }

    @Test
    void theSearchDefinitionDeclaresItsOutputSchemaAndItsLimit() throws Exception {
        ToolService searching = only(new Tools(2));
        ObjectNode definition = searching.listings().stream()
                .filter(l -> l.name().equals("search_tools"))
                .findFirst()
                .orElseThrow()
                .definition();
        assertThat(definition.path("outputSchema").path("required").get(0).asString())
                .isEqualTo("tools");
        assertThat(definition
                        .path("inputSchema")
                        .path("properties")
                        .path("limit")
                        .path("maximum")
                        .asInt())
                .isEqualTo(50);
    }

    @Test
    void aMissingQueryOrALimitOutOfRangeIsAToolErrorNamingTheArgument() throws Exception {
        ToolService searching = only(new Tools(2));
        assertThat(errorText(searching
                        .call("search_tools", args("{}"), ProgressListener.NONE)
                        .get()))
                .contains("'query'");
        assertThat(errorText(searching
                        .call("search_tools", args("{\"query\":\"a\",\"limit\":51}"), ProgressListener.NONE)
                        .get()))
                .contains("'limit'")
                .contains("50");
    }

    @Test
    void theCallToolHandsNameArgumentsAndProgressToTheToolAndReturnsItsResultAsItIs() throws Exception {
        Tools tools = new Tools(2);
        ToolService searching = only(tools);
        ProgressListener progress = (p, t, m) -> {};
        ObjectNode result = searching
                .call("call_tool", args("{\"name\":\"pets___tool1\",\"arguments\":{\"id\":\"7\"}}"), progress)
                .get();
        assertThat(result).isSameAs(tools.answer);
        assertThat(tools.calls).hasSize(1);
        assertThat(tools.calls.get(0).name()).isEqualTo("pets___tool1");
        assertThat(tools.calls.get(0).arguments()).isEqualTo(args("{\"id\":\"7\"}"));
        assertThat(tools.calls.get(0).progress()).isSameAs(progress);
    }

    @Test
    void theCallToolNamesTheSearchWhenTheToolDoesNotExist() throws Exception {
        Tools tools = new Tools(2);
        ObjectNode result = only(tools)
                .call("call_tool", args("{\"name\":\"pets___nope\"}"), ProgressListener.NONE)
                .get();
        assertThat(errorText(result)).contains("pets___nope").contains("search_tools");
        assertThat(tools.calls).isEmpty();
    }

    @Test
    void theCallToolRefusesArgumentsThatAreNotAnObject() throws Exception {
        Tools tools = new Tools(2);
        ObjectNode result = only(tools)
                .call("call_tool", args("{\"name\":\"pets___tool1\",\"arguments\":[1]}"), ProgressListener.NONE)
                .get();
        assertThat(errorText(result)).contains("'arguments'");
        assertThat(tools.calls).isEmpty();
    }

    @Test
    void aCatalogToolWithTheSearchToolsNameStopsTheStartNamingTheSetting() {
        Tools tools = new Tools(1, "search_tools");
        assertThatThrownBy(() -> SearchingToolService.around(tools, settings(Map.of("search.mode", "add"))))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("--search.tool-name");
    }

    @Test
    void theGeneratedSearchDocumentsAreWhatTheSearchRanksBy() throws Exception {
        Path file = temp.resolve("search.json");
        Files.writeString(
                file,
                "{\"searchVersion\":1,\"tools\":[\n"
                        + "{\"name\":\"pets___tool0\",\"words\":\"feed\",\"title\":\"Feed the cat\",\"description\":\"\","
                        + "\"arguments\":\"\",\"body\":\"\",\"path\":\"\",\"tags\":\"\",\"method\":\"POST\"}\n]}\n",
                StandardCharsets.UTF_8);
        Tools tools = new Tools(3);
        tools.documents = List.of(file.toUri().toURL());
        ObjectNode result = only(tools)
                .call("search_tools", args("{\"query\":\"feed the cat\"}"), ProgressListener.NONE)
                .get();
        assertThat(result.path("structuredContent")
                        .path("tools")
                        .get(0)
                        .path("name")
                        .asString())
                .isEqualTo("pets___tool0");
    }

    @Test
    void anUnreadableSearchDocumentFallsBackToTheListings() throws Exception {
        Path file = temp.resolve("search.json");
        Files.writeString(file, "{\"searchVersion\":99,\"tools\":[]}", StandardCharsets.UTF_8);
        Tools tools = new Tools(3);
        tools.documents = List.of(file.toUri().toURL());
        ObjectNode result = only(tools)
                .call("search_tools", args("{\"query\":\"second thing\"}"), ProgressListener.NONE)
                .get();
        assertThat(result.path("structuredContent")
                        .path("tools")
                        .get(0)
                        .path("name")
                        .asString())
                .isEqualTo("pets___tool1");
    }

    @Test
    void aReadOnlyCallerFindsOnlyTheToolsItMayCall() throws Exception {
        ObjectNode result = only(new Tools(4))
                .call("search_tools", args("{\"query\":\"thing\"}"), ProgressListener.NONE, READ_ONLY)
                .get();
        JsonNode found = result.path("structuredContent").path("tools");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).path("name").asString()).isEqualTo("pets___tool0");
    }

    @Test
    void theCallToolRefusesAReadOnlyCallerAToolThatMayChangeData() throws Exception {
        Tools tools = new Tools(2);
        ObjectNode result = only(tools)
                .call("call_tool", args("{\"name\":\"pets___tool1\"}"), ProgressListener.NONE, READ_ONLY)
                .get();
        assertThat(errorText(result)).contains("pets___tool1").contains("read-only");
        assertThat(tools.calls).isEmpty();
    }

    @Test
    void theCallToolHandsTheCallerToTheTool() throws Exception {
        Tools tools = new Tools(2);
        only(tools)
                .call("call_tool", args("{\"name\":\"pets___tool0\"}"), ProgressListener.NONE, READ_ONLY)
                .get();
        assertThat(tools.calls)
                .singleElement()
                .satisfies(call -> assertThat(call.caller()).isSameAs(READ_ONLY));
    }

    @Test
    void aReadOnlyCallerSeesTheSearchTheCallToolAndTheReadOnlyTools() {
        assertThat(only(new Tools(3)).readOnlyCallerTools())
                .containsExactlyInAnyOrder("search_tools", "call_tool", "pets___tool0");
        assertThat(SearchingToolService.around(new Tools(3), settings(Map.of("search.mode", "add")))
                        .readOnlyCallerTools())
                .containsExactlyInAnyOrder("search_tools", "pets___tool0");
    }

    private static ToolService only(ToolService tools) {
        return SearchingToolService.around(tools, settings(Map.of("search.mode", "only")));
    }

    private static SearchSettings settings(Map<String, String> values) {
        return SearchSettings.from(Settings.of(values));
    }

    private static List<String> names(ToolService service) {
        return service.listings().stream().map(ToolListing::name).toList();
    }

    private static JsonNode args(String json) {
        return JSON.readTree(json);
    }

    private static String errorText(ObjectNode result) {
        assertThat(result.path("isError").asBoolean(false))
                .as("a tool error: %s", result)
                .isTrue();
        return result.path("content").get(0).path("text").asString();
    }

    private record Call(String name, JsonNode arguments, ProgressListener progress, Caller caller) {}

    /** Tools {@code pets___toolN}; "second" in tool 1's description; every call answers {@link #answer}. */
    private static final class Tools implements ToolService {
        final List<Call> calls = new ArrayList<>();
        final ObjectNode answer = JSON.createObjectNode();
        final List<ToolListing> listings = new ArrayList<>();
        final Map<String, ToolListing> byName = new HashMap<>();
        List<URL> documents = List.of();

        Tools(int count, String... extra) {
            String[] ordinals = {"first", "second", "third", "fourth", "fifth"};
            for (int i = 0; i < count; i++) {
                add("pets___tool" + i, "Does the " + ordinals[i % ordinals.length] + " thing.");
            }
            for (String name : extra) {
                add(name, "Another tool.");
            }
            answer.putArray("content").addObject().put("type", "text").put("text", "done");
        }

        private void add(String name, String description) {
            ObjectNode tool = JSON.createObjectNode().put("name", name).put("description", description);
            // Tool 0 only reads, for the read-only caller's tests.
            tool.putObject("annotations").put("readOnlyHint", name.endsWith("tool0"));
            tool.putObject("inputSchema")
                    .put("type", "object")
                    .putObject("properties")
                    .putObject("id")
                    .put("type", "string");
            ToolListing listing = ToolListing.of(tool);
            listings.add(listing);
            byName.put(name, listing);
        }

        @Override
        public List<ToolListing> listings() {
            return listings;
        }

        @Override
        public boolean hasTool(String name) {
            return byName.containsKey(name);
        }

        @Override
        public List<URL> searchDocuments() {
            return documents;
        }

        @Override
        public CompletableFuture<ObjectNode> call(String name, JsonNode arguments, ProgressListener progress) {
            return call(name, arguments, progress, Caller.LOCAL);
        }

        @Override
        public CompletableFuture<ObjectNode> call(
                String name, JsonNode arguments, ProgressListener progress, Caller caller) {
            calls.add(new Call(name, arguments, progress, caller));
            return CompletableFuture.completedFuture(answer);
        }
    }
}
