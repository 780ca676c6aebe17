package dev.apigwmcp.runtime.spi;

import tools.jackson.databind.JsonNode;

/** A generated value type (a request body record) that can turn itself back into JSON. */
public interface JsonWritable {

    /** This value as JSON; Java {@code null} components are left out. */
    JsonNode toJson();
}
