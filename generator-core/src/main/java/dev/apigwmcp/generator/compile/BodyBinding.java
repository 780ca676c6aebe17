package dev.apigwmcp.generator.compile;

import java.util.Map;

/**
 * How the {@code body} argument is sent.
 *
 * @param argument  the argument's name (usually {@code body})
 * @param mediaType the request's Content-Type; for a {@link Kind#BINARY} body it may be a range ({@code image/*})
 * @param required  whether the body is required
 * @param kind      how the argument becomes the body's bytes
 * @param form      for a {@link Kind#FORM} body: property name to its declared serialisation (only properties the
 *                  media type's {@code encoding} object names), in declared order; empty otherwise
 * @param files     for a {@link Kind#MULTIPART} body: file property name to its part's Content-Type, in schema
 *                  order; empty otherwise
 * @param contentTypeArgument for a {@link Kind#BINARY} body: the argument naming the body's concrete media type
 *                  when {@code mediaType} is a range, else {@code null}
 */
public record BodyBinding(
        String argument,
        String mediaType,
        boolean required,
        Kind kind,
        Map<String, FormStyle> form,
        Map<String, String> files,
        String contentTypeArgument) {

    /** How the argument becomes the body. */
    public enum Kind {
        /** The argument as JSON. */
        JSON,
        /** The argument (a string) as it is. */
        TEXT,
        /** The argument (an object) as {@code application/x-www-form-urlencoded}. */
        FORM,
        /** The argument (an object) as {@code multipart/form-data}, files as base64. */
        MULTIPART,
        /** The argument (base64 text) decoded and sent as bytes. */
        BINARY
    }

    public BodyBinding {
        form = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(form));
        files = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(files));
    }

    /** A JSON or text body. */
    public BodyBinding(String argument, String mediaType, boolean required, boolean json) {
        this(argument, mediaType, required, json ? Kind.JSON : Kind.TEXT, Map.of(), Map.of(), null);
    }

    /** A form or multipart body. */
    public BodyBinding(
            String argument,
            String mediaType,
            boolean required,
            Kind kind,
            Map<String, FormStyle> form,
            Map<String, String> files) {
        this(argument, mediaType, required, kind, form, files, null);
    }

    /** A binary body; {@code contentTypeArgument} is {@code null} unless {@code mediaType} is a range. */
    public static BodyBinding binary(String argument, String mediaType, boolean required, String contentTypeArgument) {
        return new BodyBinding(argument, mediaType, required, Kind.BINARY, Map.of(), Map.of(), contentTypeArgument);
    }

    /** Whether the argument is sent as JSON. */
    public boolean json() {
        return kind == Kind.JSON;
    }
}
