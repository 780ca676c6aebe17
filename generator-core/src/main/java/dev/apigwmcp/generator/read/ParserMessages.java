package dev.apigwmcp.generator.read;

import dev.apigwmcp.generator.model.JsonPointer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * swagger-parser's messages about an export: which ones reach the user, and where in the file they are.
 *
 * <p>Left out, because they ask for nothing the generated tools need and API Gateway itself does not require:
 * <ul>
 *   <li>a missing {@code responses}, response {@code description}, {@code info}, {@code title} or {@code version}
 *       (API Gateway exports and hand-written imports often omit them; a tool without a documented response
 *       simply has no output schema);</li>
 *   <li>"Declared path parameter X needs to be defined": for a greedy {@code {proxy+}} the parameter is declared
 *       as {@code proxy}, which the parser does not see, and a template variable that really is undeclared is
 *       still a required string argument (the model builder's rule), so there is nothing to fix;</li>
 *   <li>a repeated {@code operationId}: it matters only if two tools end up with one name, which the compiler
 *       reports (after overrides) with both operations and a fix.</li>
 * </ul>
 * Every other message is kept, located at the operation or path it names ({@code paths.'/a'(get)...}).
 */
final class ParserMessages {

    private static final Pattern NOT_NEEDED =
            Pattern.compile("^attribute (?:.*\\.)?(?:responses|description|info|title|version) is missing$");
    private static final Pattern UNDECLARED_PATH_VARIABLE =
            Pattern.compile("Declared path parameter \\S+ needs to be defined as a path parameter");
    /** swagger-parser's location of a path item, optionally of one of its operations. */
    private static final Pattern PATH_LOCATION = Pattern.compile("^attribute paths\\.'(.+?)'(?:\\(([\\w-]+)\\))?");

    private ParserMessages() {}

    /** Whether the message is worth a warning. */
    static boolean reported(String message) {
        return message != null
                && !message.isBlank()
                && !message.endsWith("operationId is repeated")
                && !NOT_NEEDED.matcher(message).matches()
                && !UNDECLARED_PATH_VARIABLE.matcher(message).find();
    }

    /** The JSON pointer of the path item or operation the message names, else the document's root. */
    static String pointer(String message) {
        Matcher location = PATH_LOCATION.matcher(message);
        if (!location.find()) {
            return "";
        }
        String path = JsonPointer.append("/paths", location.group(1));
        return location.group(2) == null ? path : path + "/" + location.group(2);
    }
}
