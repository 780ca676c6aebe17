package dev.apigwmcp.runtime.execution;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.SchemaContext;
import com.networknt.schema.format.Format;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The {@code format} checks for output schemas, lined up with the ones the official TypeScript SDK client runs
 * (ajv with ajv-formats, full mode): a value that format rejects there must be rejected here too, or the client
 * throws on an answer sent as conforming. The library's checks are kept for the formats both know; where the
 * library accepts values ajv-formats rejects, a stricter check is added, and {@code email} is checked by shape as
 * ajv-formats checks it. Formats ajv-formats asserts that the library does not know are added ({@code int32},
 * {@code int64}, {@code byte}, {@code url}, {@code iso-time}, {@code iso-date-time},
 * {@code json-pointer-uri-fragment}; where ajv-formats' rule is intricate, a subset of what it accepts). Formats
 * only the library asserts (its non-standard extras, and {@code idn-*} and {@code iri*}, which ajv-formats
 * ignores) are removed, since a client accepts any value for them.
 */
final class ClientFormats {

    /** The library's formats that ajv-formats asserts too. */
    private static final Set<String> SHARED = Set.of(
            "date",
            "date-time",
            "time",
            "duration",
            "uri",
            "uri-reference",
            "uri-template",
            "email",
            "hostname",
            "ipv4",
            "ipv6",
            "regex",
            "uuid",
            "json-pointer",
            "relative-json-pointer");

    /** A DNS name of dot-separated labels (letters, digits, inner hyphens), with at least one dot. */
    private static final Pattern DOTTED_DOMAIN = Pattern.compile(
            "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    /** The dot-atom local part of an address (RFC 5322 atext), without quoted strings. */
    private static final Pattern DOT_ATOM =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    /** RFC 3339 partial-time with an optional offset (whose minutes, unlike ajv's, are required). */
    private static final String ISO_TIME = "(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.[0-9]+)?"
            + "(?:[zZ]|[+-](?:[01][0-9]|2[0-3]):?[0-5][0-9])?";

    private static final Pattern ISO_TIME_ONLY = Pattern.compile(ISO_TIME);
    private static final Pattern ISO_DATE_TIME = Pattern.compile("([0-9]{4}-[0-9]{2}-[0-9]{2})[tT ]" + ISO_TIME);
    /**
     * An absolute http, https or ftp URL with a DNS host whose last label is letters only, no user info, an
     * optional port and a path without white space: a subset of what ajv-formats' {@code url} accepts.
     */
    private static final Pattern URL = Pattern.compile(
            EcmaScriptPatterns.translate("^(?:[hH][tT][tT][pP][sS]?|[fF][tT][pP])://[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*"
                    + "(?:\\.[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*)*\\.[A-Za-z]{2,}(?::[0-9]{2,5})?(?:/\\S*)?$"));
    /** RFC 6901 section 6: a JSON pointer as a URI fragment. */
    private static final Pattern POINTER_FRAGMENT =
            Pattern.compile("#(?:/(?:[A-Za-z0-9_.!$&'()*+,;:=@-]|%[0-9A-Fa-f]{2}|~[01])*)*");
    /** Canonical base64 (RFC 4648 section 4) with padding. */
    private static final Pattern BASE64 =
            Pattern.compile("(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?");

    private ClientFormats() {}

    /** Rewrites the library's format table in place. */
    static void align(Map<String, Format> formats) {
        formats.keySet().retainAll(SHARED);
        // The library checks addresses against a list of top-level domains (rejecting user@corp.internal); ajv
        // checks the shape only, and so does this.
        formats.put("email", new StringFormat("email", ClientFormats::plainAddress));
        formats.computeIfPresent("hostname", (name, format) -> stricter(format, value -> value.length() <= 253));
        formats.put(
                "int32",
                new NumberFormat(
                        "int32",
                        value -> ArgumentCoercion.isIntegral(value)
                                && value.doubleValue() >= Integer.MIN_VALUE
                                && value.doubleValue() <= Integer.MAX_VALUE));
        formats.put("int64", new NumberFormat("int64", ArgumentCoercion::isIntegral));
        formats.put(
                "byte", new StringFormat("byte", value -> BASE64.matcher(value).matches()));
        // The library allows space, quote and backslash in a template; ajv-formats allows none of them.
        formats.computeIfPresent(
                "uri-template",
                (name, format) -> stricter(
                        format,
                        value -> value.chars().noneMatch(c -> c <= ' ' || c == '\'' || c == '\\' || c == 0x7F)));
        formats.put("url", new StringFormat("url", value -> URL.matcher(value).find()));
        formats.put(
                "iso-time",
                new StringFormat(
                        "iso-time", value -> ISO_TIME_ONLY.matcher(value).matches()));
        formats.put("iso-date-time", new StringFormat("iso-date-time", ClientFormats::isoDateTime));
        formats.put(
                "json-pointer-uri-fragment",
                new StringFormat(
                        "json-pointer-uri-fragment",
                        value -> POINTER_FRAGMENT.matcher(value).matches()));
    }

    /** A date and a time of day, the date a real one (no February 30th). */
    static boolean isoDateTime(String value) {
        java.util.regex.Matcher matcher = ISO_DATE_TIME.matcher(value);
        if (!matcher.matches()) {
            return false;
        }
        try {
            java.time.LocalDate.parse(matcher.group(1));
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    /** {@code local@domain} with a dot-atom local part and a dotted DNS domain (no IP literal, no quotes). */
    static boolean plainAddress(String value) {
        int at = value.lastIndexOf('@');
        return at > 0
                && DOT_ATOM.matcher(value.substring(0, at)).matches()
                && DOTTED_DOMAIN.matcher(value.substring(at + 1)).matches();
    }

    private static Format stricter(Format library, Predicate<String> extra) {
        return new Format() {
            @Override
            public String getName() {
                return library.getName();
            }

            @Override
            public String getMessageKey() {
                return library.getMessageKey();
            }

            @Override
            public boolean matches(ExecutionContext context, SchemaContext schema, String value) {
                return library.matches(context, schema, value) && extra.test(value);
            }
        };
    }

    /** A format that checks strings only (other types pass, as in ajv). */
    private record StringFormat(String name, Predicate<String> check) implements Format {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean matches(ExecutionContext context, String value) {
            return check.test(value);
        }
    }

    /** A format that checks numbers only (ajv-formats' {@code int32} and {@code int64}; other types pass). */
    private record NumberFormat(String name, Predicate<JsonNode> check) implements Format {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean matches(ExecutionContext context, SchemaContext schema, JsonNode value) {
            return !value.isNumber() || check.test(value);
        }
    }
}
