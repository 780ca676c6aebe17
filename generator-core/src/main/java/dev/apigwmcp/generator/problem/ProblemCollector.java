package dev.apigwmcp.generator.problem;

import dev.apigwmcp.generator.Problem;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Collects the errors, warnings and notes of one target, each located in its export file. Errors are values until the
 * edge: nothing in the core throws for bad input.
 *
 * <p>Problems are recorded where the reader's model has them; when that model is not the file itself (a Swagger
 * 2.0 export, converted to OpenAPI 3) the reader sets {@link #locateInFile}, and {@link #errors()} and
 * {@link #warnings()} give the problems as they are in the file.
 */
public final class ProblemCollector {

    private final String target;
    private final String file;
    // Sets: a shared component's problem is found once per tool that uses it, and reported once.
    private final Set<Problem> errors = new LinkedHashSet<>();
    private final Set<Problem> warnings = new LinkedHashSet<>();
    private final Set<Problem> warningsInFile = new LinkedHashSet<>();
    private final Set<Problem> notes = new LinkedHashSet<>();
    private UnaryOperator<Problem> inFile = UnaryOperator.identity();

    public ProblemCollector(String target, String file) {
        this.target = target;
        this.file = file;
    }

    public void error(String pointer, String message) {
        errors.add(new Problem(target, file, pointer, message));
    }

    public void warning(String pointer, String message) {
        warnings.add(new Problem(target, file, pointer, message));
    }

    /**
     * Something the generator decided from the export that the user should know but need not act on (an info line
     * of the build log, not a warning).
     */
    public void note(String pointer, String message) {
        notes.add(new Problem(target, file, pointer, message));
    }

    /** A warning located in the export file itself, before the reader's model exists (never translated). */
    public void warningInFile(String pointer, String message) {
        warningsInFile.add(new Problem(target, file, pointer, message));
    }

    /** An error located in the target's configuration rather than its export. */
    public void configError(String location, String message) {
        errors.add(new Problem(target, null, location, message));
    }

    /** An informational note about configuration (for example: no filters, every operation exposed). */
    public void configNote(String location, String message) {
        notes.add(new Problem(target, null, location, message));
    }

    /** Adds {@code other}'s problems after this one's, in their order (a part of the work done elsewhere). */
    public void addAll(ProblemCollector other) {
        errors.addAll(other.errors);
        warnings.addAll(other.warnings);
        warningsInFile.addAll(other.warningsInFile);
        notes.addAll(other.notes);
    }

    /** How a problem recorded against the reader's model reads in the export file (pointer and wording). */
    public void locateInFile(UnaryOperator<Problem> inFile) {
        this.inFile = inFile;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<Problem> errors() {
        return inFile(Set.of(), errors);
    }

    public List<Problem> warnings() {
        return inFile(warningsInFile, warnings);
    }

    public List<Problem> notes() {
        return inFile(Set.of(), notes);
    }

    /** Two problems of the model may be one in the file (a pointer cut back to the node that exists). */
    private List<Problem> inFile(Set<Problem> located, Set<Problem> problems) {
        Set<Problem> out = new LinkedHashSet<>(located);
        for (Problem problem : problems) {
            out.add(inFile.apply(problem));
        }
        return List.copyOf(out);
    }

    public String target() {
        return target;
    }

    public String file() {
        return file;
    }
}
