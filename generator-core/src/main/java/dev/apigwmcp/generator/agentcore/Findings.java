package dev.apigwmcp.generator.agentcore;

import dev.apigwmcp.generator.Problem;
import java.util.ArrayList;
import java.util.List;

/** The errors and notes of one import, each located in the AgentCore file. */
final class Findings {

    private final String file;
    private final List<Problem> errors = new ArrayList<>();
    private final List<Problem> notes = new ArrayList<>();

    Findings(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    void error(String pointer, String message) {
        errors.add(new Problem(null, file, pointer, message));
    }

    void note(String pointer, String message) {
        notes.add(new Problem(null, file, pointer, message));
    }

    void errors(List<Problem> more) {
        errors.addAll(more);
    }

    List<Problem> errors() {
        return List.copyOf(errors);
    }

    List<Problem> notes() {
        return List.copyOf(notes);
    }
}
