package dev.apigwmcp.generator.catalog;

/** What changed between two catalogs, with the wording used in reports. */
public enum ChangeKind {
    TOOL_ADDED("tool added"),
    TOOL_REMOVED("tool removed"),
    TOOL_RENAMED("tool renamed"),
    TITLE_CHANGED("title changed"),
    DESCRIPTION_CHANGED("description changed"),
    ANNOTATIONS_CHANGED("annotations changed"),
    ARGUMENT_ADDED("argument added"),
    ARGUMENT_REMOVED("argument removed"),
    ARGUMENT_NOW_REQUIRED("argument now required"),
    ARGUMENT_NOW_OPTIONAL("argument now optional"),
    OUTPUT_SCHEMA_ADDED("output schema added"),
    OUTPUT_SCHEMA_REMOVED("output schema removed"),
    OUTPUT_FIELD_ADDED("output field added"),
    OUTPUT_FIELD_REMOVED("output field removed"),
    OUTPUT_FIELD_NOW_REQUIRED("output field now always present"),
    OUTPUT_FIELD_NOW_OPTIONAL("output field now optional"),
    TYPE_NARROWED("type narrowed"),
    TYPE_WIDENED("type widened"),
    TYPE_CHANGED("type changed"),
    ENUM_VALUES_REMOVED("enum values removed"),
    ENUM_VALUES_ADDED("enum values added"),
    CONSTRAINT_NARROWED("constraint narrowed"),
    CONSTRAINT_WIDENED("constraint widened"),
    CONSTRAINT_CHANGED("constraint changed"),
    SCHEMA_DOCUMENTATION_CHANGED("schema documentation changed");

    private final String label;

    ChangeKind(String label) {
        this.label = label;
    }

    /** Lower-case wording for reports, for example {@code argument removed}. */
    public String label() {
        return label;
    }
}
