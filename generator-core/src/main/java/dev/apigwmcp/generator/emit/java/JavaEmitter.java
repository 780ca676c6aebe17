package dev.apigwmcp.generator.emit.java;

import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.apigwmcp.generator.GeneratedFile;
import dev.apigwmcp.generator.compile.ArgumentBinding;
import dev.apigwmcp.generator.compile.BodyBinding;
import dev.apigwmcp.generator.compile.CompiledTarget;
import dev.apigwmcp.generator.compile.CompiledTool;
import dev.apigwmcp.generator.compile.FormStyle;
import dev.apigwmcp.generator.emit.ResourcePaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.lang.model.element.Modifier;

/**
 * Emits the typed Java of one target with JavaPoet: per tool one file, a tool class implementing the runtime's
 * {@code GeneratedTool} with its arguments as the nested record {@code Input} (typed parameters, body as generated
 * records where its schema is a plain object tree); per target a {@code ToolRegistry} listed in
 * {@code META-INF/services}. One file per tool rather than two: JavaPoet renders each file twice (once to collect
 * imports), so fewer files is less emission time (BENCHMARKS.md, "Generator").
 */
public final class JavaEmitter {

    static final String INDENT = "    ";
    /** The arguments record nested in each tool class (not {@code Arguments}: the runtime's helper has that name). */
    static final String INPUT = "Input";
    // Specs are immutable: what every tool class shares is built once. Identifiers go into format text rather
    // than $L arguments, as in ValueType.
    private static final AnnotationSpec OVERRIDE =
            AnnotationSpec.builder(Override.class).build();
    private static final MethodSpec NAME_METHOD = MethodSpec.methodBuilder("name")
            .addAnnotation(OVERRIDE)
            .addModifiers(Modifier.PUBLIC)
            .returns(JavaTypes.STRING)
            .addStatement("return NAME")
            .build();

    public List<GeneratedFile> emit(CompiledTarget target) {
        String pkg = target.javaPackage();
        JavaNames.Scope classes = new JavaNames.Scope();
        String registryName = classes.unique(JavaNames.pascal(target.name()) + "ToolRegistry");
        List<RegistryEmitter.Entry> toolClasses = new ArrayList<>();
        List<String> stems = new ArrayList<>();
        for (CompiledTool tool : target.tools()) {
            // Names are handed out in tool order so they never depend on thread timing.
            String stem = classes.uniqueStem(JavaNames.pascal(tool.baseName()), "Tool");
            stems.add(stem);
            toolClasses.add(new RegistryEmitter.Entry(tool.name(), ClassName.get(pkg, stem + "Tool")));
        }
        // Each tool's classes are independent: render them in parallel, keeping the order.
        List<GeneratedFile> files = new ArrayList<>(IntStream.range(0, stems.size())
                .parallel()
                .mapToObj(i -> toolFile(target.tools().get(i), ClassName.get(pkg, stems.get(i) + "Tool")))
                .toList());
        ClassName registry = ClassName.get(pkg, registryName);
        files.add(javaFile(pkg, new RegistryEmitter().registry(target, registry, toolClasses)));
        return files;
    }

    private GeneratedFile toolFile(CompiledTool tool, ClassName toolName) {
        ClassName inputName = toolName.nestedClass(INPUT);
        ToolFields fields = new ToolFields();
        TypeSpec input = inputRecord(tool, inputName, fields);
        TypeSpec toolClass = toolClass(tool, toolName, input, inputName, fields);
        if (OutputTree.isPlain(tool.outputSchema())) {
            toolClass = withOutput(toolClass, tool, toolName);
        }
        return javaFile(toolName.packageName(), toolClass);
    }

    /** The services file listing every target's registry (one line each, sorted). */
    public GeneratedFile servicesFile(List<String> registryClassNames) {
        List<String> sorted = new ArrayList<>(registryClassNames);
        sorted.sort(null);
        return GeneratedFile.text(
                GeneratedFile.Kind.RESOURCE, ResourcePaths.SERVICES, String.join("\n", sorted) + "\n");
    }

    /** The fully qualified registry class of a target (as {@link #emit} names it). */
    public String registryClassName(CompiledTarget target) {
        return target.javaPackage() + "." + JavaNames.pascal(target.name()) + "ToolRegistry";
    }

