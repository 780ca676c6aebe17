package dev.apigwmcp.runtime.execution;

/**
 * How one tool argument maps to HTTP ({@code bindings.json} {@code tools[].arguments[]}).
 *
 * @param name      the tool argument (JSON property)
 * @param in        {@code path}, {@code query}, {@code header}, {@code cookie} or {@code method}
 * @param parameter the HTTP name
 * @param required  whether the argument is required
 * @param greedy    for a {@code {name+}} path variable
 * @param style     OpenAPI style, or {@code null}
 * @param explode   OpenAPI explode, or {@code null}
 */
record ArgumentBinding(
        String name, String in, String parameter, boolean required, boolean greedy, String style, Boolean explode) {}
