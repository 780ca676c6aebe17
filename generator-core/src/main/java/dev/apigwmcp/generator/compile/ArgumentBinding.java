package dev.apigwmcp.generator.compile;

/**
 * How one tool argument reaches the HTTP request.
 *
 * @param name      the argument (JSON property of the input schema)
 * @param in        {@code path}, {@code query}, {@code header}, {@code cookie} or {@code method}
 * @param parameter the name in HTTP (equal to {@code name} unless renamed or sanitised)
 * @param required  whether the argument is required
 * @param greedy    a {@code {name+}} path variable whose value may contain {@code /}
 * @param style     serialisation style for arrays in the query ({@code form}, {@code spaceDelimited},
 *                  {@code pipeDelimited}, {@code tabDelimited}, {@code deepObject}), else {@code null}
 * @param explode   whether array values repeat the parameter ({@code a=1&a=2}); {@code null} when not relevant
 */
public record ArgumentBinding(
        String name, String in, String parameter, boolean required, boolean greedy, String style, Boolean explode) {}
