package dev.apigwmcp.runtime.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigwmcp.runtime.spi.ArgumentException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/** {@code binaryBody}: base64 arguments sent as bytes, with a declared or chosen Content-Type. */
class BinaryBodyTest {

    private static SafeRequestBuilder builder() {
        return new SafeRequestBuilder(
                new RequestTarget(
                        "PUT",
                        PathTemplate.parse("/objects"),
                        Map.of(),
                        URI.create("https://abc123.execute-api.us-east-1.amazonaws.com/prod"),
                        Set.of(),
                        Set.of(),
                        Duration.ofSeconds(5)),
                JsonMapper.builder().build());
    }

    private static ArgumentException argumentError(Runnable call) {
        try {
            call.run();
        } catch (ArgumentException e) {
            return e;
        }
        throw new AssertionError("no ArgumentException");
    }

    @Test
    void theBase64IsSentDecodedWithTheDeclaredType() {
        SafeRequestBuilder b = builder();
        b.binaryBody("body", "application/pdf", "JVBERi0=");

        UpstreamRequest request = b.build();
        assertThat(request.body()).containsExactly('%', 'P', 'D', 'F', '-');
        assertThat(request.header("Content-Type")).isEqualTo("application/pdf");
    }

    @Test
    void urlSafeUnpaddedAndWrappedBase64AreAccepted() {
        SafeRequestBuilder b = builder();
        b.binaryBody("body", "application/octet-stream", "-_8\n");

        assertThat(b.build().body()).containsExactly((byte) 0xfb, (byte) 0xff);
    }

    @Test
    void textThatIsNotBase64NamesTheArgument() {
        ArgumentException error = argumentError(() -> builder().binaryBody("body", "application/octet-stream", "a*b"));

        assertThat(error.argument()).isEqualTo("body");
        assertThat(error.getMessage()).contains("is not valid base64");
    }

    @Test
    void aMissingBodySendsNothing() {
        SafeRequestBuilder b = builder();
        b.binaryBody("body", "application/octet-stream", null);

        assertThat(b.build().body()).isNull();
    }

    @Test
    void aChosenTypeWithinTheRangeIsSent() {
        SafeRequestBuilder b = builder();
        b.binaryBody("body", "image/*", "AA==", "contentType", "image/webp");

        assertThat(b.build().header("Content-Type")).isEqualTo("image/webp");
    }

    @Test
    void aRangeAdmittingOctetsDefaultsToThem() {
        SafeRequestBuilder b = builder();
        b.binaryBody("body", "*/*", "AA==", "contentType", null);

        assertThat(b.build().header("Content-Type")).isEqualTo("application/octet-stream");
    }

    @Test
    void aRangeWithoutADefaultNeedsAChosenType() {
        ArgumentException error =
                argumentError(() -> builder().binaryBody("body", "image/*", "AA==", "contentType", null));

        assertThat(error.argument()).isEqualTo("contentType");
        assertThat(error.getMessage()).contains("is required: the body's media type within image/*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"image/*", "png", "image/png\r\nX-Injected: 1", "video/mp4", "image /png"})
    void aChosenTypeThatIsNoTypeWithinTheRangeNamesTheTypeArgument(String chosen) {
        ArgumentException error =
                argumentError(() -> builder().binaryBody("body", "image/*", "AA==", "contentType", chosen));

        assertThat(error.argument()).isEqualTo("contentType");
    }

    @Test
    void aChosenTypeWithoutABodyIsAnError() {
        assertThatThrownBy(() -> builder().binaryBody("body", "image/*", null, "contentType", "image/png"))
                .isInstanceOf(ArgumentException.class)
                .hasMessageContaining("without body");
    }

    @Test
    void theDefaultTypeWithoutABodyIsNoError() {
        SafeRequestBuilder b = builder();
        b.binaryBody("body", "*/*", null, "contentType", "application/octet-stream");

        assertThat(b.build().body()).isNull();
    }

    @Test
    void aSuffixRangeMatchesOnlyTypesWithTheSuffix() {
        assertThat(BodyMediaType.within("application/atom+xml", "application/*+xml"))
                .isTrue();
        assertThat(BodyMediaType.within("application/xml", "application/*+xml")).isFalse();
        assertThat(BodyMediaType.within("text/xml", "*/*")).isTrue();
    }
}
