package dev.apigwmcp.generator.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.apigwmcp.generator.schema.pattern.PortablePatterns;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks one schema document against the JSON Schema 2020-12 meta-schema, checks that its local {@code $ref}s
 * resolve inside it and that every pattern is in the spelling MCP clients and the runtime read alike (one
 * {@link PortablePatterns} leaves unchanged; {@code PatternEnginesTest} checks that spelling on real engines). Mirrors the schema package's test helper, which is package-private there. Not thread-safe by
 * contract (the validator's caches are not documented as such): use one per thread.
 */
final class SchemaCheck {
    /** Keywords whose values are data, not schemas: a "$ref" key inside them is not a reference. */
    private static final Set<String> VALUES = Set.of("enum", "const", "default", "examples");
    /** Keywords whose value maps names to schemas: a "$ref" key there is a property name, not a reference. */
    private static final Set<String> NAME_MAPS =
            Set.of("properties", "patternProperties", "$defs", "dependentSchemas", "definitions");

    private static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaLoader(loader -> loader.fetchRemoteResources(false)));
    private final Schema metaSchema = registry.getSchema(SchemaLocation.of(DIALECT));
    private final PortablePatterns patterns = new PortablePatterns();

    /** Problems of {@code document} (its JSON text is {@code json}); empty when it is a valid 2020-12 schema. */
    List<String> problems(JsonNode document, String json) {
        List<String> problems = new ArrayList<>();
        for (Error error : metaSchema.validate(json, InputFormat.JSON)) {
            problems.add(error.toString());
        }
        checkRefs(document, document, "", problems);
        checkPatterns(document, "", problems);
        return problems;
    }

    private void checkPatterns(JsonNode node, String at, List<String> problems) {
        if (node.isObject()) {
            JsonNode pattern = node.get("pattern");
            if (pattern != null && pattern.isTextual()) {
                checkPattern(pattern.asText(), at + "/pattern", problems);
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String key = field.getKey();
                String here = at + "/" + escape(key);
                if (NAME_MAPS.contains(key) && field.getValue().isObject()) {
                    for (Map.Entry<String, JsonNode> named : field.getValue().properties()) {
                        if (key.equals("patternProperties")) {
                            checkPattern(named.getKey(), here + "/" + escape(named.getKey()), problems);
                        }
                        checkPatterns(named.getValue(), here + "/" + escape(named.getKey()), problems);
                    }
                } else if (!VALUES.contains(key)) {
                    checkPatterns(field.getValue(), here, problems);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkPatterns(node.get(i), at + "/" + i, problems);
            }
        }
    }

    private void checkPattern(String pattern, String at, List<String> problems) {
        PortablePatterns.Verdict verdict = patterns.check(pattern);
        if (verdict instanceof PortablePatterns.Kept kept && !kept.rewritten()) {
            return;
        }
        problems.add(at + ": pattern '" + pattern + "' is not in its portable spelling: "
                + (verdict instanceof PortablePatterns.Kept kept
                        ? "that is '" + kept.pattern() + "'"
                        : ((PortablePatterns.Dropped) verdict).reason()));
    }

    private static void checkRefs(JsonNode root, JsonNode node, String at, List<String> problems) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && !resolves(root, ref)) {
                problems.add(at + "/$ref " + ref + " does not resolve inside the document");
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String key = field.getKey();
                String here = at + "/" + escape(key);
                if (NAME_MAPS.contains(key) && field.getValue().isObject()) {
                    for (Map.Entry<String, JsonNode> named : field.getValue().properties()) {
                        checkRefs(root, named.getValue(), here + "/" + escape(named.getKey()), problems);
                    }
                } else if (!VALUES.contains(key)) {
                    checkRefs(root, field.getValue(), here, problems);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkRefs(root, node.get(i), at + "/" + i, problems);
            }
        }
    }

    /** Only document-local references are expected: the generator makes each schema self-contained. */
    private static boolean resolves(JsonNode root, JsonNode ref) {
        if (!ref.isTextual() || !ref.asText().startsWith("#")) {
            return false;
        }
        // The fragment is URI-encoded ("%20" for a space); a JSON pointer is not.
        String fragment;
        try {
            fragment = URLDecoder.decode(ref.asText().substring(1).replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false; // a malformed %-escape
        }
        if (!fragment.isEmpty() && !fragment.startsWith("/")) {
            return root.findValues("$anchor").stream().anyMatch(anchor -> fragment.equals(anchor.asText()));
        }
        return !root.at(fragment).isMissingNode();
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
