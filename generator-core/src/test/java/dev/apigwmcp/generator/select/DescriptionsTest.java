package dev.apigwmcp.generator.select;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.generator.RandomTexts;
import dev.apigwmcp.generator.model.ApiOperation;
import dev.apigwmcp.generator.model.HttpMethod;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DescriptionsTest {

    private static ApiOperation operation(String summary, String description, String resource) {
        return operation(summary, description, resource, false);
    }

    private static ApiOperation operation(String summary, String description, String resource, boolean deprecated) {
        return new ApiOperation(
                "/pets",
                HttpMethod.GET,
                "/paths",
                null,
                summary,
                description,
                resource,
                List.of(),
                null,
                null,
                List.of(),
                null,
                null,
                deprecated,
                List.of());
    }

    @Test
    void summaryAndDescriptionAreJoinedWithNormalisedWhitespace() {
        assertThat(Descriptions.describe(operation("List pets", "Returns a\n  page.", null), null))
                .isEqualTo("List pets. Returns a page.");
        assertThat(Descriptions.describe(operation("List pets:", "all of them", null), null))
                .isEqualTo("List pets: all of them");
    }

    @Test
    void fallbacksAreOverrideThenResourceThenMethodAndPath() {
        assertThat(Descriptions.describe(operation("s", "d", "r"), " Mine ")).isEqualTo("Mine");
        assertThat(Descriptions.describe(operation(null, null, "The pets."), null))
                .isEqualTo("The pets.");
        assertThat(Descriptions.describe(operation(null, null, null), null)).isEqualTo("GET /pets");
    }

    @Test
    void aDeprecatedOperationsDescriptionSaysSoFirst() {
        assertThat(Descriptions.describe(operation("List pets", null, null, true), null))
                .isEqualTo("Deprecated. List pets");
        assertThat(Descriptions.describe(operation(null, null, null, true), null))
                .isEqualTo("Deprecated. GET /pets");
    }

    @Test
    void anOverridesDescriptionOfADeprecatedOperationIsKeptAsWritten() {
        assertThat(Descriptions.describe(operation("List pets", null, null, true), "Use listAnimals."))
                .isEqualTo("Use listAnimals.");
    }

    @Test
    void cutsAtAWordBoundaryWithAnEllipsis() {
        String cut = Descriptions.cut("one two three four five six", 14);
        assertThat(cut).isEqualTo("one two three…").hasSizeLessThanOrEqualTo(14);
    }

    @Test
    void normalizeIsTheRegularExpressionsResult() {
        List<String> texts = new ArrayList<>(List.of(
                "",
                " ",
                "a",
                " a ",
                "a  b",
                "a\tb",
                "a \n b",
                "\n\na\r\n",
                "a\u000Bb\fc",
                "a\u00A0b",
                "\u0001a\u0001",
                "a \u2028 b",
                "x y z",
                " x  y\tz\n"));
        texts.addAll(RandomTexts.of(11, "ab \t\n\r\f\u000B\u0001\u00A0é", 2000, 16));
        for (String text : texts) {
            assertThat(Descriptions.normalize(text))
                    .as("%s", text)
                    .isEqualTo(text.replaceAll("\\s+", " ").trim());
        }
        assertThat(Descriptions.normalize(null)).isEmpty();
    }
}
