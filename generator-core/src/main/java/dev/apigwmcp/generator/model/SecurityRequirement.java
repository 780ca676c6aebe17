package dev.apigwmcp.generator.model;

import java.util.List;

/**
 * One security requirement object: the schemes it names (all of them apply together).
 *
 * @param schemes scheme names in declared order
 */
public record SecurityRequirement(List<String> schemes) {
    public SecurityRequirement {
        schemes = List.copyOf(schemes);
    }
}
