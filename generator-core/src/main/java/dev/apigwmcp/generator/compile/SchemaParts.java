package dev.apigwmcp.generator.compile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigwmcp.generator.problem.ProblemCollector;
import dev.apigwmcp.generator.schema.SchemaDocument;
import dev.apigwmcp.generator.schema.SchemaIssue;
import java.util.List;

/** What the input and output steps do alike with a converted schema document. */
final class SchemaParts {

    private SchemaParts() {}

    /** Puts the document's {@code $defs} (shared, recursive components) under {@code root}. */
    static void attachDefs(ObjectNode root, SchemaDocument document) {
        if (!document.defs().isEmpty()) {
            ObjectNode defs = root.putObject("$defs");
            document.defs().forEach(defs::set);
        }
    }

    static void report(List<SchemaIssue> issues, ProblemCollector problems) {
        for (SchemaIssue issue : issues) {
            if (issue.error()) {
                problems.error(issue.pointer(), issue.message());
            } else {
                problems.warning(issue.pointer(), issue.message());
            }
        }
    }
}
