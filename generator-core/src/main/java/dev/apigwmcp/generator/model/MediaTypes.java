package dev.apigwmcp.generator.model;

import java.util.Locale;
import java.util.Set;

/** Media type classification shared by request and response handling. */
public final class MediaTypes {

    /** {@code application/} types that are text a model can write as it is (besides {@code +xml}, {@code +yaml}). */
    private static final Set<String> TEXTUAL_APPLICATION_TYPES = Set.of(
            "application/xml",
            "application/yaml",
            "application/x-yaml",
            "application/javascript",
            "application/x-javascript",
            "application/ecmascript",
            "application/graphql",
            "application/sql",
            "application/ndjson",
            "application/x-ndjson",
            "application/jsonl",
            "application/x-jsonlines",
            "application/text",
            "application/csv",
            "application/x-sh");

    private MediaTypes() {}

    /** {@code application/json}, {@code application/*+json}, {@code text/json}, with any parameters. */
    public static boolean isJson(String mediaType) {
        if (mediaType == null) {
            return false;
        }
        String type = essence(mediaType);
        return type.equals("application/json") || type.equals("text/json") || type.endsWith("+json");
    }

    /** {@code text/*} other than JSON. */
    public static boolean isText(String mediaType) {
        return mediaType != null && essence(mediaType).startsWith("text/") && !isJson(mediaType);
    }

    /**
     * Text that is neither JSON nor {@code text/*}: XML ({@code application/xml}, {@code application/*+xml}), YAML,
     * JavaScript, GraphQL, SQL, NDJSON / JSON Lines, CSV, shell scripts and the misspelt {@code application/text}
     * under {@code application/}. Not a range.
     */
    public static boolean isOtherText(String mediaType) {
        if (mediaType == null || isJson(mediaType) || isRange(mediaType)) {
            return false;
        }
        String type = essence(mediaType);
        return TEXTUAL_APPLICATION_TYPES.contains(type)
                || type.startsWith("application/") && (type.endsWith("+xml") || type.endsWith("+yaml"));
    }

    /** A media range such as {@code image/*} or {@code *}{@code /*}: no request can carry it as its Content-Type. */
    public static boolean isRange(String mediaType) {
        return mediaType != null && essence(mediaType).contains("*");
    }

    /** {@code application/x-www-form-urlencoded}, with any parameters. */
    public static boolean isForm(String mediaType) {
        return mediaType != null && essence(mediaType).equals("application/x-www-form-urlencoded");
    }

    /** {@code multipart/form-data}, with any parameters. */
    public static boolean isMultipartForm(String mediaType) {
        return mediaType != null && essence(mediaType).equals("multipart/form-data");
    }

    /** The type/subtype without parameters, lower case. */
    public static String essence(String mediaType) {
        int semicolon = mediaType.indexOf(';');
        String type = semicolon < 0 ? mediaType : mediaType.substring(0, semicolon);
        return type.trim().toLowerCase(Locale.ROOT);
    }
}
