package dev.apigwmcp.generator.corpus;

import java.nio.file.Path;
import java.util.List;

/**
 * One corpus of real-world specs, ready to run: the specs in a fixed order and everything of the package that is
 * deliberately not run, each with its reason.
 *
 * @param name        how the report names it ({@code @readme/oas-examples 8.2.2})
 * @param description how the specs were chosen, for the report
 * @param specs       the specs to run, sorted by id
 * @param excluded    files left out, with why
 */
record Corpus(String name, String description, List<Spec> specs, List<Exclusion> excluded) {

    Corpus {
        specs = List.copyOf(specs);
        excluded = List.copyOf(excluded);
    }

    /**
     * @param id   the path inside the package ({@code 3.0/json/petstore.json}), stable across machines
     * @param file where it lies in the cache
     */
    record Spec(String id, Path file) {}

    /**
     * @param id     the path inside the package
     * @param reason why it is not run
     */
    record Exclusion(String id, String reason) {}
}
