package dev.apigwmcp.runtime.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageLinesTest {

    /** Each line as text, or "<N bytes>" for one over the limit. */
    private static List<String> lines(InputStream in, int max) throws IOException {
        MessageLines lines = new MessageLines(in, max);
        List<String> out = new ArrayList<>();
        MessageLines.Line line;
        while ((line = lines.next()) != null) {
            out.add(line.tooLarge() ? "<" + line.size() + " bytes>" : new String(line.bytes(), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static InputStream text(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Hands out at most {@code chunk} bytes a read, as a pipe does. */
    private static InputStream chunked(String text, int chunk) {
        ByteArrayInputStream whole = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        return new InputStream() {
            @Override
            public int read() {
                return whole.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return whole.read(buffer, offset, Math.min(length, chunk));
            }
        };
    }

    @Test
    void linesEndAtLfOrCrlfAndTheLastMayEndWithout() throws IOException {
        assertThat(lines(text("a\nbb\r\n\nccc"), 10)).containsExactly("a", "bb", "", "ccc");
    }

    @Test
    void aCrlfSplitAcrossReadsIsOneLineEnd() throws IOException {
        assertThat(lines(chunked("abc\r\ndef\r\n", 4), 10)).containsExactly("abc", "def");
    }

    @Test
    void aLineAtTheLimitIsKeptAndOneByteMoreIsOnlyCounted() throws IOException {
        assertThat(lines(chunked("12345\r\n123456\nok\n", 3), 5)).containsExactly("12345", "<6 bytes>", "ok");
    }

    @Test
    void aLineLargerThanAnyArrayIsCountedWithoutBeingHeld() throws IOException {
        // Over 2 GiB: no byte array can hold it, so an implementation that kept the line would fail here.
        long size = 2_500_000_000L;
        InputStream huge = new InputStream() {
            private long sent;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0];
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (sent >= size) {
                    return -1;
                }
                int n = (int) Math.min(length, size - sent);
                sent += n;
                buffer[offset + n - 1] = sent == size ? (byte) '\n' : (byte) 'a';
                return n;
            }
        };
        MessageLines lines = new MessageLines(huge, 1024);
        MessageLines.Line line = lines.next();

        assertThat(line.tooLarge()).isTrue();
        assertThat(line.size()).isEqualTo(size - 1);
        assertThat(lines.next()).isNull();
    }

    @Test
    void multiByteCharactersAreKeptWhole() throws IOException {
        assertThat(lines(chunked("{\"a\":\"wört€\"}\n", 2), 100)).containsExactly("{\"a\":\"wört€\"}");
    }
}
