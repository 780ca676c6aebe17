package dev.apigwmcp.runtime.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.runtime.auth.AuthEnvironment;
import dev.apigwmcp.runtime.auth.AwsKeys;
import dev.apigwmcp.runtime.config.Settings;
import dev.apigwmcp.runtime.spi.QueryStyle;
import dev.apigwmcp.runtime.upstream.TestUpstream;
import dev.apigwmcp.samples.demo.SigV4Verifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tools with form, multipart, binary and XML bodies against a backend on 127.0.0.1 that records the bytes it
 * receives: the tools hand their body to the builder ({@code formBody}, {@code multipartBody}, {@code binaryBody},
 * {@code textBody}) as generated code does.
 */
@Timeout(30)
class FormBodyUpstreamTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final String ACCESS_KEY = "AKIDEXAMPLE";
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    private TestUpstream upstream;
    private GeneratedToolService service;

    @BeforeEach
    void start() throws IOException {
        upstream = new TestUpstream();
        ScriptedRegistry forms = new ScriptedRegistry(
                "forms",
                new ScriptedTool(
                        "forms___SendMessage",
                        (arguments, request) -> request.formBody(
                                "body",
                                "application/x-www-form-urlencoded; charset=utf-8",
                                arguments.get("body"),
                                Map.of("metadata", QueryStyle.DEEP_OBJECT))),
                new ScriptedTool(
                        "forms___Upload",
                        (arguments, request) -> request.multipartBody(
                                "body", "multipart/form-data", arguments.get("body"), Map.of("file", "text/csv"))),
                new ScriptedTool(
                        "forms___SignedSend",
                        (arguments, request) -> request.formBody(
                                "body", "application/x-www-form-urlencoded", arguments.get("body"), Map.of())),
                new ScriptedTool(
                        "forms___SignedUpload",
                        (arguments, request) -> request.multipartBody(
                                "body", "multipart/form-data", arguments.get("body"), Map.of("file", "image/png"))),
                new ScriptedTool(
                        "forms___PutImage",
                        (arguments, request) -> request.binaryBody(
                                "body",
                                "image/*",
                                text(arguments, "body"),
                                "contentType",
                                text(arguments, "contentType"))),
                new ScriptedTool(
                        "forms___SignedPutObject",
                        (arguments, request) ->
                                request.binaryBody("body", "application/octet-stream", text(arguments, "body"))),
                new ScriptedTool(
                        "forms___PutXml",
                        (arguments, request) -> request.textBody("body", "application/xml", text(arguments, "body"))));
        service = GeneratedToolService.create(
                List.of(forms),
                Settings.of(Map.of("target.forms.base-url", upstream.baseUri().toString())),
                new AuthEnvironment(
                        name -> null, profile -> () -> new AwsKeys(ACCESS_KEY, SECRET_KEY, null), Clock.systemUTC()));
    }

    @AfterEach
    void stop() {
        service.close();
        upstream.close();
    }

    private static String text(tools.jackson.databind.JsonNode arguments, String name) {
        return arguments.hasNonNull(name) ? arguments.get(name).stringValue() : null;
    }

    private ObjectNode call(String tool, String arguments) {
        return service.call(tool, JSON.readTree(arguments), null).join();
    }

    @Test
    void theBackendReceivesTheEncodedFormWithTheDeclaredContentType() throws Exception {
        ObjectNode result = call("forms___SendMessage", """
                {"body":{"To":"+1 555 0100","Body":"Grüße & a=b, 100%","MediaUrl":["https://x.test/a.png?s=1","b c"],
                 "Verify":true,"Price":12.50,"metadata":{"order":"A&7","note":"ü"},"Unused":null}}
                """);

        assertThat(result.path("isError").asBoolean()).as(result.toString()).isFalse();
        TestUpstream.Recorded request = upstream.take();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.rawPath()).isEqualTo("/prod/messages");
        assertThat(request.header("content-type")).isEqualTo("application/x-www-form-urlencoded; charset=utf-8");
        assertThat(request.bodyText())
                .isEqualTo("To=%2B1+555+0100&Body=Gr%C3%BC%C3%9Fe+%26+a%3Db%2C+100%25"
                        + "&MediaUrl=https%3A%2F%2Fx.test%2Fa.png%3Fs%3D1&MediaUrl=b+c"
                        + "&Verify=true&Price=12.50&metadata%5Border%5D=A%267&metadata%5Bnote%5D=%C3%BC");
    }

    @Test
    void sigV4SignsTheEncodedFormBody() throws Exception {
        ObjectNode result = call("forms___SignedSend", "{\"body\":{\"To\":\"a b\",\"Body\":\"x=1&y=2\"}}");

        assertThat(result.path("isError").asBoolean()).as(result.toString()).isFalse();
        TestUpstream.Recorded request = upstream.take();
        assertThat(request.bodyText()).isEqualTo("To=a+b&Body=x%3D1%26y%3D2");
        assertThat(request.header("content-type")).isEqualTo("application/x-www-form-urlencoded");
        SigV4Verifier verifier =
                new SigV4Verifier(Map.of(ACCESS_KEY, SECRET_KEY), "us-east-1", "execute-api", Clock.systemUTC());
        assertThat(verifier.problem(request)).isNull();
    }

    @Test
    void theBackendReceivesTheMultipartBodyWithItsBoundary() throws Exception {
        String csv = java.util.Base64.getEncoder().encodeToString("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        ObjectNode result =
                call("forms___Upload", "{\"body\":{\"note\":\"Zoë\",\"file\":\"" + csv + "\",\"skip\":null}}");

        assertThat(result.path("isError").asBoolean()).as(result.toString()).isFalse();
        TestUpstream.Recorded request = upstream.take();
        String contentType = request.header("content-type");
        assertThat(contentType).matches("multipart/form-data; boundary=apigw-mcp-[0-9a-f]{32}");
        String boundary = contentType.substring(contentType.indexOf("boundary=") + "boundary=".length());
        assertThat(request.bodyText())
                .isEqualTo("--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nZoë\r\n"
                        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"file\"\r\n"
                        + "Content-Type: text/csv\r\n\r\na,b\n1,2\n\r\n"
                        + "--" + boundary + "--\r\n");
    }

    @Test
    void sigV4SignsTheMultipartBody() throws Exception {
        ObjectNode result = call("forms___SignedUpload", "{\"body\":{\"file\":\"AAEC\"}}");

        assertThat(result.path("isError").asBoolean()).as(result.toString()).isFalse();
        TestUpstream.Recorded request = upstream.take();
        assertThat(request.body()).contains((byte) 0, (byte) 1, (byte) 2);
        SigV4Verifier verifier =
                new SigV4Verifier(Map.of(ACCESS_KEY, SECRET_KEY), "us-east-1", "execute-api", Clock.systemUTC());
        assertThat(verifier.problem(request)).isNull();
    }

    @Test
    void aFileThatIsNotBase64IsAnInvalidArgumentNamingToolAndArgument() {
        ObjectNode result = call("forms___Upload", "{\"body\":{\"file\":\"%%%\"}}");

        assertThat(result.path("isError").asBoolean()).isTrue();
        assertThat(result.at("/content/0/text").stringValue())
                .startsWith("Invalid argument 'body' for tool forms___Upload:")
                .contains("member 'file' is not valid base64");
        assertThat(upstream.pending()).isZero();
    }

    @Test
    void aValueThatCannotBeEncodedIsAnInvalidArgumentNamingToolAndArgument() {
        ObjectNode result = call("forms___SendMessage", "{\"body\":{\"To\":\"\\ud800x\"}}");

        assertThat(result.path("isError").asBoolean()).isTrue();
        assertThat(result.at("/content/0/text").stringValue())
                .startsWith("Invalid argument 'body' for tool forms___SendMessage:")
                .contains("member 'To'", "unpaired");
        assertThat(upstream.pending()).isZero();
    }

    @Test
    void theBackendReceivesTheDecodedBytesWithTheChosenContentType() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, (byte) 0xff};
        String base64 = java.util.Base64.getEncoder().encodeToString(png);
        ObjectNode result = call("forms___PutImage", "{\"body\":\"" + base64 + "\",\"contentType\":\"image/png\"}");

        assertThat(result.path("isError").asBoolean()).as(result.toString()).isFalse();
        TestUpstream.Recorded request = upstream.take();
        assertThat(request.method()).isEqualTo("PUT");
        assertThat(request.header("content-type")).isEqualTo("image/png");
        assertThat(request.body()).containsExactly(png);
    }

    @Test
    void aContentTypeOutsideTheDeclaredRangeIsAnInvalidArgumentNamingToolAndArgument() {
        ObjectNode result = call("forms___PutImage", "{\"body\":\"AAEC\",\"contentType\":\"application/pdf\"}");

        assertThat(result.path("isError").asBoolean()).isTrue();
        assertThat(result.at("/content/0/text").stringValue())
                .startsWith("Invalid argument 'contentType' for tool forms___PutImage:")
                .contains("'application/pdf' is not within image/*");
        assertThat(upstream.pending()).isZero();
    }

    @Test
    void sigV4SignsTheBinaryBody() throws Exception {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        String base64 = java.util.Base64.getEncoder().encodeToString(bytes);
        ObjectNode result = call("forms___SignedPutObject", "{\"body\":\"" + base64 + "\"}");

        assertThat(result.path("isError").asBoolean()).as(result.toString()).isFalse();
        TestUpstream.Recorded request = upstream.take();
        assertThat(request.header("content-type")).isEqualTo("application/octet-stream");
        assertThat(request.body()).containsExactly(bytes);
        SigV4Verifier verifier =
                new SigV4Verifier(Map.of(ACCESS_KEY, SECRET_KEY), "us-east-1", "execute-api", Clock.systemUTC());
        assertThat(verifier.problem(request)).isNull();
    }

    @Test
    void aBinaryBodyThatIsNotBase64IsAnInvalidArgumentNamingToolAndArgument() {
        ObjectNode result = call("forms___SignedPutObject", "{\"body\":\"not base64!\"}");

        assertThat(result.path("isError").asBoolean()).isTrue();
        assertThat(result.at("/content/0/text").stringValue())
                .startsWith("Invalid argument 'body' for tool forms___SignedPutObject:")
                .contains("is not valid base64");
        assertThat(upstream.pending()).isZero();
    }

    @Test
    void theBackendReceivesTheXmlDocumentAsItIs() throws Exception {
        String xml = "<?xml version=\"1.0\"?><note lang=\"de\">Grüße &amp; more</note>";
        ObjectNode result = call("forms___PutXml", JSON.writeValueAsString(Map.of("body", xml)));

        assertThat(result.path("isError").asBoolean()).as(result.toString()).isFalse();
        TestUpstream.Recorded request = upstream.take();
        assertThat(request.header("content-type")).isEqualTo("application/xml");
        assertThat(request.bodyText()).isEqualTo(xml);
    }
}
