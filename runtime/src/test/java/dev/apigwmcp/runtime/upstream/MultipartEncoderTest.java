package dev.apigwmcp.runtime.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigwmcp.runtime.spi.ArgumentException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

class MultipartEncoderTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static String encode(String body, Map<String, String> files) {
        MultipartEncoder.Encoded encoded = MultipartEncoder.encode("body", JSON.readTree(body), files, () -> "B");
        assertThat(encoded.boundary()).isEqualTo("B");
        return new String(encoded.bytes(), StandardCharsets.UTF_8);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void scalarsAreTextPartsInTheObjectsOrder() {
        assertThat(encode("{\"title\":\"Grüße\",\"pages\":3,\"price\":1.50,\"draft\":false}", Map.of()))
                .isEqualTo("--B\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nGrüße\r\n"
                        + "--B\r\nContent-Disposition: form-data; name=\"pages\"\r\n\r\n3\r\n"
                        + "--B\r\nContent-Disposition: form-data; name=\"price\"\r\n\r\n1.50\r\n"
                        + "--B\r\nContent-Disposition: form-data; name=\"draft\"\r\n\r\nfalse\r\n"
                        + "--B--\r\n");
    }

    @Test
    void aFileIsSentDecodedWithItsNameAsFilenameAndItsContentType() {
        assertThat(encode("{\"file\":\"" + base64("%PDF-1.7\r\n") + "\"}", Map.of("file", "application/pdf")))
                .isEqualTo("--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"file\"\r\n"
                        + "Content-Type: application/pdf\r\n\r\n%PDF-1.7\r\n\r\n--B--\r\n");
    }

    @Test
    void fileBytesAreSentAsTheyAre() {
        byte[] bytes = {0, (byte) 0xFF, 13, 10, (byte) 0x80};
        MultipartEncoder.Encoded encoded = MultipartEncoder.encode(
                "body",
                JSON.readTree("{\"f\":\"" + Base64.getEncoder().encodeToString(bytes) + "\"}"),
                Map.of("f", "application/octet-stream"),
                () -> "B");
        byte[] head = ("--B\r\nContent-Disposition: form-data; name=\"f\"; filename=\"f\"\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] body = encoded.bytes();
        assertThat(java.util.Arrays.copyOfRange(body, head.length, head.length + bytes.length))
                .isEqualTo(bytes);
    }

    @Test
    void anArrayIsOnePartPerElement() {
        assertThat(encode("{\"tag\":[\"a\",\"b\"]}", Map.of()))
                .isEqualTo("--B\r\nContent-Disposition: form-data; name=\"tag\"\r\n\r\na\r\n"
                        + "--B\r\nContent-Disposition: form-data; name=\"tag\"\r\n\r\nb\r\n--B--\r\n");
    }

    @Test
    void anArrayOfFilesIsOneFilePartPerElement() {
        assertThat(encode("{\"f\":[\"" + base64("x") + "\",\"" + base64("y") + "\"]}", Map.of("f", "text/plain")))
                .isEqualTo("--B\r\nContent-Disposition: form-data; name=\"f\"; filename=\"f\"\r\n"
                        + "Content-Type: text/plain\r\n\r\nx\r\n"
                        + "--B\r\nContent-Disposition: form-data; name=\"f\"; filename=\"f\"\r\n"
                        + "Content-Type: text/plain\r\n\r\ny\r\n--B--\r\n");
    }

    @Test
    void anObjectIsAJsonPart() {
        assertThat(encode("{\"labels\":{\"a\":\"b\"}}", Map.of()))
                .isEqualTo("--B\r\nContent-Disposition: form-data; name=\"labels\"\r\n"
                        + "Content-Type: application/json\r\n\r\n{\"a\":\"b\"}\r\n--B--\r\n");
    }

    @Test
    void nullMembersAreLeftOut() {
        assertThat(encode("{\"a\":null,\"f\":null}", Map.of("f", "image/png"))).isEqualTo("--B--\r\n");
    }

    @Test
    void quotesAndLineBreaksInNamesAreEscaped() {
        assertThat(encode("{\"a\\\"b\\r\\nc\":\"v\"}", Map.of()))
                .startsWith("--B\r\nContent-Disposition: form-data; name=\"a%22b%0D%0Ac\"\r\n");
    }

    @Test
    void aBoundaryThatOccursInAPartIsReplaced() {
        ArrayDeque<String> boundaries = new ArrayDeque<>(List.of("abc", "xyz"));
        MultipartEncoder.Encoded encoded =
                MultipartEncoder.encode("body", JSON.readTree("{\"a\":\"--abc\"}"), Map.of(), boundaries::poll);

        assertThat(encoded.boundary()).isEqualTo("xyz");
    }

    @Test
    void aFileThatIsNotBase64IsAnArgumentErrorNamingTheMember() {
        assertThatThrownBy(() -> encode("{\"f\":\"not base64!\"}", Map.of("f", "image/png")))
                .isInstanceOfSatisfying(ArgumentException.class, e -> {
                    assertThat(e.argument()).isEqualTo("body");
                    assertThat(e.getMessage()).contains("member 'f' is not valid base64");
                });
    }

    @Test
    void aFileThatIsNotTextIsAnArgumentError() {
        assertThatThrownBy(() -> encode("{\"f\":42}", Map.of("f", "image/png")))
                .isInstanceOf(ArgumentException.class)
                .hasMessageContaining("member 'f' is a file: give its bytes as base64 text");
    }

    @Test
    void base64MayBeWrappedOverLines() {
        assertThat(encode("{\"f\":\"eH\\nl6\"}", Map.of("f", "text/plain"))).contains("\r\n\r\nxyz\r\n");
    }
}
