package dev.apigwmcp.maven.fetch;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.nio.charset.StandardCharsets;

/**
 * Re-formats a fetched export so the committed snapshot diffs well: two-space indent, {@code \n} line ends, a
 * final newline, keys in the export's own order, decimals with the digits sent (exponents written out).
 */
public final class SnapshotFormatter {

    private final ObjectMapper mapper = new ObjectMapper()
            // Keep 1.50 as 1.50 and 0.1 as 0.1: a snapshot must not change because of a binary float round trip.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** The formatted snapshot; throws with a clear message when the bytes are not one JSON object. */
    public byte[] format(byte[] export, String describedSource) throws FetchException {
        JsonNode tree;
        try {
            tree = mapper.readTree(export);
        } catch (JsonProcessingException e) {
            throw new FetchException("API Gateway returned an export that is not JSON for " + describedSource
                    + " (line " + e.getLocation().getLineNr() + "): " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new FetchException("could not read the export for " + describedSource + ": " + e.getMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new FetchException("API Gateway returned an export that is not a JSON object for " + describedSource);
        }
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("")
                        .withArrayEmptySeparator(""))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        try {
            String text = mapper.writer(printer).writeValueAsString(tree);
            return (text + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new FetchException(
                    "could not format the export for " + describedSource + ": " + e.getOriginalMessage());
        }
    }
}
