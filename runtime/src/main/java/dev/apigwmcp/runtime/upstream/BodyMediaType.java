package dev.apigwmcp.runtime.upstream;

import dev.apigwmcp.runtime.spi.ArgumentException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The Content-Type a caller chose for a binary body whose declared media type is a range ({@code image/*},
 * {@code application/*+xml}, {@code *}{@code /*}): it must be one concrete type within the range, parameters
 * allowed. Without one, a range that admits {@code application/octet-stream} sends that.
 */
final class BodyMediaType {

    static final String OCTETS = "application/octet-stream";
    private static final String TOKEN = "[A-Za-z0-9!#$%&'^_`|~.+-]+";
    private static final Pattern CONCRETE = Pattern.compile(TOKEN + "/" + TOKEN + "([ \t]*;[^\r\n]*)?");

    private BodyMediaType() {}

    /**
     * The Content-Type to send: {@code chosen} when it lies within {@code range}, the default when it is
     * {@code null} and the range admits octets; else an {@link ArgumentException} naming {@code argument}.
     */
    static String resolve(String argument, String range, String chosen) {
        String declared = essence(range);
        if (chosen == null || chosen.isBlank()) {
            if (declared.equals("*/*") || declared.equals("application/*")) {
                return OCTETS;
            }
            throw new ArgumentException(argument, "is required: the body's media type within " + declared);
        }
        String type = chosen.strip();
        if (!CONCRETE.matcher(type).matches()) {
            throw new ArgumentException(
                    argument, "'" + type + "' is not a media type; give one such as image/png (type/subtype)");
        }
        if (!within(essence(type), declared)) {
            throw new ArgumentException(argument, "'" + type + "' is not within " + declared);
        }
        return type;
    }

    /** Whether {@code type} matches {@code range}: {@code *} for any type or subtype, {@code *+xml} a suffix. */
    static boolean within(String type, String range) {
        int slash = range.indexOf('/');
        String rangeType = range.substring(0, slash);
        String rangeSubtype = range.substring(slash + 1);
        int typeSlash = type.indexOf('/');
        String subtype = type.substring(typeSlash + 1);
        if (!rangeType.equals("*") && !rangeType.equals(type.substring(0, typeSlash))) {
            return false;
        }
        if (rangeSubtype.equals("*")) {
            return true;
        }
        return rangeSubtype.startsWith("*")
                ? subtype.endsWith(rangeSubtype.substring(1)) && subtype.length() > rangeSubtype.length() - 1
                : rangeSubtype.equals(subtype);
    }

    private static String essence(String mediaType) {
        int semicolon = mediaType.indexOf(';');
        return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
    }
}
