package dev.apigwmcp.generator.config;

import dev.apigwmcp.generator.Problem;

/**
 * How one front end's configuration file names its places and members, so that a problem found by
 * {@link ConfigValidator} reads in the user's own terms: {@code target petstore: <toolFilter> #2: <methods>} in a
 * POM, {@code targets.yaml#/targets/0/toolFilters/1/methods} in a targets file.
 */
public interface ConfigDialect {

    /** The file problems are located in, as shown to the user, or {@code null}. */
    String file();

    /** The place of the list of targets. */
    String targets();

    /** The place of the target at {@code index} (from 0); {@code name} may be blank. */
    String target(int index, String name);

    /** The place of member {@code member} of the element at {@code parent}. */
    String member(String parent, String member);

    /** The place of entry {@code index} (from 0) of the list {@code list} of the element at {@code parent}. */
    String entry(String parent, String list, int index);

    /** A member's name as the user writes it ({@code <methods>}, {@code 'methods'}). */
    String name(String member);

    /** What else can stand for a missing {@code exportFile} in this front end, as a clause, or {@code ""}. */
    default String exportFileAlternative() {
        return "";
    }

    /** One line for the user. */
    default String render(Problem problem) {
        return problem.toString();
    }
}
