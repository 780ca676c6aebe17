package dev.apigwmcp.runtime.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Newline-delimited messages read from a stream as bytes, each at most a given size. A longer line is not held: it
 * is skipped to its end and reported by its size, so one oversized message can neither exhaust the heap nor stop
 * the messages after it. A final {@code \r} is dropped (CRLF line ends); the last line may end without a newline.
 */
final class MessageLines {

    /** One line: its bytes, or only its size when it was over the limit ({@code bytes} then {@code null}). */
    record Line(byte[] bytes, long size) {
        boolean tooLarge() {
            return bytes == null;
        }
    }

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private final ByteArrayOutputStream current = new ByteArrayOutputStream(1024);

    MessageLines(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line, or {@code null} at the end of input. */
    Line next() throws IOException {
        current.reset();
        long size = 0;
        while (true) {
            if (position == limit && !fill()) {
                return size == 0 ? null : line(size);
            }
            int newline = indexOfNewline();
            int end = newline < 0 ? limit : newline;
            int count = end - position;
            if (size + count <= maxBytes + 1L) {
                // One byte over the limit is still kept: it may be the \r of a CRLF line end.
                current.write(buffer, position, count);
            }
            size += count;
            position = newline < 0 ? limit : newline + 1;
            if (newline >= 0) {
                return line(size);
            }
        }
    }

    private Line line(long size) {
        byte[] bytes = current.toByteArray();
        boolean carriageReturn = bytes.length > 0 && bytes[bytes.length - 1] == '\r' && bytes.length == size;
        long length = carriageReturn ? size - 1 : size;
        if (length > maxBytes) {
            return new Line(null, length);
        }
        return new Line(carriageReturn ? Arrays.copyOf(bytes, bytes.length - 1) : bytes, length);
    }

    private int indexOfNewline() {
        for (int i = position; i < limit; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer);
        if (read <= 0) {
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }
}
