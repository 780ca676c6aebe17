package dev.apigwmcp.samples.demo;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The demo backend's JSON: nodes from the factory, and one mapper made on first use. A gateway started with
 * {@code --demo} starts this backend before it answers {@code initialize}; a first mapper there would cost that
 * answer what the gateway itself now defers (its first mapper sets up much of Jackson and the JDK's locale data).
 */
final class DemoJson {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DemoJson() {}

    static JsonMapper mapper() {
        return Mapper.INSTANCE;
    }

    /** Initialised on the first {@link #mapper()} call only (a holder class). */
    private static final class Mapper {
        static final JsonMapper INSTANCE = JsonMapper.builder().build();
    }
}
