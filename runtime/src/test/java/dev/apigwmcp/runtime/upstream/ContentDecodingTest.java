package dev.apigwmcp.runtime.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class ContentDecodingTest {

    private static final byte[] PLAIN = "{\"name\":\"Rex\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void identityAndNoCodingLeaveTheBodyAsItIs() {
        assertThat(ContentDecoding.decode(PLAIN, false, null, 100).bytes()).isEqualTo(PLAIN);
        assertThat(ContentDecoding.decode(PLAIN, true, " Identity ", 100).truncated())
                .isTrue();
    }

    @Test
    void gzipIsDecoded() throws IOException {
        ContentDecoding.Decoded decoded = ContentDecoding.decode(gzip(PLAIN), false, "gzip", 100);
        assertThat(decoded.bytes()).isEqualTo(PLAIN);
        assertThat(decoded.truncated()).isFalse();
        assertThat(decoded.problem()).isNull();
    }

    @Test
    void deflateIsDecodedWithOrWithoutTheZlibWrapper() throws IOException {
        assertThat(ContentDecoding.decode(deflate(PLAIN, false), false, "deflate", 100)
                        .bytes())
                .isEqualTo(PLAIN);
        assertThat(ContentDecoding.decode(deflate(PLAIN, true), false, "deflate", 100)
                        .bytes())
                .isEqualTo(PLAIN);
    }

    @Test
    void theCapHoldsForTheDecodedSize() throws IOException {
        ContentDecoding.Decoded decoded = ContentDecoding.decode(gzip(new byte[10_000_000]), false, "gzip", 1000);
        assertThat(decoded.bytes()).hasSize(1000);
        assertThat(decoded.truncated()).isTrue();
    }

    @Test
    void aCompressedBodyCutAtTheCapKeepsWhatItDecodesTo() throws IOException {
        byte[] text = new byte[50_000];
        Arrays.fill(text, (byte) 'a');
        byte[] zipped = gzip(text);
        ContentDecoding.Decoded decoded =
                ContentDecoding.decode(Arrays.copyOf(zipped, zipped.length / 2), true, "gzip", 100_000);
        assertThat(decoded.truncated()).isTrue();
        assertThat(decoded.problem()).isNull();
        assertThat(decoded.bytes().length).isLessThan(text.length);
    }

    @Test
    void aCorruptBodyIsAProblemNamingTheCoding() {
        ContentDecoding.Decoded decoded = ContentDecoding.decode(PLAIN, false, "gzip", 100);
        assertThat(decoded.problem()).startsWith("the body is labelled gzip but is not valid gzip (");
        assertThat(decoded.bytes()).isEqualTo(PLAIN);
    }

    @Test
    void anUnknownCodingIsAProblemNamingIt() {
        assertThat(ContentDecoding.decode(PLAIN, false, "br", 100).problem())
                .isEqualTo("the body is encoded as 'br',"
                        + " which the gateway does not decode (it asks for identity; gzip and deflate are decoded)");
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(plain);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] plain, boolean raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream zip =
                new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, raw))) {
            zip.write(plain);
        }
        return out.toByteArray();
    }
}
