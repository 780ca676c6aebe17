package dev.apigwmcp.maven.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SnapshotFormatterTest {

    private String format(String json) throws FetchException {
        return new String(
                new SnapshotFormatter().format(json.getBytes(StandardCharsets.UTF_8), "restApiId a, stage b"),
                StandardCharsets.UTF_8);
    }

    @Test
    void prettyPrintsWithTwoSpacesKeepingKeyOrderAndNumbers() throws Exception {
        assertThat(format("{\"z\":1,\"a\":[1.50,2e3,{}],\"m\":{\"y\":[],\"x\":null},\"t\":\"é\"}"))
                .isEqualTo("""
                {
                  "z": 1,
                  "a": [
                    1.50,
                    2000,
                    {}
                  ],
                  "m": {
                    "y": [],
                    "x": null
                  },
                  "t": "é"
                }
                """);
    }

    @Test
    void formattingIsIdempotent() throws Exception {
        String once = format("{\"openapi\":\"3.0.1\",\"paths\":{\"/a\":{\"get\":{}}}}");

        assertThat(format(once)).isEqualTo(once);
    }

    @Test
    void rejectsNonJsonNamingTheSource() {
        assertThatThrownBy(() -> format("openapi: 3.0.1"))
                .isInstanceOf(FetchException.class)
                .hasMessageStartingWith("API Gateway returned an export that is not JSON for restApiId a, stage b");
        assertThatThrownBy(() -> format("[1]"))
                .hasMessage("API Gateway returned an export that is not a JSON object for restApiId a, stage b");
    }
}
