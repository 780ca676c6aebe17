package dev.apigwmcp.generator.emit.java;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which output schemas are a plain object tree and get an {@code Output} record. */
class OutputTreeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A property schema {@code p} inside an object root. */
    private static JsonNode root(String property) throws Exception {
        return JSON.readTree(
                "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"},\"p\":" + property + "}}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            tolerant scalars                     | {"type":["integer","null"]}
            every scalar type                    | {"type":"object","properties":{"s":{"type":"string"},"i":{"type":"integer"},"n":{"type":"number"},"b":{"type":"boolean"}}}
            enum and format on a scalar          | {"type":"string","enum":["a","b"],"format":"date"}
            an array of scalars                  | {"type":["array","null"],"items":{"type":["string","null"]}}
            an array of plain objects            | {"type":"array","items":{"type":["object","null"],"properties":{"x":{"type":"number"}}}}
            a nullable nested object             | {"type":["object","null"],"properties":{"x":{"type":"boolean"}}}
            additionalProperties false           | {"type":"object","properties":{"x":{"type":"string"}},"additionalProperties":false}
            free-form: no type                   | {"description":"anything"}
            free-form: an empty schema           | {}
            free-form: an object, no properties  | {"type":["object","null"],"additionalProperties":true}
            an array of free-form items          | {"type":"array","items":{}}
            four levels of objects               | {"type":"object","properties":{"b":{"type":"object","properties":{"c":{"type":"object","properties":{"d":{"type":"string"}}}}}}}
            """)
    void isPlain(String name, String property) throws Exception {
        assertThat(OutputTree.isPlain(root(property))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a $ref (recursion)                   | {"$ref":"#/$defs/Owner"}
            anyOf                                | {"anyOf":[{"type":"string"},{"type":"integer"}]}
            allOf on an object                   | {"type":"object","properties":{"x":{"type":"string"}},"allOf":[{"required":["x"]}]}
            oneOf                                | {"oneOf":[{"type":"string"}]}
            patternProperties                    | {"type":"object","properties":{"x":{"type":"string"}},"patternProperties":{"^y":{"type":"string"}}}
            a typed map                          | {"type":"object","properties":{"x":{"type":"string"}},"additionalProperties":{"type":"string"}}
            several types                        | {"type":["string","integer"]}
            an array without items               | {"type":"array"}
            an array of arrays                   | {"type":"array","items":{"type":"array","items":{"type":"string"}}}
            five levels of objects               | {"type":"object","properties":{"b":{"type":"object","properties":{"c":{"type":"object","properties":{"d":{"type":"object","properties":{"e":{"type":"string"}}}}}}}}}
            const                                | {"type":"string","const":"x"}
            an enum without a type               | {"enum":["a",1]}
            """)
    void isNotPlain(String name, String property) throws Exception {
        assertThat(OutputTree.isPlain(root(property))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a root that is not an object         | {"type":"array","items":{"type":"string"}}
            a root with $defs                    | {"type":"object","properties":{"x":{"type":"string"}},"$defs":{"X":{"type":"string"}}}
            a root without properties            | {"type":"object","additionalProperties":{"type":"integer"}}
            """)
    void rootIsNotPlain(String name, String schema) throws Exception {
        assertThat(OutputTree.isPlain(JSON.readTree(schema))).isFalse();
    }

    @org.junit.jupiter.api.Test
    void moreThanSixteenObjectsAreNotPlain() throws Exception {
        StringBuilder properties = new StringBuilder();
        for (int i = 0; i < OutputTree.MAX_OBJECTS; i++) {
            properties
                    .append(i == 0 ? "" : ",")
                    .append("\"o")
                    .append(i)
                    .append("\":{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"string\"}}}");
        }
        // The root and sixteen nested objects: one too many.
        assertThat(OutputTree.isPlain(JSON.readTree("{\"type\":\"object\",\"properties\":{" + properties + "}}")))
                .isFalse();
        String fifteen = properties.substring(0, properties.lastIndexOf(",\"o"));
        assertThat(OutputTree.isPlain(JSON.readTree("{\"type\":\"object\",\"properties\":{" + fifteen + "}}")))
                .isTrue();
    }
}
