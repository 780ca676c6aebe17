package dev.apigwmcp.generator.emit.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.apigwmcp.generator.compile.CompiledTarget;
import dev.apigwmcp.generator.emit.ResourcePaths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Emits a target's {@code ToolRegistry}: its tool names, sorted, and {@code newTool(name)}, which finds the name
 * by binary search and creates the tool in a {@code switch} on its position. Nothing names a tool class outside
 * that switch, so the JVM loads a tool's classes only when the tool is first called. The switch is split into
 * methods of at most {@value #CASES_PER_METHOD} cases so that no method nears the JVM's 64 KB code limit.
 */
final class RegistryEmitter {

    static final int CASES_PER_METHOD = 512;

    /** A tool's final name and its generated class. */
    record Entry(String name, ClassName toolClass) {}

    TypeSpec registry(CompiledTarget target, ClassName registryName, List<Entry> tools) {
        List<Entry> sorted = new ArrayList<>(tools);
        sorted.sort(Comparator.comparing(Entry::name));
        TypeName generatedTool =
                ParameterizedTypeName.get(JavaTypes.GENERATED_TOOL, WildcardTypeName.subtypeOf(Object.class));
        TypeSpec.Builder type = describedType(target, registryName, sorted);
        MethodSpec.Builder newTool = MethodSpec.methodBuilder("newTool")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(generatedTool)
                .addParameter(JavaTypes.STRING, "name");
        String unknown = "target " + target.name() + " has no tool named '";
        if (sorted.isEmpty()) {
            newTool.addStatement("throw new $T($S + name + $S)", IllegalArgumentException.class, unknown, "'");
            return type.addMethod(newTool.build()).build();
        }
        type.addMethod(newTool.addStatement("int index = $T.binarySearch(NAMES, name)", Collections.class)
                .beginControlFlow("if (index < 0)")
                .addStatement("throw new $T($S + name + $S)", IllegalArgumentException.class, unknown, "'")
                .endControlFlow()
                .addStatement("return create(index)")
                .build());
        addCreateMethods(type, sorted, generatedTool);
        return type.build();
    }

    /** The class with its Javadoc, the sorted name list and the three methods that only return a value. */
    private static TypeSpec.Builder describedType(CompiledTarget target, ClassName registryName, List<Entry> sorted) {
        TypeName names = ParameterizedTypeName.get(JavaTypes.LIST, JavaTypes.STRING);
        CodeBlock.Builder list = CodeBlock.builder();
        for (int i = 0; i < sorted.size(); i++) {
            list.add(
                    "$S" + RecordFactory.separator(i, sorted.size()),
                    sorted.get(i).name());
        }
        return TypeSpec.classBuilder(registryName)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(JavaTypes.TOOL_REGISTRY)
                .addJavadoc(new Javadoc("The " + sorted.size() + " tools of target {@code " + target.name()
                                + "}, generated from "
                                + Javadoc.safe(target.config().displayFile())
                                + ".")
                        .render())
                .addField(FieldSpec.builder(names, "NAMES", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer(
                                sorted.isEmpty()
                                        ? CodeBlock.of("$T.of()", JavaTypes.LIST)
                                        : CodeBlock.of("$T.of(\n$>$>$L$<$<)", JavaTypes.LIST, list.build()))
                        .build())
                .addMethod(returning("targetName", JavaTypes.STRING, CodeBlock.of("$S", target.name())))
                .addMethod(returning(
                        "resourceFolder",
                        JavaTypes.STRING,
                        CodeBlock.of("$S", ResourcePaths.targetFolder(target.name()))))
                .addMethod(returning("toolNames", names, CodeBlock.of("NAMES")));
    }

    private static MethodSpec returning(String name, TypeName type, CodeBlock value) {
        return MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(type)
                .addStatement("return $L", value)
                .build();
    }

    /** {@code create(index)}: one switch, or a dispatch over switches of at most {@value #CASES_PER_METHOD}. */
    private static void addCreateMethods(TypeSpec.Builder type, List<Entry> sorted, TypeName generatedTool) {
        int chunks = (sorted.size() + CASES_PER_METHOD - 1) / CASES_PER_METHOD;
        if (chunks == 1) {
            type.addMethod(createMethod("create", sorted, 0, generatedTool));
            return;
        }
        CodeBlock.Builder dispatch = CodeBlock.builder().add("return switch (index / $L) {\n$>", CASES_PER_METHOD);
        for (int chunk = 0; chunk < chunks; chunk++) {
            String method = "create" + chunk;
            if (chunk < chunks - 1) {
                dispatch.add("case $L -> $N(index);\n", chunk, method);
            } else {
                dispatch.add("default -> $N(index);\n", method);
            }
        }
        type.addMethod(MethodSpec.methodBuilder("create")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(generatedTool)
                .addParameter(TypeName.INT, "index")
                .addCode(dispatch.add("$<};\n").build())
                .build());
        for (int chunk = 0; chunk < chunks; chunk++) {
            type.addMethod(createMethod("create" + chunk, sorted, chunk * CASES_PER_METHOD, generatedTool));
        }
    }

    /** A method creating the tools at positions {@code first} to {@code first + CASES_PER_METHOD - 1}. */
    private static MethodSpec createMethod(String name, List<Entry> sorted, int first, TypeName generatedTool) {
        int end = Math.min(sorted.size(), first + CASES_PER_METHOD);
        CodeBlock.Builder body = CodeBlock.builder().add("return switch (index) {\n$>");
        for (int i = first; i < end; i++) {
            body.add("case $L -> new $T();\n", i, sorted.get(i).toolClass());
        }
        body.add("default -> throw new $T(index);\n", IndexOutOfBoundsException.class);
        return MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(generatedTool)
                .addParameter(TypeName.INT, "index")
                .addCode(body.add("$<};\n").build())
                .build();
    }
}