    /**
     * The tool's arguments, a record nested in the tool class {@code name.enclosingClassName()}; it writes itself
     * back as JSON ({@code toJson()}), so that an interceptor can change a call's arguments as this record.
     */
    private TypeSpec inputRecord(CompiledTool tool, ClassName name, ToolFields fields) {
        TypeSpec.Builder builder =
                TypeSpec.recordBuilder(name).addModifiers(Modifier.PUBLIC).addSuperinterface(JavaTypes.JSON_WRITABLE);
        CodeBlock.Builder write = CodeBlock.builder()
                .addStatement("$T node = $T.instance.objectNode()", JavaTypes.OBJECT_NODE, JavaTypes.NODE_FACTORY);
        RecordFactory records = new RecordFactory();
        // Nested types must not take the name of a type they sit in.
        List<String> enclosing = List.of(name.enclosingClassName().simpleName(), name.simpleName());
        RecordFactory.Owner owner = new RecordFactory.Owner(name, builder, enclosing);
        JavaNames.Scope fieldScope = new JavaNames.Scope(RecordFactory.RESERVED_MEMBERS);
        JavaNames.Scope types = new JavaNames.Scope(enclosing.toArray(String[]::new));
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
        Javadoc javadoc = new Javadoc("Arguments of tool {@code " + tool.name() + "} ("
                + Javadoc.safe(tool.operation().label()) + ").");
        JsonNode properties = tool.inputSchema().path("properties");
        var names = properties.fieldNames();
        while (names.hasNext()) {
            String argument = names.next();
            JsonNode schema = properties.get(argument);
            boolean isBody = tool.body() != null && tool.body().argument().equals(argument);
            String field = fieldScope.unique(JavaNames.camel(argument));
            ValueType value;
            if (isBody && tool.body().kind() != BodyBinding.Kind.TEXT) {
                value = JavaTypes.isPlainObject(schema) && !JavaTypes.isNullable(schema)
                        ? new ValueType.RecordOf(addBodyRecord(records, owner, types, schema))
                        : records.map(schema, "body", owner, types, false);
            } else if (isBody) {
                value = new ValueType.Scalar(JavaTypes.Scalar.STRING);
            } else {
                // Parameters: null means "not sent", so nullable parameters read as their plain type.
                value = records.map(schema, argument, null, types, false);
            }
            constructor.addParameter(ParameterSpec.builder(value.type(), field).build());
            javadoc.param(field, schema.path("description").asText("Argument '" + argument + "'."));
            fields.put(argument, field, value);
            write.add("$T.put(node, " + JavaLiterals.format(argument) + ", " + field + ");\n", JavaTypes.ARGUMENTS);
        }
        write.addStatement("return node");
        builder.recordConstructor(constructor.build());
        builder.addJavadoc(javadoc.render());
        builder.addMethod(MethodSpec.methodBuilder("toJson")
                .addJavadoc(
                        "These arguments as the JSON object a client sends; {@code null} components are left out.\n")
                .addAnnotation(OVERRIDE)
                .addModifiers(Modifier.PUBLIC)
                .returns(JavaTypes.JSON_NODE)
                .addCode(write.build())
                .build());
        return builder.build();
    }

    private static ClassName addBodyRecord(
            RecordFactory records, RecordFactory.Owner owner, JavaNames.Scope types, JsonNode schema) {
        ClassName name = owner.name().nestedClass(types.unique("Body"));
        owner.builder().addType(records.record(name, schema, owner.enclosing()));
        return name;
    }

