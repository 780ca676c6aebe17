package dev.apigwmcp.runtime.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The output check must reject whatever the TypeScript SDK client's validator (ajv 8 with ajv-formats 3, full
 * mode) rejects; the expected verdicts below are ajv's.
 */
class OutputValidatorTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final OutputValidator validator = new OutputValidator();
    private int toolCount;

    private List<String> check(String schema, String value) {
        JsonNode tree = JSON.readTree(schema);
        return validator.problems("t" + toolCount++, () -> tree, JSON.readTree("{\"v\":" + value + "}"));
    }

    private boolean conforms(String propertySchema, String value) {
        return check("{\"type\":\"object\",\"properties\":{\"v\":" + propertySchema + "}}", value)
                .isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "int32 | 2147483647 | true",
                "int32 | 2147483648 | false",
                "int32 | -2147483649 | false",
                "int32 | 7.5 | false",
                "int32 | 7.0 | true",
                "int32 | \"text\" | true",
                "int64 | 9007199254740993 | true",
                "int64 | 1.5 | false",
                "byte | \"aGVsbG8=\" | true",
                "byte | \"aGVsbG8\" | false",
                "byte | \"aGVs bG8=\" | false",
                "float | 1.5 | true",
                "double | 1.5 | true",
                "password | \"x\" | true",
                "binary | \"x\" | true"
            })
    void openApiFormatsAreCheckedAsAjvFormatsChecksThem(String format, String value, boolean valid) {
        assertThat(conforms("{\"format\":\"" + format + "\"}", value)).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "date-time | 2020-01-01T00:00:00Z | true",
                "date-time | 2020-01-01 | false",
                "date | 2020-02-30 | false",
                "uuid | 123e4567-e89b-12d3-a456-426614174000 | true",
                "uuid | 7 | false",
                "email | a.b@example.com | true",
                "email | someone@corp.internal | true",
                "email | a@b | false",
                "email | a..b@example.com | false",
                "email | a@-b.example | false",
                "url | https://api.example.com/v1/a?b=c | true",
                "url | https://api.example.com | true",
                "url | mailto:a@b.example | false",
                "url | https://localhost/x | false",
                "url | https://api.example.com?x=1 | false",
                "url | https://a.example/b c | false",
                "iso-time | 12:30:00 | true",
                "iso-time | 12:30:00.5+01:00 | true",
                "iso-time | 24:00:00 | false",
                "iso-date-time | 2020-01-01T12:30:00 | true",
                "iso-date-time | 2020-01-01 12:30:00Z | true",
                "iso-date-time | 2020-02-30T12:30:00 | false",
                "json-pointer-uri-fragment | #/a/b%20c/~1 | true",
                "json-pointer-uri-fragment | #/a b | false",
                "uri-template | https://x.example/{id} | true",
                "uri-template | https://x.example/{id} x | false",
                "uri-template | it's | false",
                "email | a@[127.0.0.1] | false",
                "ipv4 | 256.1.1.1 | false",
                "uri | not a uri | false"
            })
    void standardFormatsAreAsserted(String format, String value, boolean valid) {
        String json = value.startsWith("\"") ? value : "\"" + value + "\"";
        assertThat(conforms("{\"format\":\"" + format + "\"}", json)).isEqualTo(valid);
    }

    @Test
    void aQuotedLocalPartIsNotAnAddressForAjvFormats() {
        assertThat(conforms("{\"format\":\"email\"}", "\"\\\"a b\\\"@example.com\""))
                .isFalse();
        assertThat(ClientFormats.plainAddress("\"a b\"@example.com")).isFalse();
    }

    @Test
    void aLongHostnameIsRejectedAsAjvFormatsRejectsIt() {
        String label = "a".repeat(60);
        assertThat(conforms(
                        "{\"format\":\"hostname\"}", "\"" + String.join(".", label, label, label, label, label) + "\""))
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"phone", "color", "alpha", "utc-millisec", "idn-email", "iri", "made-up"})
    void formatsTheClientDoesNotKnowAcceptAnything(String format) {
        assertThat(conforms("{\"format\":\"" + format + "\"}", "\"!! not that !!\""))
                .isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "0.07, 0.01, false",
        "0.3, 0.1, false",
        "0.5, 0.25, true",
        "10, 5, true",
        "7, 2, false",
        "1e21, 1, false",
        "0, 0.1, true"
    })
    void multipleOfIsComputedInFloatingPointAsJavaScriptDoes(String value, String divisor, boolean valid) {
        assertThat(conforms("{\"multipleOf\":" + divisor + "}", value)).isEqualTo(valid);
    }

    @Test
    void aDollarMatchesOnlyAtTheVeryEndAsInJavaScript() {
        assertThat(conforms("{\"pattern\":\"^[a-z]+$\"}", "\"abc\"")).isTrue();
        assertThat(conforms("{\"pattern\":\"^[a-z]+$\"}", "\"abc\\n\"")).isFalse();
        assertThat(conforms("{\"pattern\":\"^[a-z$]+$\"}", "\"a$c\"")).isTrue();
        assertThat(conforms("{\"pattern\":\"^a\\\\$\"}", "\"a$\"")).isTrue();
    }

    @Test
    void whiteSpaceClassesAreJavaScriptsWiderOnes() {
        assertThat(conforms("{\"pattern\":\"^\\\\S+$\"}", "\"a\\u00a0b\"")).isFalse();
        assertThat(conforms("{\"pattern\":\"^a\\\\sb$\"}", "\"a\\u00a0b\"")).isTrue();
        assertThat(conforms("{\"pattern\":\"^[\\\\S]+$\"}", "\"a\\ufeffb\"")).isFalse();
        assertThat(conforms("{\"pattern\":\"^[x\\\\s]+$\"}", "\"x\\u3000x\"")).isTrue();
    }

    @Test
    void aSchemaNamingTheDialectIsCheckedTheSameWay() {
        assertThat(check(
                        "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\","
                                + "\"properties\":{\"v\":{\"format\":\"int32\"}}}",
                        "3000000000"))
                .isNotEmpty();
    }

    @Test
    void atMostFiveProblemsAreQuotedAndTheRestCounted() {
        String schema =
                "{\"type\":\"object\",\"properties\":{\"v\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}}}";
        assertThat(check(schema, "[1,2,3,4,5,6,7]")).hasSize(6).last().isEqualTo("... and 2 more problems");
        assertThat(check(schema, "[1]")).singleElement().asString().startsWith("$.v[0]: ");
    }

    @Test
    void aSchemaThatCannotBeCompiledChecksNothing() {
        assertThat(check("{\"type\":\"object\",\"properties\":{\"v\":{\"pattern\":\"(\"}}}", "\"x\""))
                .isEmpty();
        assertThat(check(
                        "{\"type\":\"object\",\"properties\":{\"v\":{\"$ref\":\"https://elsewhere.invalid/s\"}}}", "1"))
                .isEmpty();
    }
}
