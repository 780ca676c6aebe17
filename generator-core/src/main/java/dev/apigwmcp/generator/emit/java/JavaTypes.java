package dev.apigwmcp.generator.emit.java;

import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.Set;

/**
 * The Java types generated code uses, and how a JSON Schema maps to them: {@code string} → {@code String},
 * {@code integer} → {@code Long}, {@code number} → {@code BigDecimal}, {@code boolean} → {@code Boolean},
 * arrays → {@code List<T>}, plain object trees → generated records; everything else → {@code JsonNode}.
 */
final class JavaTypes {

    static final String SPI = "dev.apigwmcp.runtime.spi";
    static final ClassName ARGUMENTS = ClassName.get(SPI, "Arguments");
    static final ClassName GENERATED_TOOL = ClassName.get(SPI, "GeneratedTool");
    static final ClassName TOOL_REGISTRY = ClassName.get(SPI, "ToolRegistry");
    static final ClassName REQUEST_BUILDER = ClassName.get(SPI, "UpstreamRequestBuilder");
    static final ClassName QUERY_STYLE = ClassName.get(SPI, "QueryStyle");
    static final ClassName JSON_WRITABLE = ClassName.get(SPI, "JsonWritable");
    static final ClassName JSON_NODE = ClassName.get("tools.jackson.databind", "JsonNode");
    static final ClassName OBJECT_NODE = ClassName.get("tools.jackson.databind.node", "ObjectNode");
    static final ClassName NODE_FACTORY = ClassName.get("tools.jackson.databind.node", "JsonNodeFactory");
    static final ClassName STRING = ClassName.get(String.class);
    static final ClassName LONG = ClassName.get(Long.class);
    static final ClassName BIG_DECIMAL = ClassName.get(java.math.BigDecimal.class);
    static final ClassName BOOLEAN = ClassName.get(Boolean.class);
    static final ClassName LIST = ClassName.get(java.util.List.class);
    static final ClassName MAP = ClassName.get(java.util.Map.class);
    static final ClassName SET = ClassName.get(java.util.Set.class);

    /** Type names are immutable: the ones every record uses are built once. */
    private static final TypeName EXTRAS_MAP = ParameterizedTypeName.get(MAP, STRING, JSON_NODE);

    static final TypeName STRING_SET = ParameterizedTypeName.get(SET, STRING);

    private static final Set<String> COMPOSITION = Set.of(
            "allOf",
            "anyOf",
            "oneOf",
            "not",
            "if",
            "$ref",
            "patternProperties",
            "dependentSchemas",
            "dependentRequired",
            "unevaluatedProperties",
            "prefixItems",
            "propertyNames",
            "const");

    private JavaTypes() {}

    /** A scalar JSON kind with its Java type and {@code Arguments} readers. */
    enum Scalar {
        STRING(JavaTypes.STRING, "string", "asString"),
        INTEGER(JavaTypes.LONG, "integer", "asInteger"),
        NUMBER(JavaTypes.BIG_DECIMAL, "number", "asNumber"),
        BOOLEAN(JavaTypes.BOOLEAN, "bool", "asBool"),
        JSON(JavaTypes.JSON_NODE, "json", "asJson");

        final TypeName type;
        final String memberReader;
        final String valueReader;
        /** {@code Arguments::asString}: the same block for every list of this kind (blocks are immutable). */
        private final CodeBlock elementReader;

        Scalar(TypeName type, String memberReader, String valueReader) {
            this.type = type;
            this.memberReader = memberReader;
            this.valueReader = valueReader;
            this.elementReader = CodeBlock.of("$T::" + valueReader, ARGUMENTS);
        }

        CodeBlock elementReader() {
            return elementReader;
        }
    }

    /** The scalar kind of a schema, or {@code null} when it is an array or object. */
    static Scalar scalar(JsonNode schema) {
        String type = singleType(schema);
        if (type == null) {
            return schema.isEmpty() || hasComposition(schema) ? Scalar.JSON : null;
        }
        return switch (type) {
            case "string" -> Scalar.STRING;
            case "integer" -> Scalar.INTEGER;
            case "number" -> Scalar.NUMBER;
            case "boolean" -> Scalar.BOOLEAN;
            case "array", "object" -> hasComposition(schema) ? Scalar.JSON : null;
            default -> Scalar.JSON;
        };
    }

    /** The one non-null type of a schema ({@code "T"} or {@code ["T","null"]}), else {@code null}. */
    static String singleType(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return null;
        }
        if (type.isTextual()) {
            return type.asText();
        }
        if (type.isArray() && type.size() == 2) {
            String a = type.get(0).asText();
            String b = type.get(1).asText();
            return a.equals("null") ? b : b.equals("null") ? a : null;
        }
        return null;
    }

    static boolean isNullable(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type != null && type.isArray()) {
            for (JsonNode t : type) {
                if (t.asText().equals("null")) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean hasComposition(JsonNode schema) {
        for (String keyword : COMPOSITION) {
            if (schema.has(keyword)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A plain object tree: type {@code object}, declared properties, no composition; additional properties are
     * carried in a map unless forbidden.
     */
    static boolean isPlainObject(JsonNode schema) {
        JsonNode properties = schema.get("properties");
        JsonNode type = schema.get("type");
        return type != null
                && type.isTextual()
                && type.asText().equals("object")
                && !hasComposition(schema)
                && properties != null
                && properties.isObject()
                && !properties.isEmpty();
    }

    static boolean allowsAdditional(JsonNode schema) {
        JsonNode additional = schema.get("additionalProperties");
        return additional == null || !(additional.isBoolean() && !additional.asBoolean());
    }

    static TypeName listOf(TypeName element) {
        return ParameterizedTypeName.get(LIST, element);
    }

    static TypeName extrasMap() {
        return EXTRAS_MAP;
    }
}
