package dev.apigwmcp.generator.compile;

/**
 * How one property of a form body is serialised, from the media type's {@code encoding} object with OpenAPI's
 * defaults filled in (style {@code form}; explode {@code true} for {@code form}, else {@code false}).
 *
 * @param style   {@code form}, {@code spaceDelimited}, {@code pipeDelimited} or {@code deepObject}
 * @param explode whether arrays become repeated keys and objects one key per member
 */
public record FormStyle(String style, boolean explode) {}
