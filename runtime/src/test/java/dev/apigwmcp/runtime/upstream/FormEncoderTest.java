package dev.apigwmcp.runtime.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigwmcp.runtime.spi.ArgumentException;
import dev.apigwmcp.runtime.spi.QueryStyle;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FormEncoderTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static String encode(String body) {
        return encode(body, Map.of());
    }

    private static String encode(String body, Map<String, QueryStyle> styles) {
        JsonNode node = JSON.readTree(body);
        return FormEncoder.encode("body", node, styles);
    }

    @Test
    void membersBecomePairsInTheObjectsOrder() {
        assertThat(encode("{\"b\":\"2\",\"a\":\"1\"}")).isEqualTo("b=2&a=1");
    }

    @Test
    void spacesBecomePlus() {
        assertThat(encode("{\"q\":\"a b  c\"}")).isEqualTo("q=a+b++c");
    }

    @Test
    void reservedCharactersArePercentEncoded() {
        assertThat(encode("{\"k&=+%\":\"v&=+%/?#;,\"}")).isEqualTo("k%26%3D%2B%25=v%26%3D%2B%25%2F%3F%23%3B%2C");
    }

    @Test
    void theWhatwgSafeCharactersAreKept() {
        assertThat(encode("{\"a\":\"AZaz09*-._~!'()\"}")).isEqualTo("a=AZaz09*-._%7E%21%27%28%29");
    }

    @Test
    void unicodeIsEncodedFromUtf8() {
        assertThat(encode("{\"name\":\"Zoë 😀\"}")).isEqualTo("name=Zo%C3%AB+%F0%9F%98%80");
    }

    @Test
    void booleansAreTrueAndFalse() {
        assertThat(encode("{\"a\":true,\"b\":false}")).isEqualTo("a=true&b=false");
    }

    @Test
    void numbersAreSentAsWritten() {
        assertThat(encode("{\"i\":42,\"n\":-7,\"d\":12.50,\"big\":12345678901234567890}"))
                .isEqualTo("i=42&n=-7&d=12.50&big=12345678901234567890");
    }

    @Test
    void nullMembersAreLeftOut() {
        assertThat(encode("{\"a\":null,\"b\":\"x\"}")).isEqualTo("b=x");
    }

    @Test
    void emptyStringsAreSentAsEmptyValues() {
        assertThat(encode("{\"a\":\"\"}")).isEqualTo("a=");
    }

    @Test
    void arraysAreRepeatedKeys() {
        assertThat(encode("{\"tag\":[\"a b\",\"c\",3]}")).isEqualTo("tag=a+b&tag=c&tag=3");
    }

    @Test
    void anEmptyArraySendsNothing() {
        assertThat(encode("{\"tag\":[],\"a\":\"1\"}")).isEqualTo("a=1");
    }

    @Test
    void anArrayWithFormStyleUnexplodedIsCommaJoined() {
        assertThat(encode("{\"tag\":[\"a\",\"b,c\"]}", Map.of("tag", QueryStyle.FORM)))
                .isEqualTo("tag=a%2Cb%2Cc");
    }

    @Test
    void pipeAndSpaceDelimitedArraysAreJoined() {
        assertThat(encode(
                        "{\"p\":[\"a\",\"b\"],\"s\":[\"a\",\"b\"]}",
                        Map.of("p", QueryStyle.PIPE_DELIMITED, "s", QueryStyle.SPACE_DELIMITED)))
                .isEqualTo("p=a%7Cb&s=a+b");
    }

    @Test
    void aDeepObjectMemberBecomesBracketedKeys() {
        assertThat(encode(
                        "{\"metadata\":{\"order\":\"7\",\"gift\":true,\"skip\":null}}",
                        Map.of("metadata", QueryStyle.DEEP_OBJECT)))
                .isEqualTo("metadata%5Border%5D=7&metadata%5Bgift%5D=true");
    }

    @Test
    void anExplodedFormObjectSpreadsItsMembers() {
        assertThat(encode("{\"point\":{\"x\":1,\"y\":2}}", Map.of("point", QueryStyle.FORM_EXPLODED)))
                .isEqualTo("x=1&y=2");
    }

    @Test
    void anUnexplodedFormObjectIsKeyValueJoined() {
        assertThat(encode("{\"point\":{\"x\":1,\"y\":2}}", Map.of("point", QueryStyle.FORM)))
                .isEqualTo("point=x%2C1%2Cy%2C2");
    }

    @Test
    void anObjectWithoutADeclaredStyleIsSentAsItsJsonText() {
        assertThat(encode("{\"meta\":{\"a\":\"b c\",\"n\":[1]}}"))
                .isEqualTo("meta=%7B%22a%22%3A%22b+c%22%2C%22n%22%3A%5B1%5D%7D");
    }

    @Test
    void anArrayOfObjectsSendsEachAsJsonText() {
        assertThat(encode("{\"item\":[{\"a\":1},{\"a\":2}]}"))
                .isEqualTo("item=%7B%22a%22%3A1%7D&item=%7B%22a%22%3A2%7D");
    }

    @Test
    void aNullArrayElementIsAnArgumentErrorNamingTheMember() {
        assertThatThrownBy(() -> encode("{\"tag\":[\"a\",null]}"))
                .isInstanceOfSatisfying(ArgumentException.class, e -> {
                    assertThat(e.argument()).isEqualTo("body");
                    assertThat(e.getMessage()).contains("member 'tag' contains null");
                });
    }

    @Test
    void anUnpairedSurrogateIsAnArgumentErrorRatherThanAQuestionMark() {
        assertThatThrownBy(() -> encode("{\"a\":\"x\\udc00\"}"))
                .isInstanceOfSatisfying(
                        ArgumentException.class,
                        e -> assertThat(e.getMessage()).contains("member 'a'", "unpaired UTF-16 surrogate (U+DC00)"));
    }

    @Test
    void aBodyThatIsNotAnObjectIsAnArgumentError() {
        assertThatThrownBy(() -> encode("[1,2]"))
                .isInstanceOfSatisfying(
                        ArgumentException.class,
                        e -> assertThat(e.getMessage()).contains("must be an object of form fields, not array"));
    }
}
