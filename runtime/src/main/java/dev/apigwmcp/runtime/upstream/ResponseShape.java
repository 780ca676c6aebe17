package dev.apigwmcp.runtime.upstream;

/**
 * What the generator recorded about a tool's successful output.
 *
 * @param structured whether the tool declares an output schema, so JSON results also go to {@code structuredContent}
 * @param wrap       property to wrap a non-object JSON result in (usually {@code result}), or {@code null}
 */
public record ResponseShape(boolean structured, String wrap) {

    public static final ResponseShape UNSTRUCTURED = new ResponseShape(false, null);
}
