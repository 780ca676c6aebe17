package dev.apigwmcp.runtime.execution;

/** The request body of a tool ({@code bindings.json} {@code tools[].body}). */
record BodyBinding(String argument, String mediaType, boolean required) {}
