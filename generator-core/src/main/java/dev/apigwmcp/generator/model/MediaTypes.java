package dev.apigwmcp.generator.model;

import java.util.Locale;

/** Media type classification shared by request and response handling. */
public final class MediaTypes {

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
