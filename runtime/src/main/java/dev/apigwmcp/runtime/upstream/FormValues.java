package dev.apigwmcp.runtime.upstream;

import dev.apigwmcp.runtime.spi.ArgumentException;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** The text of a form value, shared by the urlencoded and the multipart encoders. */
final class FormValues {

    private FormValues() {}

    /**
     * Strings as they are, integers and decimals as written (never in exponent form), booleans as
     * {@code true}/{@code false}, arrays and objects as compact JSON; checked to have a UTF-8 form.
     */
    static String text(String argument, String member, JsonNode value) {
        String text;
        if (value.isString()) {
            text = value.stringValue();
        } else if (value.isIntegralNumber()) {
            text = value.bigIntegerValue().toString();
        } else if (value.isNumber()) {
            text = value.decimalValue().toPlainString();
        } else {
            text = value.isBoolean() ? String.valueOf(value.booleanValue()) : value.toString();
        }
        checkUnicode(argument, member, text);
        return text;
    }

    /** An unpaired surrogate has no UTF-8 form; encoding it would silently send {@code ?} instead. */
    static void checkUnicode(String argument, String member, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new ArgumentException(
                        argument,
                        "member '" + member + "' contains an unpaired UTF-16 surrogate (U+"
                                + Integer.toHexString(c).toUpperCase(Locale.ROOT) + "), which cannot be sent as UTF-8");
            }
        }
    }

    /** {@code must be an object of form fields, not array}. */
    static ArgumentException notAnObject(String argument, JsonNode body) {
        return new ArgumentException(
                argument,
                "must be an object of form fields, not "
                        + body.getNodeType().name().toLowerCase(Locale.ROOT));
    }
}
