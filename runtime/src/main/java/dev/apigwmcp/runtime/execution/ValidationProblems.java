package dev.apigwmcp.runtime.execution;

import com.networknt.schema.Error;
import java.util.ArrayList;
import java.util.List;

/** Schema validation errors as lines a model can act on: {@code $.path: reason}. */
final class ValidationProblems {

    private ValidationProblems() {}

    /** At most {@code max} lines, then one line saying how many more there are; empty for no errors. */
    static List<String> describe(List<Error> errors, int max) {
        List<String> problems = new ArrayList<>(Math.min(errors.size(), max + 1));
        for (Error error : errors) {
            if (problems.size() == max) {
                problems.add("... and " + (errors.size() - max) + " more problems");
                break;
            }
            problems.add(describe(error));
        }
        return problems;
    }

    static String describe(Error error) {
        String pointer = error.getInstanceLocation() == null
                ? ""
                : error.getInstanceLocation().toString();
        String message = error.getMessage();
        // The library's messages may start with the instance location; keep one copy of it.
        if (message != null && message.startsWith(pointer + ": ")) {
            message = message.substring(pointer.length() + 2);
        }
        return jsonPath(pointer) + ": " + message;
    }

    /** A JSON Pointer ({@code /tags/0}) as the JSON path models know ({@code $.tags[0]}). */
    static String jsonPath(String pointer) {
        StringBuilder path = new StringBuilder("$");
        if (pointer.isEmpty() || pointer.equals("/")) {
            return path.toString();
        }
        for (String token : pointer.substring(1).split("/", -1)) {
            String name = token.replace("~1", "/").replace("~0", "~");
            if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
                path.append('[').append(name).append(']');
            } else if (name.matches("[A-Za-z_$][A-Za-z0-9_$]*")) {
                path.append('.').append(name);
            } else {
                path.append("['").append(name.replace("'", "\\'")).append("']");
            }
        }
        return path.toString();
    }
}
