package dev.apigwmcp.generator;

/**
 * Counts for one target, for the build log.
 *
 * @param target      the target's name
 * @param operations  operations in the export
 * @param tools       tools generated
 * @param filteredOut operations not selected by the filters
 */
public record TargetSummary(String target, int operations, int tools, int filteredOut) {}
