package dev.apigwmcp.generator.emit.java;

import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Maps JSON Schemas to {@link ValueType}s, generating nested records for plain object trees (see
 * {@link JavaTypes#isPlainObject}). Records carry undeclared members in an {@code additionalProperties} map
 * unless the schema forbids them, so no data is lost in a round trip.
 */
final class RecordFactory {

    /** Names a record component must not take (methods of records and of our generated records). */
    static final String[] RESERVED_MEMBERS = {
        "read",
        "toJson",
        "clone",
        "finalize",
        "getClass",
        "hashCode",
        "notify",
        "notifyAll",
        "toString",
        "wait",
        "equals",
        "KNOWN"
    };

    /**
     * @param schema       the value's schema
     * @param propertyName the JSON name the value sits under (for type names)
     * @param owner        the record the value belongs to (nested records are added to it)
     * @param types        names taken among {@code owner}'s nested types and enclosing types
     * @param keepNull     keep nullable values as raw JSON (for body members, where null differs from absent)
     */
    ValueType map(JsonNode schema, String propertyName, Owner owner, JavaNames.Scope types, boolean keepNull) {
        if (keepNull && JavaTypes.isNullable(schema)) {
            return new ValueType.RawJson();
        }
        JavaTypes.Scalar scalar = JavaTypes.scalar(schema);
        if (scalar != null) {
            return new ValueType.Scalar(scalar);
        }
        String type = JavaTypes.singleType(schema);
        if ("array".equals(type)) {
            JsonNode items = schema.get("items");
            if (items == null || !items.isObject()) {
                return new ValueType.ListOf(new ValueType.Scalar(JavaTypes.Scalar.JSON));
            }
            ValueType element = map(items, propertyName + "Item", owner, types, false);
            if (element instanceof ValueType.ListOf || element instanceof ValueType.RawJson) {
                element = new ValueType.Scalar(JavaTypes.Scalar.JSON);
            }
            return new ValueType.ListOf(element);
        }
        if (owner != null && !JavaTypes.isNullable(schema) && JavaTypes.isPlainObject(schema)) {
            ClassName name = owner.name().nestedClass(types.unique(JavaNames.pascal(propertyName)));
            owner.builder().addType(record(name, schema, owner.enclosing()));
            return new ValueType.RecordOf(name);
        }
        return new ValueType.Scalar(JavaTypes.Scalar.JSON);
    }

    /** A record for a plain object schema, with {@code read(JsonNode)} and {@code toJson()}. */
    TypeSpec record(ClassName name, JsonNode schema, List<String> enclosing) {
        List<String> chain = new ArrayList<>(enclosing);
        chain.add(name.simpleName());
        TypeSpec.Builder builder =
                TypeSpec.recordBuilder(name).addModifiers(Modifier.PUBLIC).addSuperinterface(JavaTypes.JSON_WRITABLE);
        Owner owner = new Owner(name, builder, chain);
        JavaNames.Scope fields = new JavaNames.Scope(RESERVED_MEMBERS);
        JavaNames.Scope types = new JavaNames.Scope(chain.toArray(String[]::new));
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
        CodeBlock.Builder readArgs = CodeBlock.builder();
        CodeBlock.Builder write = CodeBlock.builder()
                .addStatement("$T node = $T.instance.objectNode()", JavaTypes.OBJECT_NODE, JavaTypes.NODE_FACTORY);
        Javadoc javadoc = Javadoc.ofText(
                schema.path("description").asText(schema.path("title").asText("")));
        List<String> known = new ArrayList<>();
        boolean extras = JavaTypes.allowsAdditional(schema);
        int count = schema.get("properties").size() + (extras ? 1 : 0);
        for (Map.Entry<String, JsonNode> property : schema.get("properties").properties()) {
            String json = property.getKey();
            String field = fields.unique(JavaNames.camel(json));
            ValueType value = map(property.getValue(), json, owner, types, true);
            constructor.addParameter(ParameterSpec.builder(value.type(), field).build());
            javadoc.param(field, property.getValue().path("description").asText("JSON member '" + json + "'."));
            readArgs.add(value.readMember("node", json, separator(known.size(), count)));
            // A one-line statement as plain code: addStatement's markers are two more parts for the same text.
            write.add("$T.put(node, " + JavaLiterals.format(json) + ", " + field + ");\n", JavaTypes.ARGUMENTS);
            known.add(json);
        }
        if (extras) {
            String field = fields.unique("additionalProperties");
            constructor.addParameter(
                    ParameterSpec.builder(JavaTypes.extrasMap(), field).build());
            javadoc.param(field, "Members the schema does not declare, kept as they came.");
            builder.addField(
                    FieldSpec.builder(JavaTypes.STRING_SET, "KNOWN", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                            .initializer("$T.of(" + quoted(known) + ")", JavaTypes.SET)
                            .build());
            readArgs.add("$T.extras(node, KNOWN)", JavaTypes.ARGUMENTS);
            write.beginControlFlow("if (" + field + " != null)")
                    .beginControlFlow(
                            "for ($T.Entry<$T, $T> extra : " + field + ".entrySet())",
                            JavaTypes.MAP,
                            JavaTypes.STRING,
                            JavaTypes.JSON_NODE)
                    .addStatement("node.set(extra.getKey(), extra.getValue())")
                    .endControlFlow()
                    .endControlFlow();
        }
        write.addStatement("return node");
        builder.recordConstructor(constructor.build());
        builder.addJavadoc(javadoc.render());
        builder.addMethod(MethodSpec.methodBuilder("read")
                .addJavadoc("Reads a validated JSON object.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(name)
                .addParameter(JavaTypes.JSON_NODE, "node")
                .addStatement("return new $T($L)", name, readArgs.build())
                .build());
        builder.addMethod(MethodSpec.methodBuilder("toJson")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(JavaTypes.JSON_NODE)
                .addCode(write.build())
                .build());
        return builder.build();
    }

    /** What follows argument {@code index} of {@code count} in a list: a comma and new line, none after the last. */
    static String separator(int index, int count) {
        return index < count - 1 ? ",\n" : "";
    }

    /** The values as string literals separated by commas, as format text. */
    private static String quoted(List<String> values) {
        StringBuilder out = new StringBuilder();
        for (String value : values) {
            out.append(out.length() == 0 ? "" : ", ").append(JavaLiterals.format(value));
        }
        return out.toString();
    }

    /** The record being built, so nested records can be added to it. */
    record Owner(ClassName name, TypeSpec.Builder builder, List<String> enclosing) {}

    static Set<String> reserved() {
        return Set.of(RESERVED_MEMBERS);
    }
}
