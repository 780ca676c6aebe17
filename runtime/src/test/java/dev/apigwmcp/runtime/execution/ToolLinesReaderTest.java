package dev.apigwmcp.runtime.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.runtime.tools.ToolListing;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class ToolLinesReaderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String B = "{\"name\":\"t___b\",\"description\":\"has \\\"outputSchema\\\": {in text} [\","
            + "\"inputSchema\":{\"type\":\"object\",\"properties\":{\"outputSchema\":{\"type\":\"string\"}}},"
            + "\"outputSchema\":{\"type\":\"object\"},\"annotations\":{\"readOnlyHint\":true}}";
    private static final String A = "{\"name\":\"t___a\",\"inputSchema\":{\"type\":\"object\",\"properties\":"
            + "{\"outputSchema\":{\"type\":\"string\",\"description\":\"\\\"outputSchema\\\":\"}}}}";

    private static Map<String, ToolListing> read(String text) {
        return ToolLinesReader.read(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheGeneratorsLayoutWithoutAParserAndAgreesWithTheParser() {
        String file = "{\"tools\":[\n" + B + ",\n" + A + "\n]}\n";
        Map<String, ToolListing> lines = read(file);
        assertThat(lines).isNotNull();
        assertThat(lines.keySet()).containsExactly("t___b", "t___a");
        assertThat(lines.get("t___b").hasOutputSchema()).isTrue();
        // Only a top-level member counts: A mentions outputSchema as a property name and inside a string.
        assertThat(lines.get("t___a").hasOutputSchema()).isFalse();
        assertThat(new String(lines.get("t___b").json(), StandardCharsets.UTF_8))
                .isEqualTo(B);

        List<String> problems = new ArrayList<>();
        Map<String, ToolListing> parsed = new ToolDefinitionsReader(JSON)
                .read(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), "t", problems);
        assertThat(problems).isEmpty();
        assertThat(parsed.keySet()).containsExactlyElementsOf(lines.keySet());
        for (String name : parsed.keySet()) {
            assertThat(lines.get(name).json()).isEqualTo(parsed.get(name).json());
            assertThat(lines.get(name).hasOutputSchema())
                    .isEqualTo(parsed.get(name).hasOutputSchema());
        }
    }

    @Test
    void anEmptyListIsEmpty() {
        assertThat(read("{\"tools\":[\n]}\n")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\n  \"tools\" : [ ]\n}\n", // pretty-printed
                "{\"tools\":[\n{\"name\":\"a\",\"inputSchema\":{}}\n]}", // no final newline
                "{\"tools\":[\n{\"name\":\"a\",\"inputSchema\":{}}\n{\"name\":\"b\",\"inputSchema\":{}}\n]}\n", // no
                // comma
                "{\"tools\":[\n{\"name\":\"a\",\"inputSchema\":{}},\n{\"name\":\"a\",\"inputSchema\":{}}\n]}\n", // repeated
                "{\"tools\":[\n{\"name\":\"a b\",\"inputSchema\":{}}\n]}\n", // a name the generator never writes
                "{\"tools\":[\n{\"name\":\"a\",\"description\":\"x\"}\n]}\n", // no inputSchema
                "{\"tools\":[\n{\"name\":\"a\",\"inputSchema\":{}}}\n]}\n", // unbalanced
                "{\"tools\":[\n{\"name\":\"a\",\"inputSchema\":{\"x\":\"open}}\n]}\n", // unterminated string
                "{\"tools\":[\n{\"description\":\"x\",\"name\":\"a\",\"inputSchema\":{}}\n]}\n", // name not first
            })
    void anythingElseIsLeftToTheParser(String file) {
        assertThat(read(file)).isNull();
    }
}
