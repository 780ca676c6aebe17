package dev.apigwmcp.generator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates emitted documents against the JSON Schema 2020-12 meta-schema. The validator uses Jackson 3, so
 * documents cross over as text. Remote fetching is off: the meta-schema comes from the validator's own resources.
 */
final class MetaSchema {
    /** Keywords whose values are data, not schemas: a "$ref" key inside them is not a reference. */
    private static final Set<String> VALUES = Set.of("enum", "const", "default", "examples");
    /** Keywords whose value maps names to schemas: a "$ref" key there is a property name, not a reference. */
    private static final Set<String> NAME_MAPS = Set.of("properties", "patternProperties", "$defs", "dependentSchemas");

    private static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    private final ObjectMapper jackson2 = new ObjectMapper();
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaLoader(loader -> loader.fetchRemoteResources(false)));
    private final Schema metaSchema = registry.getSchema(SchemaLocation.of(DIALECT));

    /** Meta-schema violations plus local {@code $ref}s that do not resolve inside the document; empty when valid. */
    List<String> problems(JsonNode document) {
        List<String> problems = new ArrayList<>();
        String json;
        try {
            json = jackson2.writeValueAsString(document);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        for (Error error : metaSchema.validate(json, InputFormat.JSON)) {
            problems.add(error.toString());
        }
        checkRefs(document, document, "", problems);
        return problems;
    }

    /** Validates an instance against a converted document (to prove the schema is usable, not only well-formed). */
    List<String> validate(JsonNode document, String instanceJson) {
        try {
            Schema schema = registry.getSchema(jackson2.writeValueAsString(document), InputFormat.JSON);
            return schema.validate(instanceJson, InputFormat.JSON).stream()
                    .map(Error::toString)
                    .toList();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void checkRefs(JsonNode root, JsonNode node, String at, List<String> problems) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null
                    && (!ref.isTextual()
                            || !ref.asText().startsWith("#/")
                            || root.at(ref.asText().substring(1)).isMissingNode())) {
                problems.add(at + "/$ref " + ref + " does not resolve inside the document");
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String here = at + "/" + field.getKey();
                if (NAME_MAPS.contains(field.getKey()) && field.getValue().isObject()) {
                    for (Map.Entry<String, JsonNode> named : field.getValue().properties()) {
                        checkRefs(root, named.getValue(), here + "/" + named.getKey(), problems);
                    }
                } else if (!VALUES.contains(field.getKey())) {
                    checkRefs(root, field.getValue(), here, problems);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkRefs(root, node.get(i), at + "/" + i, problems);
            }
        }
    }
}
