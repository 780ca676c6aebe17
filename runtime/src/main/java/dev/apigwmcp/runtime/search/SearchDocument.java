package dev.apigwmcp.runtime.search;

import java.util.Map;
import java.util.Objects;

/**
 * What the search knows of one tool: its text in separate fields, weighed separately ({@link SearchField}).
 *
 * @param name   the tool's name
 * @param fields text by field; a field the tool has nothing for is absent or empty
 */
public record SearchDocument(String name, Map<SearchField, String> fields) {

    public SearchDocument {
        Objects.requireNonNull(name, "name");
        fields = Map.copyOf(fields);
    }

    /** The field's text, empty when the tool has none. */
    public String text(SearchField field) {
        return fields.getOrDefault(field, "");
    }
}
