package dev.apigwmcp.generator;

/**
 * One generated tool, for logs and summaries.
 *
 * @param target the target it belongs to
 * @param name   the final tool name
 * @param method HTTP method
 * @param path   resource path as in the export
 */
public record ToolSummary(String target, String name, String method, String path) {}
