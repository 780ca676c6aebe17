package dev.apigwmcp.runtime.upstream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Undoes a response's {@code Content-Encoding}. The gateway asks for {@code identity}, but an upstream may compress
 * anyway; gzip and deflate are decoded, and the decoded size is held to the response cap (a small gzip bomb
 * expands to at most the cap, then decoding stops). Other codings cannot be decoded and are reported as such.
 */
final class ContentDecoding {

    /**
     * A decoded body.
     *
     * @param bytes     the decoded bytes, at most the cap
     * @param truncated whether the body was longer than the cap (encoded or decoded) and was cut
     * @param problem   why the body could not be decoded, or {@code null}; {@code bytes} are then the raw bytes
     */
    record Decoded(byte[] bytes, boolean truncated, String problem) {}

    private ContentDecoding() {}

    /**
     * Decodes {@code raw} (itself cut at the cap when {@code rawTruncated}) as {@code contentEncoding} says.
     */
    static Decoded decode(byte[] raw, boolean rawTruncated, String contentEncoding, long cap) {
        String coding = contentEncoding == null ? "" : contentEncoding.trim().toLowerCase(Locale.ROOT);
        if (coding.isEmpty() || coding.equals("identity") || raw.length == 0) {
            return new Decoded(raw, rawTruncated, null);
        }
        boolean gzip = coding.equals("gzip") || coding.equals("x-gzip");
        if (!gzip && !coding.equals("deflate")) {
            return new Decoded(
                    raw,
                    rawTruncated,
                    "the body is encoded as '" + contentEncoding.trim()
                            + "', which the gateway does not decode (it asks for identity; gzip and deflate are decoded)");
        }
        try {
            return gzip
                    ? inflate(new GZIPInputStream(new ByteArrayInputStream(raw)), rawTruncated, cap)
                    : deflate(raw, rawTruncated, cap);
        } catch (IOException e) {
            return new Decoded(
                    raw,
                    rawTruncated,
                    "the body is labelled " + coding + " but is not valid " + coding + " (" + e.getMessage() + ")");
        }
    }

    /** RFC 9110's deflate is zlib-wrapped, but some servers send raw deflate: try zlib, then raw. */
    private static Decoded deflate(byte[] raw, boolean rawTruncated, long cap) throws IOException {
        try {
            return inflate(new InflaterInputStream(new ByteArrayInputStream(raw), new Inflater()), rawTruncated, cap);
        } catch (ZipException e) {
            return inflate(
                    new InflaterInputStream(new ByteArrayInputStream(raw), new Inflater(true)), rawTruncated, cap);
        }
    }

    private static Decoded inflate(InputStream in, boolean rawTruncated, long cap) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try (in) {
            while (true) {
                int room = (int) Math.min(chunk.length, cap + 1 - out.size());
                int read;
                try {
                    read = in.read(chunk, 0, room);
                } catch (EOFException e) {
                    if (rawTruncated) {
                        // The encoded body was itself cut at the cap: keep what it decoded to.
                        return new Decoded(out.toByteArray(), true, null);
                    }
                    throw e;
                }
                if (read < 0) {
                    return new Decoded(out.toByteArray(), rawTruncated, null);
                }
                out.write(chunk, 0, read);
                if (out.size() > cap) {
                    byte[] all = out.toByteArray();
                    return new Decoded(java.util.Arrays.copyOf(all, (int) cap), true, null);
                }
            }
        }
    }
}
