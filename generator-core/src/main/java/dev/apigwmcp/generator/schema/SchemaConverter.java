package dev.apigwmcp.generator.schema;

import dev.apigwmcp.generator.schema.pattern.PortablePatterns;
import io.swagger.v3.oas.models.media.Schema;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Converts the schemas of one parsed export (OpenAPI 3.0, 3.1, or Swagger 2.0 converted by swagger-parser) into
 * self-contained JSON Schema 2020-12, one {@link SchemaDocument} per emitted schema.
 *
 * <p>Each component schema is converted at most once per {@link Direction} and the resulting Jackson node is shared
 * by every document that inlines it, which keeps big exports with heavy reuse fast. Shared nodes must therefore
 * never be mutated: only the object returned by {@link SchemaDocument#convert} itself belongs to the caller.
 *
 * <p>Thread-safe: the compile runs of one export share a converter, so a component is converted once however many
 * threads use it (two threads converting it at the same moment each get an equal result).
 */
public final class SchemaConverter {
    /** Where component schemas live in an OpenAPI 3 export. */
    public static final String OPENAPI_COMPONENTS = "/components/schemas";
    /** Where they lived in the Swagger 2.0 original, for pointers that lead back into that file. */
    public static final String SWAGGER2_DEFINITIONS = "/definitions";

    private final Map<Direction, DirectionTranslator> translators = new EnumMap<>(Direction.class);
    private final ComponentIndex index;

    /**
     * @param components OpenAPI {@code components.schemas} (may be null or empty)
     * @param openApi31  the export is OpenAPI 3.1 (schemas are already 2020-12 and carry {@code types})
     */
    @SuppressWarnings("rawtypes")
    public SchemaConverter(Map<String, Schema> components, boolean openApi31) {
        this(components, openApi31, OPENAPI_COMPONENTS);
    }

    /**
     * @param componentsPointer JSON pointer of the component map in the export, used in issues: {@link
     *                          #OPENAPI_COMPONENTS}, or {@link #SWAGGER2_DEFINITIONS} when the export was Swagger 2.0
     */
    @SuppressWarnings("rawtypes")
    public SchemaConverter(Map<String, Schema> components, boolean openApi31, String componentsPointer) {
        this(components, Map.of(), openApi31, componentsPointer);
    }

    /**
     * @param pathSchemas schemas under {@code #/paths} that references point into, by their pointer (see
     *                    {@link PathSchemaPointer})
     */
    @SuppressWarnings("rawtypes")
    public SchemaConverter(
            Map<String, Schema> components,
            Map<String, Schema> pathSchemas,
            boolean openApi31,
            String componentsPointer) {
        Objects.requireNonNull(componentsPointer, "componentsPointer");
        this.index = new ComponentIndex(components, pathSchemas, openApi31, componentsPointer);
        PortablePatterns patterns = new PortablePatterns();
        for (Direction direction : Direction.values()) {
            translators.put(direction, new DirectionTranslator(direction, openApi31, index, patterns));
        }
    }

    /** A new self-contained output document (one tool's input or output schema). */
    public SchemaDocument newDocument(Direction direction) {
        Objects.requireNonNull(direction, "direction");
        return new SchemaDocument(translators.get(direction), index);
    }
}
