package it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.runtime.spi.GeneratedTool;
import dev.apigwmcp.runtime.spi.QueryStyle;
import dev.apigwmcp.runtime.spi.ToolRegistry;
import dev.apigwmcp.runtime.spi.Arguments;
import dev.apigwmcp.runtime.spi.UpstreamRequestBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Loads the generated registry the way the runtime does and runs one generated tool. */
class GeneratedRegistryTest {

    @Test
    void registryListsTheFilteredToolsWithTheOverrideName() {
        List<ToolRegistry> registries = new ArrayList<>();
        ServiceLoader.load(ToolRegistry.class).forEach(registries::add);

        assertThat(registries).extracting(ToolRegistry::targetName).containsExactly("petstore");
        List<String> names = registries.get(0).toolNames();
        assertThat(names).hasSize(4).contains("petstore___getPet").isSorted();
        assertThat(getClass().getClassLoader().getResource(registries.get(0).resourceFolder() + "tools.json"))
                .isNotNull();
    }

    @Test
    void generatedToolPutsItsArgumentIntoThePath() {
        ToolRegistry registry = ServiceLoader.load(ToolRegistry.class).findFirst().orElseThrow();
        GeneratedTool<?> tool = registry.newTool("petstore___getPet");
        assertThat(tool.name()).isEqualTo("petstore___getPet");
        JsonNode arguments = JsonMapper.builder().build().readTree("{\"petId\":\"42\"}");
        List<String> calls = new ArrayList<>();

        tool.writeRequest(arguments, new Recorder(calls));

        assertThat(calls).containsExactly("path petId=42 (argument petId)");
    }

    /** Records what the generated code asks of the request builder; absent (null) values are not sent. */
    private record Recorder(List<String> calls) implements UpstreamRequestBuilder {
        @Override public UpstreamRequestBuilder method(String argument, String method) {
            calls.add("method " + method); return this; }
        @Override public UpstreamRequestBuilder pathParameter(String argument, String name, Object value) {
            calls.add("path " + name + "=" + Arguments.text(value) + " (argument " + argument + ")"); return this; }
        @Override public UpstreamRequestBuilder greedyPathParameter(String argument, String name, Object value) {
            calls.add("greedy " + name + "=" + Arguments.text(value)); return this; }
        @Override public UpstreamRequestBuilder queryParameter(String argument, String name, Object value) {
            if (value != null) { calls.add("query " + name + "=" + Arguments.text(value)); } return this; }
        @Override public UpstreamRequestBuilder queryParameter(String argument, String name, List<?> values,
                                                                QueryStyle style) {
            if (values != null) { calls.add("query " + name + "=" + Arguments.texts(values)); } return this; }
        @Override public UpstreamRequestBuilder queryObject(String argument, String name, JsonNode object,
                                                            QueryStyle style) {
            if (object != null) { calls.add("object " + name + "=" + object); } return this; }
        @Override public UpstreamRequestBuilder header(String argument, String name, Object value) {
            if (value != null) { calls.add("header " + name + "=" + Arguments.text(value)); } return this; }
        @Override public UpstreamRequestBuilder cookie(String argument, String name, Object value) {
            if (value != null) { calls.add("cookie " + name + "=" + Arguments.text(value)); } return this; }
        @Override public UpstreamRequestBuilder jsonBody(String argument, String mediaType, Object body) {
            if (body != null) { calls.add("json " + Arguments.toJson(body)); } return this; }
        @Override public UpstreamRequestBuilder textBody(String argument, String mediaType, String body) {
            if (body != null) { calls.add("text " + body); } return this; }
        @Override public UpstreamRequestBuilder formBody(
                String argument, String mediaType, Object body, java.util.Map<String, QueryStyle> styles) {
            if (body != null) { calls.add("form " + Arguments.toJson(body)); } return this; }
        @Override public UpstreamRequestBuilder multipartBody(
                String argument, String mediaType, Object body, java.util.Map<String, String> files) {
            if (body != null) { calls.add("multipart " + Arguments.toJson(body)); } return this; }
        @Override public UpstreamRequestBuilder binaryBody(
                String argument, String mediaType, String body, String typeArgument, String contentType) {
            if (body != null) { calls.add("binary " + mediaType + " " + body); } return this; }
    }
}
