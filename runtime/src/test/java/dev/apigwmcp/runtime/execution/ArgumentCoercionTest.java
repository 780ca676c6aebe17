package dev.apigwmcp.runtime.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.runtime.protocol.JsonRpc;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ArgumentCoercionTest {

    /** Parsed as the protocol layer parses tools/call arguments. */
    private static JsonNode json(String text) {
        return JsonRpc.MAPPER.readTree(text);
    }

    private static JsonNode coerce(String properties, Set<String> parameters, String arguments) {
        JsonNode schema = json("{\"type\":\"object\",\"properties\":" + properties + "}");
        return ArgumentCoercion.of(schema, parameters).apply(json(arguments));
    }

    @Test
    void anIntegerForAStringParameterBecomesItsText() {
        assertThat(coerce("{\"petId\":{\"type\":\"string\"}}", Set.of("petId"), "{\"petId\":7}"))
                .isEqualTo(json("{\"petId\":\"7\"}"));
    }

    @Test
    void aBooleanForAStringParameterBecomesItsText() {
        assertThat(coerce("{\"flag\":{\"type\":\"string\"}}", Set.of("flag"), "{\"flag\":false}"))
                .isEqualTo(json("{\"flag\":\"false\"}"));
    }

    @Test
    void aDecimalKeepsEveryDigitAsWritten() {
        assertThat(coerce("{\"price\":{\"type\":\"string\"}}", Set.of("price"), "{\"price\":1.50}")
                        .get("price")
                        .stringValue())
                .isEqualTo("1.50");
        assertThat(coerce(
                                "{\"price\":{\"type\":\"string\"}}",
                                Set.of("price"),
                                "{\"price\":12345678901234567890.123456789012345}")
                        .get("price")
                        .stringValue())
                .isEqualTo("12345678901234567890.123456789012345");
    }

    @Test
    void aHugeIntegerKeepsEveryDigit() {
        assertThat(coerce("{\"id\":{\"type\":\"string\"}}", Set.of("id"), "{\"id\":123456789012345678901234567890}")
                        .get("id")
                        .stringValue())
                .isEqualTo("123456789012345678901234567890");
    }

    @Test
    void anExponentIsWrittenOutPlainly() {
        assertThat(coerce("{\"n\":{\"type\":\"string\"}}", Set.of("n"), "{\"n\":1e3}")
                        .get("n")
                        .stringValue())
                .isEqualTo("1000");
    }

    @Test
    void stringArrayElementsAreCoercedOneByOne() {
        assertThat(coerce(
                        "{\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}}",
                        Set.of("tags"),
                        "{\"tags\":[1,\"a\",true,2.50]}"))
                .isEqualTo(json("{\"tags\":[\"1\",\"a\",\"true\",\"2.50\"]}"));
    }

    @Test
    void objectsNullsAndNonStringArraysAreLeftAlone() {
        String properties = "{\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"string\"},\"c\":{\"type\":\"string\"},"
                + "\"d\":{\"type\":\"array\",\"items\":{\"type\":\"integer\"}},"
                + "\"e\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}}";
        String arguments = "{\"a\":{\"x\":1},\"b\":null,\"c\":[1,2],\"d\":[1,2],\"e\":[{\"x\":1},null]}";
        assertThat(coerce(properties, Set.of("a", "b", "c", "d", "e"), arguments))
                .isEqualTo(json(arguments));
    }

    @Test
    void argumentsThatAreNotParametersAreNeverCoerced() {
        String properties = "{\"body\":{\"type\":\"string\"},\"id\":{\"type\":\"string\"}}";
        assertThat(coerce(properties, Set.of("id"), "{\"body\":5,\"id\":5}"))
                .isEqualTo(json("{\"body\":5,\"id\":\"5\"}"));
    }

    @Test
    void aValueTheSchemaAcceptsAsItIsStaysAsItIs() {
        String properties = "{\"a\":{\"type\":[\"string\",\"integer\"]},\"b\":{\"type\":[\"string\",\"number\"]},"
                + "\"c\":{\"type\":[\"string\",\"boolean\"]},\"d\":{\"type\":\"integer\"}}";
        assertThat(coerce(properties, Set.of("a", "b", "c", "d"), "{\"a\":7,\"b\":7.5,\"c\":true,\"d\":7}"))
                .isEqualTo(json("{\"a\":7,\"b\":7.5,\"c\":true,\"d\":7}"));
        assertThat(coerce(properties, Set.of("a"), "{\"a\":7.5}")).isEqualTo(json("{\"a\":\"7.5\"}"));
        assertThat(coerce(properties, Set.of("a"), "{\"a\":7.0}").get("a").isNumber())
                .isTrue();
    }

    @Test
    void nullableAnyOfRefAndStringEnumSchemasAskForAString() {
        JsonNode schema = json("{\"type\":\"object\",\"properties\":{"
                + "\"a\":{\"type\":[\"string\",\"null\"]},"
                + "\"b\":{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"null\"}]},"
                + "\"c\":{\"$ref\":\"#/$defs/Id\"},"
                + "\"d\":{\"enum\":[\"1\",\"2\"]}},"
                + "\"$defs\":{\"Id\":{\"type\":\"string\"}}}");
        assertThat(ArgumentCoercion.of(schema, Set.of("a", "b", "c", "d"))
                        .apply(json("{\"a\":1,\"b\":2,\"c\":3,\"d\":1}")))
                .isEqualTo(json("{\"a\":\"1\",\"b\":\"2\",\"c\":\"3\",\"d\":\"1\"}"));
    }

    @Test
    void nothingToCoerceReturnsTheSameTreeAndTheCallersTreeIsNeverChanged() {
        JsonNode schema = json("{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"}}}");
        ArgumentCoercion coercion = ArgumentCoercion.of(schema, Set.of("id"));
        JsonNode strings = json("{\"id\":\"7\"}");
        assertThat(coercion.apply(strings)).isSameAs(strings);
        JsonNode numbers = json("{\"id\":7}");
        assertThat(coercion.apply(numbers)).isEqualTo(json("{\"id\":\"7\"}"));
        assertThat(numbers).isEqualTo(json("{\"id\":7}"));
    }

    @Test
    void aToolWithoutParametersHasNoCoercion() {
        assertThat(ArgumentCoercion.of(
                        json("{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"}}}"), Set.of()))
                .isSameAs(ArgumentCoercion.NONE);
    }

    @Test
    void jsonTextForAnObjectArgumentBecomesTheObject() {
        assertThat(coerce("{\"body\":{\"type\":\"object\"}}", Set.of(), "{\"body\":\"{\\\"type\\\":\\\"dog\\\"}\"}"))
                .isEqualTo(json("{\"body\":{\"type\":\"dog\"}}"));
    }

    @Test
    void jsonTextForAnArrayArgumentBecomesTheArray() {
        assertThat(coerce("{\"ids\":{\"type\":\"array\"}}", Set.of(), "{\"ids\":\" [1, 2] \"}"))
                .isEqualTo(json("{\"ids\":[1,2]}"));
    }

    @Test
    void jsonTextForAStringArgumentStaysAString() {
        String arguments = "{\"note\":\"{\\\"a\\\":1}\",\"either\":\"{\\\"a\\\":1}\"}";
        assertThat(coerce(
                        "{\"note\":{\"type\":\"string\"},\"either\":{\"type\":[\"object\",\"string\"]}}",
                        Set.of("note"),
                        arguments))
                .isEqualTo(json(arguments));
    }

    @Test
    void textThatIsNotTheJsonTheSchemaAsksForStaysAString() {
        String arguments = "{\"a\":\"{not json\",\"b\":\"[1,2]\",\"c\":\"{} extra\",\"d\":\"dog\"}";
        assertThat(coerce(
                        "{\"a\":{\"type\":\"object\"},\"b\":{\"type\":\"object\"},\"c\":{\"type\":\"object\"},"
                                + "\"d\":{\"type\":\"object\"}}",
                        Set.of(),
                        arguments))
                .isEqualTo(json(arguments));
    }
}
