package dev.apigwmcp.runtime.spi;

import tools.jackson.databind.node.ObjectNode;

/**
 * One tool call as a {@link ToolInterceptor} sees it. Used on the call's thread only, for the length of the call.
 */
public interface InterceptedCall {

    /** The tool being called. */
    ToolInfo tool();

    /** Who called (anonymous without inbound authorization). */
    CallerIdentity caller();

    /**
     * The call's arguments, validated against the tool's input schema: the call's own copy, which an interceptor may
     * change in place. A change is checked against the input schema again when the interceptor returns, and an
     * interceptor that breaks the schema ends the call with a tool error naming it.
     */
    ObjectNode arguments();

    /**
     * The arguments read into the tool's generated arguments record ({@code GetPetTool.Input}).
     *
     * @throws IllegalArgumentException when {@code type} is not this tool's arguments record
     */
    <I> I arguments(Class<I> type);

    /**
     * Replaces the arguments: a JSON object, or the tool's generated arguments record (or anything else that
     * {@link JsonWritable writes} a JSON object).
     */
    void setArguments(Object arguments);

    /**
     * Adds a header to the upstream request (sent on every attempt, signed by SigV4 like the others). Credentials
     * stay the runtime's: {@code Authorization}, {@code Proxy-*}, {@code Cookie}, {@code X-Api-Key}, {@code X-Amz-*},
     * the target's API key header and the header the tool's token goes in are refused, and so are headers the
     * gateway sets ({@code Host}, {@code Content-*}, ...), headers forwarded from the MCP request and headers an
     * argument sets.
     *
     * @throws IllegalArgumentException naming the header and the rule it breaks
     */
    void addHeader(String name, String value);
}
