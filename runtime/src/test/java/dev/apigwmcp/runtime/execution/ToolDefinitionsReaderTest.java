package dev.apigwmcp.runtime.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    private Map<String, ToolDefinitionsReader.Definition> read(String text) {
        return new ToolDefinitionsReader(JSON).read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                "t/tools.json", problems);
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void keepsEachToolAsCompactBytesInFileOrder() {
        Map<String, ToolDefinitionsReader.Definition> read = read("""
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
        ToolDefinitionsReader.Definition b = read.get("b");
        assertThat(b.hasOutputSchema()).isTrue();
        assertThat(utf8(b.inputSchema())).isEqualTo("{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"}}}");
        assertThat(utf8(b.listing().json())).contains("\"outputSchema\":{\"type\":\"object\"}");
        assertThat(utf8(b.listing().jsonWithoutOutputSchema())).doesNotContain("outputSchema").startsWith("{\"name\":\"b\"");
        ToolDefinitionsReader.Definition a = read.get("a");
        assertThat(a.hasOutputSchema()).isFalse();
        assertThat(a.listing().jsonWithoutOutputSchema()).isSameAs(a.listing().json());
        assertThat(utf8(a.listing().json())).isEqualTo("{\"name\":\"a\",\"description\":\"A\",\"inputSchema\":{\"type\":\"object\"}}");
    }

    @Test
    void reportsEveryBadToolWithItsIndex() {
        Map<String, ToolDefinitionsReader.Definition> read = read("""
                {"tools": [
                  "not an object",
                  {"name": "x"},
                  {"name": "y", "inputSchema": {}},
                  {"name": "y", "inputSchema": {}},
                  {"inputSchema": {}}
                ]}""");

        assertThat(read).containsOnlyKeys("y");
        assertThat(problems).containsExactly(
                "t/tools.json: tools[0] must be an object with a string 'name'",
                "t/tools.json: tools[1] ('x') has no inputSchema object",
                "t/tools.json: tools[3] repeats tool name 'y'",
                "t/tools.json: tools[4] must be an object with a string 'name'");
    }

    @Test
    void aFileWithoutAToolsArrayIsOneProblem() {
        assertThat(read("[1, 2]")).isEmpty();
        assertThat(read("{\"tools\": {}}")).isEmpty();
        assertThat(problems).containsExactly("t/tools.json: must be an object with a 'tools' array",
                "t/tools.json: must be an object with a 'tools' array");
    }

    @Test
    void malformedJsonThrows() {
        assertThatThrownBy(() -> read("{\"tools\": [{\"name\": ")).isInstanceOf(JacksonException.class);
    }
}
