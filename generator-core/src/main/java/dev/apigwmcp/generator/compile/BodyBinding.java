package dev.apigwmcp.generator.compile;

/**
 * How the {@code body} argument is sent.
 *
 * @param argument  the argument's name (usually {@code body})
 * @param mediaType the request's Content-Type
 * @param required  whether the body is required
 * @param json      JSON body (else a text body)
 */
public record BodyBinding(String argument, String mediaType, boolean required, boolean json) {}
