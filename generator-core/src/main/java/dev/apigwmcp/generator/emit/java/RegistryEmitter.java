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
    record Entry(String name, ClassName toolClass) {
    }

    TypeSpec registry(CompiledTarget target, ClassName registryName, List<Entry> tools) {
        List<Entry> sorted = new ArrayList<>(tools);
        sorted.sort(Comparator.comparing(Entry::name));
        TypeName generatedTool = ParameterizedTypeName.get(JavaTypes.GENERATED_TOOL,
                WildcardTypeName.subtypeOf(Object.class));
        TypeName names = ParameterizedTypeName.get(JavaTypes.LIST, JavaTypes.STRING);
        CodeBlock.Builder list = CodeBlock.builder();
        for (int i = 0; i < sorted.size(); i++) {
            list.add("$S" + RecordFactory.separator(i, sorted.size()), sorted.get(i).name());
        }
        TypeSpec.Builder type = TypeSpec.classBuilder(registryName)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(JavaTypes.TOOL_REGISTRY)
                .addJavadoc(new Javadoc("The " + sorted.size() + " tools of target {@code " + target.name()
                        + "}, generated from " + Javadoc.safe(target.config().displayFile())
                        + ".").render())
                .addField(FieldSpec.builder(names, "NAMES", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer(sorted.isEmpty() ? CodeBlock.of("$T.of()", JavaTypes.LIST)
                                : CodeBlock.of("$T.of(\n$>$>$L$<$<)", JavaTypes.LIST, list.build()))
                        .build())
                .addMethod(MethodSpec.methodBuilder("targetName")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(JavaTypes.STRING)
                        .addStatement("return $S", target.name())
                        .build())
                .addMethod(MethodSpec.methodBuilder("resourceFolder")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(JavaTypes.STRING)
                        .addStatement("return $S", ResourcePaths.targetFolder(target.name()))
                        .build())
                .addMethod(MethodSpec.methodBuilder("toolNames")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(names)
                        .addStatement("return NAMES")
                        .build());
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
        type.addMethod(newTool
                .addStatement("int index = $T.binarySearch(NAMES, name)", Collections.class)
                .beginControlFlow("if (index < 0)")
                .addStatement("throw new $T($S + name + $S)", IllegalArgumentException.class, unknown, "'")
                .endControlFlow()
                .addStatement("return create(index)")
                .build());
        int chunks = (sorted.size() + CASES_PER_METHOD - 1) / CASES_PER_METHOD;
        if (chunks == 1) {
            type.addMethod(createMethod("create", sorted, 0, generatedTool));
            return type.build();
        }
        CodeBlock.Builder dispatch = CodeBlock.builder()
                .add("return switch (index / $L) {\n$>", CASES_PER_METHOD);
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
        return type.build();
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
