package dev.apigwmcp.generator.config;

/**
 * Locations of a configuration built in code (a {@link dev.apigwmcp.generator.GeneratorConfig} handed straight to
 * the generator): member paths such as {@code toolFilters[1].methods}.
 */
public record CodeDialect() implements ConfigDialect {

    @Override
    public String file() {
        return null;
    }

    @Override
    public String targets() {
        return "targets";
    }

    @Override
    public String target(int index, String name) {
        return "";
    }

    @Override
    public String member(String parent, String member) {
        return parent.isEmpty() ? member : parent + "." + member;
    }

    @Override
    public String entry(String parent, String list, int index) {
        return member(parent, list) + "[" + index + "]";
    }

    @Override
    public String name(String member) {
        return member;
    }
}
