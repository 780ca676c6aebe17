package dev.apigwmcp.generator.problem;

import java.util.regex.Pattern;

/** Jackson's parse messages made fit for a user's error line. */
public final class JacksonMessages {

    private static final Pattern SOURCE_LOCATION = Pattern.compile("\\[Source: [^;]*; line: (\\d+), column: (\\d+)\\]");

    private JacksonMessages() {}

    /**
     * Jackson's message names a second place (where an unclosed object began) as {@code [Source: REDACTED
     * (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 1]}: the user needs only the line
     * and column.
     */
    public static String withPlainLocations(String message) {
        return message == null ? "" : SOURCE_LOCATION.matcher(message).replaceAll("line $1, column $2");
    }
}
