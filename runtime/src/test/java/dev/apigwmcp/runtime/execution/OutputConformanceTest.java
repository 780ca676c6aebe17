package dev.apigwmcp.runtime.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.runtime.auth.AuthEnvironment;
import dev.apigwmcp.runtime.config.Settings;
import dev.apigwmcp.runtime.upstream.CallOutcome;
import dev.apigwmcp.runtime.upstream.TestUpstream;
import dev.apigwmcp.runtime.upstream.TestUpstream.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Real answers through the whole call path: structuredContent is sent only when it conforms to the tool's output
 * schema; anything else is an isError result that says why and carries the body (so no client can throw).
 */
@Timeout(30)
class OutputConformanceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestUpstream upstream;
    private GeneratedToolService service;

    @BeforeEach
    void start() throws IOException {
        upstream = new TestUpstream();
        ScriptedRegistry answers = answersTarget();
        Map<String, String> settings = new HashMap<>();
        settings.put("target.answers.base-url", upstream.baseUri().toString());
        settings.put("upstream.max-response-bytes", "64");
        service = GeneratedToolService.create(
                List.of(answers),
                Settings.of(settings),
                new AuthEnvironment(name -> null, profile -> null, Clock.systemUTC()));
    }

    /** The fixture target {@code answers}: tools without arguments, with strict, tolerant, wrapped and no schemas. */
    static ScriptedRegistry answersTarget() {
        return ScriptedRegistry.withoutArguments(
                "answers",
                "answers___DeletePet",
                "answers___GetPet",
                "answers___GetPetTolerant",
                "answers___ListPets",
                "answers___Odd",
                "answers___Raw",
                "answers___Strict");
    }

    @AfterEach
    void stop() {
        service.close();
        upstream.close();
    }

    private ObjectNode answer(String tool, Reply reply) {
        upstream.respond(r -> reply);
        return service.call(tool, JSON.createObjectNode(), null).join();
    }

    private ObjectNode answer(String tool, String json) {
        return answer(tool, Reply.json(200, json));
    }

    private static String text(ObjectNode result, int block) {
        return result.get("content").get(block).get("text").stringValue();
    }

    private static void assertFallback(ObjectNode result, String body) {
        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(result.has("structuredContent")).isFalse();
        assertThat(result.get("content")).hasSize(2);
        assertThat(text(result, 1)).isEqualTo(body);
    }

    @Test
    void aConformingAnswerIsStructuredContentAndText() {
        String body = "{\"id\":7,\"name\":\"Rex\",\"status\":\"sold\"}";
        ObjectNode result = answer("answers___GetPet", body);
        assertThat(result.has("isError")).isFalse();
        assertThat(text(result, 0)).isEqualTo(body);
        assertThat(result.get("structuredContent")).isEqualTo(JSON.readTree(body));
    }

    @Test
    void anExtraPropertyWhereTheSchemaForbidsOneIsAnErrorNamingItWithTheBody() {
        String body = "{\"id\":7,\"name\":\"Rex\",\"colour\":\"brown\"}";
        ObjectNode result = answer("answers___GetPet", body);
        assertFallback(result, body);
        assertThat(text(result, 0))
                .startsWith("Upstream answered HTTP 200 OK, but the answer does not match the"
                        + " tool's documented output schema, so it is returned as text only:\n- $")
                .contains("colour");
    }

    @Test
    void aMissingRequiredPropertyIsAnError() {
        ObjectNode result = answer("answers___GetPet", "{\"id\":7}");
        assertFallback(result, "{\"id\":7}");
        assertThat(text(result, 0)).contains("- $: ").contains("name");
    }

    @Test
    void aNullWhereAStringIsDocumentedIsAnError() {
        ObjectNode result = answer("answers___GetPet", "{\"id\":7,\"name\":null}");
        assertThat(text(result, 0)).contains("- $.name: ");
        assertFallback(result, "{\"id\":7,\"name\":null}");
    }

    @Test
    void aNewEnumValueIsAnError() {
        ObjectNode result = answer("answers___GetPet", "{\"id\":7,\"name\":\"Rex\",\"status\":\"adopted\"}");
        assertThat(text(result, 0)).contains("- $.status: ");
        assertThat(result.get("isError").asBoolean()).isTrue();
    }

    @Test
    void aNumberSentAsAStringIsAnError() {
        ObjectNode result = answer("answers___GetPet", "{\"id\":\"7\",\"name\":\"Rex\"}");
        assertThat(text(result, 0)).contains("- $.id: ");
        assertFallback(result, "{\"id\":\"7\",\"name\":\"Rex\"}");
    }

    @Test
    void theSameDriftConformsToATolerantSchema() {
        String body = "{\"id\":null,\"name\":null,\"status\":\"adopted\",\"colour\":\"brown\"}";
        ObjectNode result = answer("answers___GetPetTolerant", body);
        assertThat(result.has("isError")).isFalse();
        assertThat(result.get("structuredContent")).isEqualTo(JSON.readTree(body));
    }

    @Test
    void aJsonArrayWhereAnObjectIsDocumentedIsAnError() {
        ObjectNode result = answer("answers___GetPet", "[{\"id\":7}]");
        assertFallback(result, "[{\"id\":7}]");
        assertThat(text(result, 0))
                .isEqualTo("Upstream answered HTTP 200 OK with a JSON array, where the tool's"
                        + " output schema documents an object; it is returned as text only.");
    }

    @Test
    void aWrappedArrayIsStructuredContentUnderItsProperty() {
        ObjectNode result = answer("answers___ListPets", "[{\"id\":7}]");
        assertThat(result.has("isError")).isFalse();
        assertThat(result.get("structuredContent")).isEqualTo(JSON.readTree("{\"result\":[{\"id\":7}]}"));
    }

    @Test
    void aWrappedAnswerThatDoesNotMatchIsAnError() {
        ObjectNode result = answer("answers___ListPets", "{\"items\":[]}");
        assertFallback(result, "{\"items\":[]}");
        assertThat(text(result, 0)).contains("- $.result: ");
    }

    @Test
    void xmlIsAnErrorThatCarriesTheXml() {
        String xml = "<pet><id>7</id></pet>";
        ObjectNode result =
                answer("answers___GetPet", Reply.of(200, "application/xml", xml.getBytes(StandardCharsets.UTF_8)));
        assertFallback(result, xml);
        assertThat(text(result, 0))
                .isEqualTo("Upstream answered HTTP 200 OK with XML (application/xml), not the"
                        + " JSON the tool's output schema documents; it is returned as text only.");
    }

    @Test
    void jsonSentAsPlainTextIsStillStructuredWhenItConforms() {
        ObjectNode result = answer(
                "answers___GetPet",
                Reply.of(200, "text/plain", "{\"id\":7,\"name\":\"Rex\"}".getBytes(StandardCharsets.UTF_8)));
        assertThat(result.has("isError")).isFalse();
        assertThat(result.get("structuredContent").get("id").asInt()).isEqualTo(7);
    }

    @Test
    void invalidJsonIsAnErrorThatSaysWhereItBroke() {
        ObjectNode result = answer("answers___GetPet", "{\"id\":7,");
        assertFallback(result, "{\"id\":7,");
        assertThat(text(result, 0))
                .startsWith("Upstream answered HTTP 200 OK with application/json content that is" + " not valid JSON (")
                .contains("line 1, column");
    }

    @Test
    void anEmpty204ConformsWhereTheSchemaAcceptsAnEmptyObject() {
        ObjectNode result = answer("answers___DeletePet", Reply.of(204, null, new byte[0]));
        assertThat(result.has("isError")).isFalse();
        assertThat(text(result, 0)).isEqualTo("Upstream answered HTTP 204 No Content with no content.");
        assertThat(result.get("structuredContent")).isEqualTo(JSON.createObjectNode());
    }

    @Test
    void anEmpty204IsAnErrorWhereTheSchemaRequiresContent() {
        ObjectNode result = answer("answers___GetPet", Reply.of(204, null, new byte[0]));
        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(result.has("structuredContent")).isFalse();
        assertThat(text(result, 0))
                .startsWith("Upstream answered HTTP 204 No Content with no content, but the"
                        + " tool's documented output schema does not accept an empty result:\n- $: ");
    }

    @Test
    void anImageIsAnErrorFollowedByTheImage() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
        ObjectNode result = answer("answers___GetPet", Reply.of(200, "image/png", png));
        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(result.has("structuredContent")).isFalse();
        assertThat(text(result, 0))
                .isEqualTo("Upstream answered HTTP 200 OK with an image (image/png), not the JSON"
                        + " the tool's output schema documents; the image follows.");
        JsonNode image = result.get("content").get(1);
        assertThat(image.get("type").stringValue()).isEqualTo("image");
        assertThat(Base64.getDecoder().decode(image.get("data").stringValue())).isEqualTo(png);
    }

    @Test
    void binaryContentIsAnErrorFollowedByTheResource() {
        byte[] pdf = {'%', 'P', 'D', 'F', (byte) 0xFF, (byte) 0xFE};
        ObjectNode result = answer("answers___GetPet", Reply.of(200, "application/pdf", pdf));
        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(text(result, 0)).startsWith("Upstream answered HTTP 200 OK with application/pdf content");
        assertThat(result.get("content").get(1).get("resource").get("mimeType").stringValue())
                .isEqualTo("application/pdf");
    }

    @Test
    void aTruncatedBodyIsAnErrorWithTheBytesThatArrived() {
        String body = "{\"id\":7,\"name\":\"" + "x".repeat(100) + "\"}";
        ObjectNode result = answer("answers___GetPet", body);
        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(result.has("structuredContent")).isFalse();
        assertThat(text(result, 0))
                .isEqualTo("Upstream answered HTTP 200 OK with more than the configured limit of"
                        + " 64 bytes (upstream.max-response-bytes); the answer was cut, so it cannot be checked against the"
                        + " tool's output schema; it is returned as text only.");
        assertThat(text(result, 1)).startsWith(body.substring(0, 64) + "\n[response cut at 64 bytes");
    }

    @Test
    void fallbacksAreCountedAsTheirOwnOutcome() {
        answer("answers___GetPet", "[]");
        answer("answers___GetPet", "{\"id\":7,\"name\":\"Rex\"}");
        assertThat(service.metrics().snapshot().outcomes().get(CallOutcome.NONCONFORMING_OUTPUT))
                .isEqualTo(1);
        assertThat(service.metrics().snapshot().outcomes().get(CallOutcome.OK)).isEqualTo(1);
    }

    @Test
    void aToolWithoutOutputSchemaIsMappedAsBefore() {
        ObjectNode result = answer("answers___Raw", "[1,2]");
        assertThat(result.has("isError")).isFalse();
        assertThat(result.has("structuredContent")).isFalse();
        assertThat(text(result, 0)).isEqualTo("[1,2]");
        ObjectNode xml =
                answer("answers___Raw", Reply.of(200, "application/xml", "<a/>".getBytes(StandardCharsets.UTF_8)));
        assertThat(xml.has("isError")).isFalse();
    }

    @Test
    void anOutputSchemaThatCannotBeCompiledLeavesCallsWorking() {
        ObjectNode result = answer("answers___Odd", "{\"code\":\"x\"}");
        assertThat(result.has("isError")).isFalse();
        assertThat(result.get("structuredContent")).isEqualTo(JSON.readTree("{\"code\":\"x\"}"));
        assertThat(answer("answers___Odd", "{\"code\":\"y\"}").has("isError")).isFalse();
    }
}
