package dev.apigwmcp.runtime.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** How generated output records read members: typed only when the value writes back equal. */
class OutputReaderTest {

    /** As the gateway reads answers: decimals as BigDecimal. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    @Test
    void integersOfEverySizeThatFitALongAreTypedAndWriteBackAsTheSameNode() {
        OutputReader reader = OutputReader.of(JSON.readTree("{\"i\":7,\"l\":12345678901,\"n\":-2147483649}"));
        assertThat(List.of(reader.integer("i"), reader.integer("l"), reader.integer("n")))
                .containsExactly(7L, 12345678901L, -2147483649L);
        assertThat(reader.additional()).isEmpty();
        for (String value : List.of("7", "12345678901", "-2147483649")) {
            assertThat(OutputReader.toJson(Long.valueOf(value))).isEqualTo(JSON.readTree(value));
        }
    }

    @Test
    void integersThatDoNotFitALongOrAreWrittenAsDecimalsStayAdditional() {
        JsonNode answer = JSON.readTree("{\"big\":123456789012345678901234567890,\"one\":1.0,\"text\":\"7\"}");
        OutputReader reader = OutputReader.of(answer);
        assertThat(reader.integer("big")).isNull();
        assertThat(reader.integer("one")).isNull();
        assertThat(reader.integer("text")).isNull();
        assertThat(reader.additional()).containsOnlyKeys("big", "one", "text");
    }

    @Test
    void numbersKeepTheirDigitsAndIntegralNumbersStayIntegral() {
        OutputReader reader = OutputReader.of(JSON.readTree("{\"price\":12.50,\"count\":3,\"huge\":1E+400}"));
        BigDecimal price = reader.number("price");
        assertThat(price.toPlainString()).isEqualTo("12.50");
        assertThat(OutputReader.toJson(price)).isEqualTo(JSON.readTree("12.50"));
        assertThat(OutputReader.toJson(reader.number("count"))).isEqualTo(JSON.readTree("3"));
        assertThat(OutputReader.toJson(reader.number("huge"))).isEqualTo(JSON.readTree("1E+400"));
        assertThat(reader.additional()).isEmpty();
    }

    @Test
    void aBinaryFloatingPointNodeStaysAdditionalRatherThanChangingKind() {
        ObjectNode answer = JsonNodeFactory.instance.objectNode().put("price", 1.5d);
        OutputReader reader = OutputReader.of(answer);
        assertThat(reader.number("price")).isNull();
        assertThat(reader.additional()).containsEntry("price", answer.get("price"));
    }

    @Test
    void anExplicitNullReadsAsNullAndStaysAdditional() {
        OutputReader reader = OutputReader.of(JSON.readTree("{\"name\":null}"));
        assertThat(reader.string("name")).isNull();
        assertThat(reader.additional()).containsOnlyKeys("name");
    }

    @Test
    void aListWithOneMisfitElementStaysAdditionalWhole() {
        OutputReader reader = OutputReader.of(JSON.readTree("{\"tags\":[\"a\",null,3],\"ok\":[\"a\",null]}"));
        assertThat(reader.list("tags", OutputReader.Element.STRING)).isNull();
        assertThat(reader.list("ok", OutputReader.Element.STRING)).containsExactly("a", null);
        assertThat(reader.additional()).containsOnlyKeys("tags");
    }

    @Test
    void aComponentSetByTheCallerWinsOverAnAdditionalMemberOfTheSameName() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        OutputReader.put(node, "name", "Rex");
        OutputReader.withAdditional(node, java.util.Map.of("name", JSON.readTree("7"), "x", JSON.readTree("1")));
        assertThat(node).isEqualTo(JSON.readTree("{\"name\":\"Rex\",\"x\":1}"));
    }

    @Test
    void readingSomethingOtherThanAnObjectNamesWhatItGot() {
        assertThatThrownBy(() -> OutputReader.of(JSON.readTree("[1]")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not array");
    }
}
