package dev.apigwmcp.generator.emit.java;

import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * The records of a tool's structured result ({@code GetOrderTool.Output} and its nested records), for output
 * schemas that are a plain object tree ({@link OutputTree}). Answers drift from their schema, so the records read
 * with the runtime's {@code OutputReader}: a member is typed only when its value fits, and every other member (a
 * drifted type, an explicit null, an undeclared member) is kept in {@code additionalProperties}; {@code toJson()}
 * gives back an equal object.
 */
final class OutputRecords {

    static final String OUTPUT = "Output";
    private static final ClassName OUTPUT_READER = ClassName.get(JavaTypes.SPI, "OutputReader");
    private static final ClassName ELEMENT = OUTPUT_READER.nestedClass("Element");

    /** The {@code Output} record of tool {@code tool}, with its nested records inside it. */
    TypeSpec output(ClassName name, JsonNode schema, List<String> enclosing, String tool) {
        return record(
                name,
                schema,
                enclosing,
                "The structured result of tool {@code " + tool + "}, as a record"
                        + " that keeps every member (see {@code OutputReader}).");
    }

    /** The record named {@code name} for an object schema, with its nested records inside it. */
    private TypeSpec record(ClassName name, JsonNode schema, List<String> enclosing, String summary) {
        List<String> chain = new ArrayList<>(enclosing);
        chain.add(name.simpleName());
        TypeSpec.Builder builder =
                TypeSpec.recordBuilder(name).addModifiers(Modifier.PUBLIC).addSuperinterface(JavaTypes.JSON_WRITABLE);
        JavaNames.Scope fields = new JavaNames.Scope(RecordFactory.RESERVED_MEMBERS);
        JavaNames.Scope types = new JavaNames.Scope(chain.toArray(String[]::new));
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
        CodeBlock.Builder read = CodeBlock.builder();
        CodeBlock.Builder write = CodeBlock.builder()
                .addStatement("$T node = $T.instance.objectNode()", JavaTypes.OBJECT_NODE, JavaTypes.NODE_FACTORY);
        Javadoc javadoc = summary != null
                ? new Javadoc(summary)
                : Javadoc.ofText(schema.path("description")
                        .asText(schema.path("title").asText("A JSON object of the tool's result.")));
        for (Map.Entry<String, JsonNode> property : schema.get("properties").properties()) {
            String json = property.getKey();
            String field = fields.unique(JavaNames.camel(json));
            JsonNode value = property.getValue();
            Member member = member(value, json, name, builder, chain, types);
            constructor.addParameter(ParameterSpec.builder(member.type(), field).build());
            javadoc.param(field, value.path("description").asText("JSON member '" + json + "'."));
            read.add(member.reader(JavaLiterals.format(json))).add(",\n");
            write.add("$T.put(node, " + JavaLiterals.format(json) + ", this." + field + ");\n", OUTPUT_READER);
        }
        String extras = fields.unique("additionalProperties");
        constructor.addParameter(
                ParameterSpec.builder(JavaTypes.extrasMap(), extras).build());
        javadoc.param(
                extras,
                "Members not read into a component above, as they came: undeclared ones, and declared"
                        + " ones whose value does not fit the component's type (an explicit null, a drifted type).");
        read.add("reader.additional()");
        write.addStatement("return $T.withAdditional(node, this." + extras + ")", OUTPUT_READER);
        builder.recordConstructor(constructor.build());
        builder.addJavadoc(javadoc.render());
        builder.addMethod(MethodSpec.methodBuilder("read")
                .addJavadoc("Reads any JSON object, keeping every member.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(name)
                .addParameter(JavaTypes.JSON_NODE, "node")
                .addStatement("$T reader = $T.of(node)", OUTPUT_READER, OUTPUT_READER)
                .addStatement("return new $T($L)", name, read.build())
                .build());
        builder.addMethod(MethodSpec.methodBuilder("toJson")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(JavaTypes.JSON_NODE)
                .addCode(write.build())
                .build());
        return builder.build();
    }

    /** A component: its type and how the reader reads it (OutputTree has checked the schema). */
    private Member member(
            JsonNode schema,
            String json,
            ClassName owner,
            TypeSpec.Builder ownerBuilder,
            List<String> chain,
            JavaNames.Scope types) {
        if (OutputTree.isFreeForm(schema)) {
            return new Member(JavaTypes.JSON_NODE, "json", null, CodeBlock.of("$T.JSON", ELEMENT));
        }
        String type = JavaTypes.singleType(schema);
        if ("array".equals(type)) {
            Member element = member(schema.get("items"), json + "Item", owner, ownerBuilder, chain, types);
            return new Member(JavaTypes.listOf(element.type()), "list", element.element());
        }
        if ("object".equals(type)) {
            ClassName nested = owner.nestedClass(types.unique(JavaNames.pascal(json)));
            ownerBuilder.addType(record(nested, schema, chain, null));
            return new Member(nested, "object", CodeBlock.of("$T::read", nested));
        }
        return switch (type) {
            case "string" -> scalar(JavaTypes.STRING, "string", "STRING");
            case "integer" -> scalar(JavaTypes.LONG, "integer", "INTEGER");
            case "number" -> scalar(JavaTypes.BIG_DECIMAL, "number", "NUMBER");
            case "boolean" -> scalar(JavaTypes.BOOLEAN, "bool", "BOOLEAN");
            default -> throw new IllegalStateException("not a plain output tree: type " + type);
        };
    }

    private static Member scalar(TypeName type, String reader, String element) {
        return new Member(type, reader, null, CodeBlock.of("$T." + element, ELEMENT));
    }

    /**
     * @param readerMethod the {@code OutputReader} method reading it
     * @param argument     what that method takes after the name ({@code Owner::read}, an element), or null
     * @param element      the {@code OutputReader.Element} for it as a list element
     */
    private record Member(TypeName type, String readerMethod, CodeBlock argument, CodeBlock element) {

        Member(TypeName type, String readerMethod, CodeBlock argument) {
            this(type, readerMethod, argument, elementOf(readerMethod, argument));
        }

        private static CodeBlock elementOf(String readerMethod, CodeBlock argument) {
            return readerMethod.equals("object") ? CodeBlock.of("$T.record($L)", ELEMENT, argument) : null;
        }

        CodeBlock reader(String jsonLiteral) {
            return argument == null
                    ? CodeBlock.of("reader." + readerMethod + "(" + jsonLiteral + ")")
                    : CodeBlock.of("reader." + readerMethod + "(" + jsonLiteral + ", $L)", argument);
        }
    }
}
