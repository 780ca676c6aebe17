package dev.apigwmcp.generator.emit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The one way generated JSON is written: two-space indent, {@code "key": value}, one array element per line,
 * {@code \n} line ends whatever the platform, a final newline. Key order is the nodes' insertion order, which
 * the compiler fixes, so equal models give equal bytes.
 */
public final class JsonOutput {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final ObjectWriter PRETTY = MAPPER.writer(prettyPrinter());
    private static final ObjectWriter COMPACT = MAPPER.writer();

    private JsonOutput() {}

    /** Pretty JSON text ending with a newline. */
    public static String pretty(JsonNode node) {
        try {
            return PRETTY.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree built in memory is always writable", e);
        }
    }

    /** Pretty JSON as UTF-8, without the final newline: the piece {@link Utf8Buffer} documents are made of. */
    static byte[] prettyUtf8(JsonNode node) {
        try {
            return PRETTY.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree built in memory is always writable", e);
        }
    }

    /** Compact single-line JSON. */
    public static String compact(JsonNode node) {
        try {
            return COMPACT.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree built in memory is always writable", e);
        }
    }

    /** A JSON string literal (or {@code null}), escaped exactly as the writers above escape it. */
    static String string(String text) {
        return compact(text == null ? NullNode.instance : TextNode.valueOf(text));
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return printer;
    }
}
