package dev.apigwmcp.generator.schema;

import java.util.Objects;

/**
 * A problem found while converting a schema.
 *
 * @param pointer JSON pointer into the export where the problem is (e.g. {@code /components/schemas/Pet/$ref})
 * @param message what is wrong and what the converter did about it
 * @param error   {@code true} for an error (the export is wrong), {@code false} for a warning
 */
public record SchemaIssue(String pointer, String message, boolean error) {
    public SchemaIssue {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
    }

    static SchemaIssue error(String pointer, String message) {
        return new SchemaIssue(pointer, message, true);
    }

    static SchemaIssue warning(String pointer, String message) {
        return new SchemaIssue(pointer, message, false);
    }
}
