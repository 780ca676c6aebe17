package dev.apigwmcp.generator.model;

/**
 * How one property of a form body is serialised: an entry of the media type's OpenAPI {@code encoding} object.
 *
 * @param style       {@code form}, {@code spaceDelimited}, {@code pipeDelimited} or {@code deepObject}, or
 *                    {@code null} when not declared
 * @param explode     whether arrays and objects are exploded, or {@code null} when not declared
 * @param contentType the declared content type of the property, or {@code null}
 */
public record ApiEncoding(String style, Boolean explode, String contentType) {}
