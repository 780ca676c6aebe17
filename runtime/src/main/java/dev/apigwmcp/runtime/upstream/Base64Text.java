package dev.apigwmcp.runtime.upstream;

import dev.apigwmcp.runtime.spi.ArgumentException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Bytes a model sends as base64 text (files of multipart bodies, binary bodies). Standard or URL-safe alphabet,
 * padding optional and line breaks or other white space ignored, since models and tools produce all of these.
 */
final class Base64Text {

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s");

    private Base64Text() {}

    /**
     * The decoded bytes; throws {@link ArgumentException} naming {@code argument} and starting with {@code what}
     * (for example {@code member 'file'}, or empty for the argument itself) when {@code text} is not base64.
     */
    static byte[] decode(String argument, String what, String text) {
        String compact = WHITE_SPACE.matcher(text).replaceAll("");
        String prefix = what.isEmpty() ? "" : what + " ";
        try {
            return compact.indexOf('-') >= 0 || compact.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(compact)
                    : Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            throw new ArgumentException(argument, prefix + "is not valid base64 (" + e.getMessage() + ")");
        }
    }
}
