package dev.apigwmcp.generator.schema;

import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The subschema positions of a swagger-parser {@link Schema}: one list shared by the reference-graph walk and the
 * converter, so the cycle analysis sees exactly the references the conversion follows.
 */
final class SchemaTree {
    private SchemaTree() {}

    /** Calls {@code visit} with every direct subschema of {@code s} (never {@code s} itself). */
    @SuppressWarnings("rawtypes")
    static void forEachChild(Schema<?> s, Consumer<Schema<?>> visit) {
        eachValue(s.getProperties(), visit);
        eachValue(s.getPatternProperties(), visit);
        if (s.getAdditionalProperties() instanceof Schema<?> additional) {
            visit.accept(additional);
        }
        one(s.getPropertyNames(), visit);
        eachValue(s.getDependentSchemas(), visit);
        one(s.getUnevaluatedProperties(), visit);
        each(s.getPrefixItems(), visit);
        one(s.getItems(), visit);
        one(s.getContains(), visit);
        one(s.getUnevaluatedItems(), visit);
        each(s.getAllOf(), visit);
        each(s.getAnyOf(), visit);
        each(s.getOneOf(), visit);
        one(s.getNot(), visit);
        one(s.getIf(), visit);
        one(s.getThen(), visit);
        one(s.getElse(), visit);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void each(List<Schema> list, Consumer<Schema<?>> visit) {
        if (list != null) {
            for (Schema child : list) {
                one(child, visit);
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void eachValue(Map<String, Schema> map, Consumer<Schema<?>> visit) {
        if (map != null) {
            for (Schema child : map.values()) {
                one(child, visit);
            }
        }
    }

    private static void one(Schema<?> child, Consumer<Schema<?>> visit) {
        if (child != null) {
            visit.accept(child);
        }
    }
}
