package dev.apigwmcp.runtime.execution;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.util.regex.Pattern;

/**
 * Regular expressions of output schemas ({@code pattern}, {@code patternProperties}) matched as JavaScript matches
 * them, where Java would accept what JavaScript rejects: the TypeScript SDK client checks with JavaScript
 * regular expressions, and a string it rejects must never be sent as conforming. Outside a character class,
 * {@code $} matches only at the very end ({@code \z}; Java's {@code $} also matches before a final line break),
 * and {@code \s} / {@code \S} use JavaScript's wider set of white space (no-break space, the Unicode spaces, the
 * byte order mark). Everything else is Java's syntax, which agrees with JavaScript for the patterns APIs use; a
 * pattern Java cannot compile makes the schema uncheckable (see {@link OutputValidator}).
 */
final class EcmaScriptPatterns implements RegularExpressionFactory {

    static final EcmaScriptPatterns INSTANCE = new EcmaScriptPatterns();

    /** JavaScript's white space and line terminators beyond Java's {@code \s}, as class members. */
    private static final String EXTRA_SPACE = "\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF";

    private EcmaScriptPatterns() {}

    @Override
    public RegularExpression getRegularExpression(String regex) {
        Pattern pattern = Pattern.compile(translate(regex));
        return value -> pattern.matcher(value).find();
    }

    /** The Java form of a JavaScript pattern (see the class comment for what changes). */
    static String translate(String regex) {
        StringBuilder out = new StringBuilder(regex.length() + 16);
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                char next = regex.charAt(++i);
                if (next == 's') {
                    out.append(inClass ? "\\s" + EXTRA_SPACE : "[\\s" + EXTRA_SPACE + "]");
                } else if (next == 'S') {
                    out.append("[^\\s").append(EXTRA_SPACE).append(']');
                } else {
                    out.append(c).append(next);
                }
                continue;
            }
            if (inClass) {
                if (c == ']') {
                    inClass = false;
                }
                out.append(c);
                continue;
            }
            if (c == '[') {
                inClass = true;
                out.append(c);
                // A ']' right after '[' or '[^' is a member in Java but ends an empty class in JavaScript; leave
                // it to Java, which then rejects or reads the pattern its own way.
                continue;
            }
            out.append(c == '$' ? "\\z" : String.valueOf(c));
        }
        return out.toString();
    }
}
