package dev.apigwmcp.runtime.execution;

/**
 * A tool's successful output ({@code bindings.json} {@code tools[].output}).
 *
 * @param mediaType media type of the lowest 2xx response, or {@code null}
 * @param wrap      property to wrap a non-object JSON result in, or {@code null}
 * @param schema    whether the tool has an output schema
 */
record OutputBinding(String mediaType, String wrap, boolean schema) {}
