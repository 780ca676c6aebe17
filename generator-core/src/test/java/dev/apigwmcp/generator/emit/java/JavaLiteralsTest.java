package dev.apigwmcp.generator.emit.java;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.apigwmcp.generator.RandomTexts;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import org.junit.jupiter.api.Test;

/** A literal in the format text must render exactly as JavaPoet's own {@code $S}, in a field and in a statement. */
class JavaLiteralsTest {

    @Test
    void rendersAsJavaPoetsStringArgument() {
        List<String> values = new ArrayList<>(List.of(
                "",
                "type",
                "birth date",
                "a\"b",
                "a\\b",
                "it's",
                "$ref",
                "$$",
                "100$",
                "line\nbreak",
                "ends with newline\n",
                "\n",
                "\n\nx",
                "tab\there",
                "cr\rlf\r\n",
                "\u0000\u0007\u001f\u007f\u0085",
                "é ü 中文 😀",
                "\u2028\u2029",
                "/* not a comment */",
                "$S $L $T"));
        for (char c = 0; c < 0x100; c++) {
            values.add("<" + c + ">");
        }
        values.addAll(RandomTexts.of(7, "ab$\"\\'\n\r\t\u0001é😀 {}", 500, 12));
        for (String value : values) {
            assertThat(render(JavaLiterals.format(value))).as("%s", value).isEqualTo(render("$S", value));
        }
    }

    private static String render(String format, Object... args) {
        TypeSpec type = TypeSpec.classBuilder("Literal")
                .addField(FieldSpec.builder(String.class, "VALUE", Modifier.STATIC, Modifier.FINAL)
                        .initializer(format, args)
                        .build())
                .addMethod(MethodSpec.methodBuilder("use")
                        .addStatement("call(node, " + format + ", more)", args)
                        .build())
                .build();
        return JavaFile.builder("p", type).indent(JavaEmitter.INDENT).build().toString();
    }
}
