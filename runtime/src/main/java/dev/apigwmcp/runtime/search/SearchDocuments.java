package dev.apigwmcp.runtime.search;

import dev.apigwmcp.runtime.tools.ToolListing;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the search documents the generator writes ({@code apigw-mcp/targets/<target>/search.json}, format in
 * docs/contract.md), and makes one from a tool's {@code tools/list} entry where a catalog has none (a catalog
 * generated before search documents existed, or a tool service without a generator).
 */
public final class SearchDocuments {

    /** The {@code searchVersion} this runtime reads. */
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private SearchDocuments() {}

    /**
     * The documents of one {@code search.json}.
     *
     * @param source where the bytes come from, for the error message
     * @throws IllegalArgumentException naming the source and the fault when the file is not a search document
     *                                  list of a version this runtime reads
     */
    public static List<SearchDocument> read(byte[] json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(source + " is not JSON: " + e.getOriginalMessage());
        }
        JsonNode version = root.path("searchVersion");
        if (!version.isInt() || version.intValue() != VERSION) {
            throw new IllegalArgumentException(source + ": searchVersion is " + version + ", this runtime reads "
                    + VERSION + " (regenerate the tools with the matching generator)");
        }
        JsonNode tools = root.path("tools");
        if (!tools.isArray()) {
            throw new IllegalArgumentException(source + ": 'tools' is not an array");
        }
        List<SearchDocument> documents = new ArrayList<>(tools.size());
        for (int i = 0; i < tools.size(); i++) {
            JsonNode tool = tools.get(i);
            JsonNode name = tool.path("name");
            if (!name.isString() || name.stringValue().isEmpty()) {
                throw new IllegalArgumentException(source + ": tools[" + i + "].name is not a tool name");
            }
            Map<SearchField, String> fields = new EnumMap<>(SearchField.class);
            for (SearchField field : SearchField.values()) {
                JsonNode text = tool.get(field.key());
                if (text != null && text.isString()) {
                    fields.put(field, text.stringValue());
                }
            }
            documents.add(new SearchDocument(name.stringValue(), fields));
        }
        return documents;
    }

    /**
     * A document from what {@code tools/list} says of a tool: its name as words, title, description and argument
     * names with their descriptions.
     */
    public static SearchDocument fromListing(ToolListing listing) {
        JsonNode definition = listing.definition();
        Map<SearchField, String> fields = new EnumMap<>(SearchField.class);
        String name = listing.name();
        int prefix = name.indexOf("___");
        fields.put(SearchField.WORDS, words(prefix < 0 ? name : name.substring(prefix + 3)));
        fields.put(SearchField.TITLE, definition.path("title").asString(""));
        fields.put(SearchField.DESCRIPTION, definition.path("description").asString(""));
        StringBuilder arguments = new StringBuilder();
        JsonNode properties = definition.path("inputSchema").path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            arguments
                    .append(words(property.getKey()))
                    .append(": ")
                    .append(property.getValue().path("description").asString(""))
                    .append(" ; ");
        }
        fields.put(SearchField.ARGUMENTS, arguments.toString());
        return new SearchDocument(name, fields);
    }

    /** An identifier's words: split at non-letters and digits and at lower-to-upper case changes. */
    static String words(String identifier) {
        return identifier
                .replaceAll("([\\p{Ll}\\p{N}])(\\p{Lu})", "$1 $2")
                .replaceAll("(\\p{Lu})(\\p{Lu}\\p{Ll})", "$1 $2")
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip()
                .toLowerCase(java.util.Locale.ROOT);
    }
}
