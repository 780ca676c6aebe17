package dev.apigwmcp.runtime.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigwmcp.runtime.tools.ToolListing;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class ToolDefinitionsReaderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final List<String> problems = new ArrayList<>();

    private Map<String, ToolListing> read(String text) {
        return new ToolDefinitionsReader(JSON)
                .read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t/tools.json", problems);
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void keepsEachToolAsCompactBytesInFileOrder() {
        Map<String, ToolListing> read = read("""
                {"version": 1, "meta": {"x": [1, 2]},
                 "tools": [
                   {"name": "b", "inputSchema": {"type": "object", "properties": {"id": {"type": "string"}}},
                    "outputSchema": {"type": "object"}},
                   {"name": "a", "description": "A", "inputSchema": {"type": "object"}}
                 ],
                 "after": true}""");

        assertThat(problems).isEmpty();
        assertThat(read).containsOnlyKeys("b", "a");
        assertThat(read.keySet()).containsExactly("b", "a");
        ToolListing b = read.get("b");
        assertThat(b.hasOutputSchema()).isTrue();
        assertThat(utf8(b.json()))
                .isEqualTo("{\"name\":\"b\",\"inputSchema\":{\"type\":\"object\",\"properties\":"
                        + "{\"id\":{\"type\":\"string\"}}},\"outputSchema\":{\"type\":\"object\"}}");
        assertThat(b.json()).isEqualTo(JSON.writeValueAsBytes(b.definition()));
        assertThat(utf8(b.jsonWithoutOutputSchema()))
                .doesNotContain("outputSchema")
                .startsWith("{\"name\":\"b\"");
        ToolListing a = read.get("a");
        assertThat(a.hasOutputSchema()).isFalse();
        assertThat(a.jsonWithoutOutputSchema()).isSameAs(a.json());
        assertThat(utf8(a.json()))
                .isEqualTo("{\"name\":\"a\",\"description\":\"A\",\"inputSchema\":{\"type\":\"object\"}}");
    }

    @Test
    void theCopyIsByteForByteWhatSerialisingTheTreeGives() {
        String tool = """
                {"name": "n", "description": "caf\u00e9 \\"quoted\\" \\u2028 line\\nbreak \\u0001",
                 "inputSchema": {"type": "object", "properties": {
                   "x": {"type": "number", "minimum": 0.1, "maximum": 1e300, "multipleOf": 0.01, "default": -0.0},
                   "big": {"type": "integer", "default": 123456789012345678901234567890},
                   "e": {"enum": [null, true, false, 1, "1", [], {}]}}},
                 "annotations": {"readOnlyHint": true}}""";
        ToolListing read = read("{\"tools\": [" + tool + "]}").get("n");

        assertThat(problems).isEmpty();
        assertThat(utf8(read.json())).isEqualTo(utf8(JSON.writeValueAsBytes(JSON.readTree(tool))));
    }

    @Test
    void reportsEveryBadToolWithItsIndex() {
        Map<String, ToolListing> read = read("""
                {"tools": [
                  "not an object",
                  {"name": "x"},
                  {"name": "y", "inputSchema": {}},
                  {"name": "y", "inputSchema": {}},
                  {"inputSchema": {}}
                ]}""");

        assertThat(read).containsOnlyKeys("y");
        assertThat(problems)
                .containsExactly(
                        "t/tools.json: tools[0] must be an object with a string 'name'",
                        "t/tools.json: tools[1] ('x') has no inputSchema object",
                        "t/tools.json: tools[3] repeats tool name 'y'",
                        "t/tools.json: tools[4] must be an object with a string 'name'");
    }

    @Test
    void aFileWithoutAToolsArrayIsOneProblem() {
        assertThat(read("[1, 2]")).isEmpty();
        assertThat(read("{\"tools\": {}}")).isEmpty();
        assertThat(problems)
                .containsExactly(
                        "t/tools.json: must be an object with a 'tools' array",
                        "t/tools.json: must be an object with a 'tools' array");
    }

    @Test
    void malformedJsonThrows() {
        assertThatThrownBy(() -> read("{\"tools\": [{\"name\": ")).isInstanceOf(JacksonException.class);
    }
}
