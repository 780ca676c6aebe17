package dev.apigwmcp.runtime.execution;

/** The request body of a tool ({@code bindings.json} {@code tools[].body}). */
public record BodyBinding(String argument, String mediaType, boolean required) {
}
