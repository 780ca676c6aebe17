package dev.apigwmcp.runtime.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ArgumentValidatorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNode SCHEMA_TREE = JSON.readTree("""
            {"type":"object","properties":{"items":{"type":"array","items":{"type":"object",
              "properties":{"qty":{"type":"integer","minimum":1}},"required":["qty"]}},
              "a/b":{"type":"string"}},"required":["items"],"additionalProperties":false}""");
    private static final Supplier<JsonNode> SCHEMA = () -> SCHEMA_TREE;

    private final ArgumentValidator validator = new ArgumentValidator();

    @Test
    void validArgumentsHaveNoProblems() {
        assertThat(validator.validate("t", SCHEMA, JSON.readTree("{\"items\":[{\"qty\":2}]}")))
                .isEmpty();
    }

    @Test
    void eachProblemNamesItsJsonPath() {
        assertThat(validator.validate("t", SCHEMA, JSON.readTree("{\"items\":[{\"qty\":0},{}],\"a/b\":1}")))
                .anySatisfy(p -> assertThat(p).startsWith("$.items[0].qty: ").contains("minimum"))
                .anySatisfy(p -> assertThat(p).startsWith("$.items[1]: ").contains("qty"))
                .anySatisfy(p -> assertThat(p).startsWith("$['a/b']: ").contains("string"));
    }

    @Test
    void missingRequiredArgumentIsReportedAtTheRoot() {
        assertThat(validator.validate("t", SCHEMA, JSON.readTree("{}")))
                .singleElement()
                .satisfies(p -> assertThat(p).startsWith("$: ").contains("items"));
    }

    @Test
    void jsonPointersBecomeJsonPaths() {
        assertThat(ValidationProblems.jsonPath("")).isEqualTo("$");
        assertThat(ValidationProblems.jsonPath("/tags/0")).isEqualTo("$.tags[0]");
        assertThat(ValidationProblems.jsonPath("/a~1b/c~0d")).isEqualTo("$['a/b']['c~d']");
    }
}