    private TypeSpec toolClass(
            CompiledTool tool, ClassName name, TypeSpec input, ClassName inputName, ToolFields fields) {
        TypeName toolType = ParameterizedTypeName.get(JavaTypes.GENERATED_TOOL, inputName);
        CodeBlock.Builder read = CodeBlock.builder();
        for (int i = 0; i < fields.order.size(); i++) {
            String argument = fields.order.get(i);
            read.add(fields.types
                    .get(argument)
                    .readMember("arguments", argument, RecordFactory.separator(i, fields.order.size())));
        }
        MethodSpec readArguments = MethodSpec.methodBuilder("readArguments")
                .addAnnotation(OVERRIDE)
                .addModifiers(Modifier.PUBLIC)
                .returns(inputName)
                .addParameter(JavaTypes.JSON_NODE, "arguments")
                .addStatement("return new $T($L)", inputName, read.build())
                .build();
        MethodSpec.Builder write = MethodSpec.methodBuilder("writeRequest")
                .addAnnotation(OVERRIDE)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(inputName, "arguments")
                .addParameter(JavaTypes.REQUEST_BUILDER, "request");
        for (ArgumentBinding binding : tool.arguments()) {
            writeParameter(write, binding, fields);
        }
        if (tool.body() != null) {
            writeBody(write, tool.body(), fields);
        }
        Javadoc javadoc = new Javadoc("Tool {@code " + tool.name() + "}: "
                + Javadoc.safe(tool.operation().label() + ". " + tool.description()));
        return TypeSpec.classBuilder(name)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(toolType)
                .addJavadoc(javadoc.render())
                .addField(FieldSpec.builder(JavaTypes.STRING, "NAME", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .initializer(JavaLiterals.format(tool.name()))
                        .build())
                .addMethod(NAME_METHOD)
                .addMethod(readArguments)
                .addMethod(write.build())
                .addType(input)
                .build();
    }

    /**
     * The tool class with its structured result's record ({@code Output}, for a plain object tree) and the
     * {@code readOutput} that reads it.
     */
    private static TypeSpec withOutput(TypeSpec toolClass, CompiledTool tool, ClassName toolName) {
        ClassName outputName = toolName.nestedClass(OutputRecords.OUTPUT);
        TypeSpec output = new OutputRecords()
                .output(outputName, tool.outputSchema(), List.of(toolName.simpleName()), tool.name());
        return toolClass.toBuilder()
                .addMethod(MethodSpec.methodBuilder("readOutput")
                        .addJavadoc("Reads the result's {@code structuredContent} into {@link $T}.\n", outputName)
                        .addAnnotation(OVERRIDE)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(outputName)
                        .addParameter(JavaTypes.JSON_NODE, "structuredContent")
                        .addStatement("return $T.read(structuredContent)", outputName)
                        .build())
                .addType(output)
                .build();
    }

    /**
     * One statement per argument: the builder takes the typed value as it is (null: not sent) and does the text
     * conversion, so no null check or conversion is generated around it.
     */
    private static void writeParameter(MethodSpec.Builder write, ArgumentBinding binding, ToolFields fields) {
        String value = "arguments." + fields.fields.get(binding.name()) + "()";
        ValueType type = fields.types.get(binding.name());
        String name = JavaLiterals.format(binding.name());
        String names = name + ", " + JavaLiterals.format(binding.parameter());
        switch (binding.in()) {
            case "method" -> statement(write, "request.method(" + name + ", " + value + ")");
            case "path" ->
                statement(
                        write,
                        "request." + (binding.greedy() ? "greedyPathParameter" : "pathParameter") + "(" + names + ", "
                                + value + ")");
            case "query" -> {
                if (binding.style() != null && type.type().equals(JavaTypes.JSON_NODE)) {
                    statement(
                            write,
                            "request.queryObject(" + names + ", " + value + ", $T." + queryStyle(binding) + ")",
                            JavaTypes.QUERY_STYLE);
                } else if (type instanceof ValueType.ListOf) {
                    statement(
                            write,
                            "request.queryParameter(" + names + ", " + value + ", $T." + queryStyle(binding) + ")",
                            JavaTypes.QUERY_STYLE);
                } else {
                    statement(write, "request.queryParameter(" + names + ", " + value + ")");
                }
            }
            case "header" -> statement(write, "request.header(" + names + ", " + value + ")");
            case "cookie" -> statement(write, "request.cookie(" + names + ", " + value + ")");
            default -> throw new IllegalStateException("unknown argument location " + binding.in());
        }
    }

    /** The body statement; a form body also hands over its properties' declared styles. */
    private static void writeBody(MethodSpec.Builder write, BodyBinding body, ToolFields fields) {
        String common = JavaLiterals.format(body.argument()) + ", " + JavaLiterals.format(body.mediaType())
                + ", arguments." + fields.fields.get(body.argument()) + "()";
        switch (body.kind()) {
            case JSON -> statement(write, "request.jsonBody(" + common + ")");
            case TEXT -> statement(write, "request.textBody(" + common + ")");
            case FORM -> statement(write, "request.formBody(" + common + ", $L)", formStyles(body));
            case MULTIPART -> statement(write, "request.multipartBody(" + common + ", $L)", fileTypes(body));
            case BINARY ->
                statement(
                        write,
                        "request.binaryBody(" + common
                                + (body.contentTypeArgument() == null
                                        ? ""
                                        : ", " + JavaLiterals.format(body.contentTypeArgument()) + ", arguments."
                                                + fields.fields.get(body.contentTypeArgument()) + "()")
                                + ")");
        }
    }

    /** {@code Map.of("file", "image/png", ...)}, or {@code Map.ofEntries} beyond the ten pairs of Map.of. */
    private static CodeBlock fileTypes(BodyBinding body) {
        boolean entries = body.files().size() > 10;
        CodeBlock.Builder code = CodeBlock.builder().add(entries ? "$T.ofEntries(" : "$T.of(", JavaTypes.MAP);
        String separator = "";
        for (Map.Entry<String, String> entry : body.files().entrySet()) {
            String pair = JavaLiterals.format(entry.getKey()) + ", " + JavaLiterals.format(entry.getValue());
            if (entries) {
                code.add(separator + "$T.entry(" + pair + ")", JavaTypes.MAP);
            } else {
                code.add(separator + pair);
            }
            separator = ", ";
        }
        return code.add(")").build();
    }

    /** {@code Map.of("name", QueryStyle.X, ...)}, or {@code Map.ofEntries} beyond the ten pairs of Map.of. */
    private static CodeBlock formStyles(BodyBinding body) {
        boolean entries = body.form().size() > 10;
        CodeBlock.Builder code = CodeBlock.builder().add(entries ? "$T.ofEntries(" : "$T.of(", JavaTypes.MAP);
        String separator = "";
        for (Map.Entry<String, FormStyle> entry : body.form().entrySet()) {
            String style = queryStyle(entry.getValue().style(), entry.getValue().explode());
            String name = JavaLiterals.format(entry.getKey());
            if (entries) {
                code.add(separator + "$T.entry(" + name + ", $T." + style + ")", JavaTypes.MAP, JavaTypes.QUERY_STYLE);
            } else {
                code.add(separator + name + ", $T." + style, JavaTypes.QUERY_STYLE);
            }
            separator = ", ";
        }
        return code.add(")").build();
    }

    /**
     * A one-line statement added as plain code: {@code addStatement} wraps it in markers for continuation lines,
     * two more parts for JavaPoet to render and the same text. (Only a name with a line break in it makes a
     * literal span lines; it then continues without the statement's extra indent, still valid Java.)
     */
    private static void statement(MethodSpec.Builder method, String format, Object... args) {
        method.addCode(format + ";\n", args);
    }

    private static String queryStyle(ArgumentBinding binding) {
        return queryStyle(binding.style(), !Boolean.FALSE.equals(binding.explode()));
    }

    private static String queryStyle(String style, boolean explode) {
        return switch (style == null ? "form" : style) {
            case "deepObject" -> "DEEP_OBJECT";
            case "spaceDelimited" -> "SPACE_DELIMITED";
            case "pipeDelimited" -> "PIPE_DELIMITED";
            case "tabDelimited" -> "TAB_DELIMITED";
            default -> explode ? "FORM_EXPLODED" : "FORM";
        };
    }

    private static GeneratedFile javaFile(String pkg, TypeSpec type) {
        JavaFile file = JavaFile.builder(pkg, type)
                .addFileComment("Generated by apigw-mcp. Do not edit: regenerate instead.")
                .indent(INDENT)
                .skipJavaLangImports(true)
                .build();
        String path = pkg.replace('.', '/') + "/" + type.name() + ".java";
        // JavaFile.toString renders into a default-sized builder that grows by copying; a tool file is a few KB.
        StringBuilder text = new StringBuilder(8192);
        try {
            file.writeTo(text);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringBuilder does not fail", e);
        }
        return GeneratedFile.text(GeneratedFile.Kind.JAVA, path, text.toString());
    }

    /** Argument name → record component name and type, in schema order. */
    private static final class ToolFields {
        final List<String> order = new ArrayList<>();
        final Map<String, String> fields = new HashMap<>();
        final Map<String, ValueType> types = new HashMap<>();

        void put(String argument, String field, ValueType type) {
            order.add(argument);
            fields.put(argument, field);
            types.put(argument, type);
        }
    }
}
