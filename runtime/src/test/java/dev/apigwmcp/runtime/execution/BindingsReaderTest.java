package dev.apigwmcp.runtime.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigwmcp.runtime.auth.CredentialLocation;
import dev.apigwmcp.runtime.auth.TokenPlacement;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class BindingsReaderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One tool with auth BEARER and the given {@code token} member (raw JSON, or null to leave it out). */
    private static ToolBinding read(String token) {
        String json = "{\"bindingsVersion\":1,\"target\":\"t\",\"tools\":[{\"name\":\"t___a\",\"method\":\"GET\","
                + "\"path\":\"/a\",\"auth\":[\"BEARER\"]" + (token == null ? "" : ",\"token\":" + token) + "}]}";
        return new BindingsReader("bindings.json")
                .read(JSON.readTree(json))
                .tools()
                .get(0);
    }

    @Test
    void anAbsentOrNullTokenMeansTheAuthorizationHeader() {
        assertThat(read(null).token()).isNull();
        assertThat(read("null").token()).isNull();
    }

    @Test
    void aTokenPlacementIsRead() {
        assertThat(read("{\"in\":\"header\",\"name\":\"Custom-Authorization\",\"prefix\":\"\"}")
                        .token())
                .isEqualTo(new TokenPlacement(CredentialLocation.HEADER, "Custom-Authorization", ""));
        assertThat(read("{\"in\":\"query\",\"name\":\"auth\",\"prefix\":\"Bearer \"}")
                        .token())
                .isEqualTo(new TokenPlacement(CredentialLocation.QUERY, "auth", "Bearer "));
        assertThat(read("{\"in\":\"query\",\"name\":\"auth\"}").token().prefix())
                .isEmpty();
    }

    @Test
    void anUnknownLocationIsAFaultAtItsPlace() {
        assertThatThrownBy(() -> read("{\"in\":\"cookie\",\"name\":\"auth\",\"prefix\":\"\"}"))
                .hasMessage("bindings.json: tools[0].token.in is 'cookie'; expected 'header' or 'query'");
    }

    @Test
    void aNameThatIsNotAnHttpTokenIsAFault() {
        assertThatThrownBy(() -> read("{\"in\":\"header\",\"name\":\"Custom Authorization\",\"prefix\":\"\"}"))
                .hasMessageStartingWith("bindings.json: tools[0].token.name is 'Custom Authorization', which is not a"
                        + " valid header or parameter name (character ' ' at 6");
        assertThatThrownBy(() -> read("{\"in\":\"header\",\"prefix\":\"\"}"))
                .hasMessage("bindings.json: tools[0].token.name is missing");
    }

    @Test
    void aHeaderTheGatewaySetsCannotCarryTheToken() {
        assertThatThrownBy(() -> read("{\"in\":\"header\",\"name\":\"X-Amz-Date\",\"prefix\":\"\"}"))
                .hasMessage("bindings.json: tools[0].token.name is 'X-Amz-Date', a header the gateway sets itself");
        assertThatThrownBy(() -> read("{\"in\":\"header\",\"name\":\"Host\",\"prefix\":\"\"}"))
                .hasMessageContaining("a header the gateway sets itself");
    }

    @Test
    void aPrefixWithALineBreakOrBeyondLatin1IsAFault() {
        assertThatThrownBy(() -> read("{\"in\":\"header\",\"name\":\"X-Token\",\"prefix\":\"Bearer\\r\\nX: y\"}"))
                .hasMessage("bindings.json: tools[0].token.prefix contains a line break (CR or LF) at position 6");
        assertThatThrownBy(() -> read("{\"in\":\"header\",\"name\":\"X-Token\",\"prefix\":\"Jeton\\u2192 \"}"))
                .hasMessage("bindings.json: tools[0].token.prefix contains U+2192 at position 5; header values are"
                        + " limited to ISO-8859-1 (Latin-1)");
    }

    @Test
    void aTokenThatIsNotAnObjectIsAFault() {
        assertThatThrownBy(() -> read("\"header\"")).hasMessage("bindings.json: tools[0].token must be a JSON object");
    }
}
