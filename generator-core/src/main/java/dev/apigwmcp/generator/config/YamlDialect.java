package dev.apigwmcp.generator.config;

import dev.apigwmcp.generator.model.JsonPointer;

/**
 * Locations in a {@code targets.yaml} (or JSON) file as JSON pointers: {@code targets.yaml#/targets/0/auth}.
 *
 * @param file the file's name as shown to the user
 */
public record YamlDialect(String file) implements ConfigDialect {

    @Override
    public String targets() {
        return "/targets";
    }

    @Override
    public String target(int index, String name) {
        return "/targets/" + index;
    }

    @Override
    public String member(String parent, String member) {
        return JsonPointer.append(parent, member);
    }

    @Override
    public String entry(String parent, String list, int index) {
        return JsonPointer.append(parent, list) + "/" + index;
    }

    @Override
    public String name(String member) {
        return "'" + member + "'";
    }
}
