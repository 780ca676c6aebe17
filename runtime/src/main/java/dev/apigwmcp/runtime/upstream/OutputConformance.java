package dev.apigwmcp.runtime.upstream;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** Checks candidate {@code structuredContent} against the output schema a tool lists. */
@FunctionalInterface
public interface OutputConformance {

    /** How {@code structuredContent} breaks the schema, one {@code $.path: reason} line each; empty: it conforms. */
    List<String> problems(JsonNode structuredContent);
}
