package dev.apigwmcp.generator.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CatalogDifferTest {

    private static final String BASE_INPUT = "{'type':'object','properties':{"
            + "'petId':{'type':'string','description':'The pet'},"
            + "'limit':{'type':'integer','minimum':1,'maximum':100},"
            + "'count':{'type':['number','null']},"
            + "'status':{'type':'string','enum':['available','pending','sold']},"
            + "'body':{'type':'object','properties':{'name':{'type':'string'}},'required':['name']}},"
            + "'required':['petId']}";
    private static final String BASE_OUTPUT =
            "{'type':'object','properties':{'id':{'type':'string'}," + "'tag':{'type':'string'}},'required':['id']}";

    /** One row: a change to the base tool, the one change the differ must report, and its classification. */
    static Stream<Arguments> changes() {
        return Stream.of(
                row(
                        "argument added, optional",
                        BASE_INPUT.replace("'petId':{", "'q':{'type':'string'},'petId':{"),
                        BASE_OUTPUT,
                        "input.q",
                        ChangeKind.ARGUMENT_ADDED,
                        Severity.COMPATIBLE),
                row(
                        "argument added, required",
                        BASE_INPUT
                                .replace("'petId':{", "'q':{'type':'string'},'petId':{")
                                .replace("'required':['petId']", "'required':['petId','q']"),
                        BASE_OUTPUT,
                        "input.q",
                        ChangeKind.ARGUMENT_ADDED,
                        Severity.BREAKING),
                row(
                        "argument removed",
                        BASE_INPUT
                                .replace("'petId':{'type':'string','description':'The pet'},", "")
                                .replace("'required':['petId']", "'required':[]"),
                        BASE_OUTPUT,
                        "input.petId",
                        ChangeKind.ARGUMENT_REMOVED,
                        Severity.BREAKING),
                row(
                        "argument now required",
                        BASE_INPUT.replace("'required':['petId']", "'required':['petId','limit']"),
                        BASE_OUTPUT,
                        "input.limit",
                        ChangeKind.ARGUMENT_NOW_REQUIRED,
                        Severity.BREAKING),
                row(
                        "argument now optional",
                        BASE_INPUT.replace("'required':['petId']", "'required':[]"),
                        BASE_OUTPUT,
                        "input.petId",
                        ChangeKind.ARGUMENT_NOW_OPTIONAL,
                        Severity.COMPATIBLE),
                row(
                        "nested body field removed",
                        BASE_INPUT.replace(
                                "'properties':{'name':{'type':'string'}},'required':['name']", "'properties':{}"),
                        BASE_OUTPUT,
                        "input.body.name",
                        ChangeKind.ARGUMENT_REMOVED,
                        Severity.BREAKING),
                row(
                        "type widened integer to number",
                        BASE_INPUT.replace("'limit':{'type':'integer'", "'limit':{'type':'number'"),
                        BASE_OUTPUT,
                        "input.limit",
                        ChangeKind.TYPE_WIDENED,
                        Severity.COMPATIBLE),
                row(
                        "type widened by null",
                        BASE_INPUT.replace("'petId':{'type':'string'", "'petId':{'type':['string','null']"),
                        BASE_OUTPUT,
                        "input.petId",
                        ChangeKind.TYPE_WIDENED,
                        Severity.COMPATIBLE),
                row(
                        "type narrowed to integer",
                        BASE_INPUT.replace("'count':{'type':['number','null']}", "'count':{'type':'integer'}"),
                        BASE_OUTPUT,
                        "input.count",
                        ChangeKind.TYPE_NARROWED,
                        Severity.BREAKING),
                row("unchanged", BASE_INPUT, BASE_OUTPUT, null, null, null),
                row(
                        "type dropped means any type",
                        BASE_INPUT.replace("'body':{'type':'object',", "'body':{"),
                        BASE_OUTPUT,
                        "input.body",
                        ChangeKind.TYPE_WIDENED,
                        Severity.COMPATIBLE),
                row(
                        "type changed",
                        BASE_INPUT.replace("'petId':{'type':'string'", "'petId':{'type':'integer'"),
                        BASE_OUTPUT,
                        "input.petId",
                        ChangeKind.TYPE_CHANGED,
                        Severity.BREAKING),
                row(
                        "enum value removed",
                        BASE_INPUT.replace("['available','pending','sold']", "['available','sold']"),
                        BASE_OUTPUT,
                        "input.status",
                        ChangeKind.ENUM_VALUES_REMOVED,
                        Severity.BREAKING),
                row(
                        "enum value added",
                        BASE_INPUT.replace("['available','pending','sold']", "['available','pending','sold','lost']"),
                        BASE_OUTPUT,
                        "input.status",
                        ChangeKind.ENUM_VALUES_ADDED,
                        Severity.COMPATIBLE),
                row(
                        "enum introduced",
                        BASE_INPUT.replace("'petId':{'type':'string'", "'petId':{'type':'string','enum':['a']"),
                        BASE_OUTPUT,
                        "input.petId",
                        ChangeKind.ENUM_VALUES_REMOVED,
                        Severity.BREAKING),
                row(
                        "enum dropped",
                        BASE_INPUT.replace(",'enum':['available','pending','sold']", ""),
                        BASE_OUTPUT,
                        "input.status",
                        ChangeKind.ENUM_VALUES_ADDED,
                        Severity.COMPATIBLE),
                row(
                        "maximum lowered",
                        BASE_INPUT.replace("'maximum':100", "'maximum':50"),
                        BASE_OUTPUT,
                        "input.limit",
                        ChangeKind.CONSTRAINT_NARROWED,
                        Severity.BREAKING),
                row(
                        "minimum lowered",
                        BASE_INPUT.replace("'minimum':1", "'minimum':0"),
                        BASE_OUTPUT,
                        "input.limit",
                        ChangeKind.CONSTRAINT_WIDENED,
                        Severity.COMPATIBLE),
                row(
                        "pattern added",
                        BASE_INPUT.replace("'petId':{'type':'string'", "'petId':{'type':'string','pattern':'^[0-9]+$'"),
                        BASE_OUTPUT,
                        "input.petId",
                        ChangeKind.CONSTRAINT_CHANGED,
                        Severity.BREAKING),
                row(
                        "argument description changed",
                        BASE_INPUT.replace("'The pet'", "'The pet to fetch'"),
                        BASE_OUTPUT,
                        "input.petId",
                        ChangeKind.SCHEMA_DOCUMENTATION_CHANGED,
                        Severity.COMPATIBLE),
                row(
                        "output field added",
                        BASE_INPUT,
                        BASE_OUTPUT.replace("'tag':{", "'age':{'type':'integer'},'tag':{"),
                        "output.age",
                        ChangeKind.OUTPUT_FIELD_ADDED,
                        Severity.COMPATIBLE),
                row(
                        "output field removed",
                        BASE_INPUT,
                        BASE_OUTPUT.replace(",'tag':{'type':'string'}", ""),
                        "output.tag",
                        ChangeKind.OUTPUT_FIELD_REMOVED,
                        Severity.BREAKING),
                row(
                        "output field now optional",
                        BASE_INPUT,
                        BASE_OUTPUT.replace("'required':['id']", "'required':[]"),
                        "output.id",
                        ChangeKind.OUTPUT_FIELD_NOW_OPTIONAL,
                        Severity.BREAKING),
                row(
                        "output field now always present",
                        BASE_INPUT,
                        BASE_OUTPUT.replace("'required':['id']", "'required':['id','tag']"),
                        "output.tag",
                        ChangeKind.OUTPUT_FIELD_NOW_REQUIRED,
                        Severity.COMPATIBLE),
                row(
                        "output type widened",
                        BASE_INPUT,
                        BASE_OUTPUT.replace("'tag':{'type':'string'}", "'tag':{'type':['string','null']}"),
                        "output.tag",
                        ChangeKind.TYPE_WIDENED,
                        Severity.BREAKING),
                row(
                        "output enum introduced",
                        BASE_INPUT,
                        BASE_OUTPUT.replace("'tag':{'type':'string'}", "'tag':{'type':'string','enum':['a','b']}"),
                        "output.tag",
                        ChangeKind.ENUM_VALUES_REMOVED,
                        Severity.COMPATIBLE),
                row(
                        "output schema removed",
                        BASE_INPUT,
                        null,
                        "output",
                        ChangeKind.OUTPUT_SCHEMA_REMOVED,
                        Severity.BREAKING));
    }

    private static Arguments row(
            String name, String input, String output, String location, ChangeKind kind, Severity severity) {
        return Arguments.of(name, input, output, location, kind, severity);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void classifiesEachChangeKind(
            String name, String input, String output, String location, ChangeKind kind, Severity severity)
            throws Exception {
        ToolCatalog before =
                catalog(tool("pets___getPet", "Get a pet", BASE_INPUT, BASE_OUTPUT, "{'readOnlyHint':true}"));
        ToolCatalog after = catalog(tool("pets___getPet", "Get a pet", input, output, "{'readOnlyHint':true}"));

        CatalogDiff diff = new CatalogDiffer().diff(before, after);

        if (kind == null) {
            assertThat(diff.changes()).isEmpty();
        } else {
            assertThat(diff.changes())
                    .extracting(
                            CatalogChange::tool, CatalogChange::location, CatalogChange::kind, CatalogChange::severity)
                    .containsExactly(tuple("pets___getPet", location, kind, severity));
        }
    }

    @Test
    void outputSchemaAddedIsCompatible() throws Exception {
        CatalogDiff diff = new CatalogDiffer()
                .diff(
                        catalog(tool("a", "d", BASE_INPUT, null, null)),
                        catalog(tool("a", "d", BASE_INPUT, BASE_OUTPUT, null)));

        assertThat(diff.changes())
                .extracting(CatalogChange::kind, CatalogChange::severity)
                .containsExactly(tuple(ChangeKind.OUTPUT_SCHEMA_ADDED, Severity.COMPATIBLE));
    }

    @Test
    void toolDescriptionTitleAndAnnotationChangesAreCompatible() throws Exception {
        CatalogDiff diff = new CatalogDiffer()
                .diff(
                        catalog(tool("a", "old text", BASE_INPUT, null, "{'readOnlyHint':true}")),
                        catalog(tool("a", "new text", BASE_INPUT, null, "{'readOnlyHint':false}")
                                .replace("'name':'a'", "'name':'a','title':'A'")));

        assertThat(diff.changes())
                .extracting(CatalogChange::kind, CatalogChange::severity, CatalogChange::detail)
                .containsExactly(
                        tuple(ChangeKind.TITLE_CHANGED, Severity.COMPATIBLE, "none → \"A\""),
                        tuple(ChangeKind.DESCRIPTION_CHANGED, Severity.COMPATIBLE, "\"old text\" → \"new text\""),
                        tuple(ChangeKind.ANNOTATIONS_CHANGED, Severity.COMPATIBLE, "readOnlyHint: true → false"));
    }

    @Test
    void toolAddedIsCompatibleAndToolRemovedIsBreaking() throws Exception {
        CatalogDiff diff = new CatalogDiffer()
                .diff(
                        catalog(tool("a", "d", BASE_INPUT, null, null)),
                        catalog(tool("b", "d", "{'type':'object'}", null, null)));

        assertThat(diff.changes())
                .extracting(CatalogChange::tool, CatalogChange::kind, CatalogChange::severity)
                .containsExactly(
                        tuple("a", ChangeKind.TOOL_REMOVED, Severity.BREAKING),
                        tuple("b", ChangeKind.TOOL_ADDED, Severity.COMPATIBLE));
        assertThat(diff.hasBreaking()).isTrue();
    }

    @Test
    void removedAndAddedToolWithTheSameSchemasIsOneBreakingRename() throws Exception {
        CatalogDiff diff = new CatalogDiffer()
                .diff(
                        catalog(tool("pets___GetPet", "Get a pet", BASE_INPUT, BASE_OUTPUT, "{'readOnlyHint':true}")),
                        catalog(tool(
                                "pets___getPet", "Fetch one pet", BASE_INPUT, BASE_OUTPUT, "{'readOnlyHint':true}")));

        assertThat(diff.changes())
                .extracting(CatalogChange::tool, CatalogChange::kind, CatalogChange::severity, CatalogChange::detail)
                .containsExactly(
                        tuple("pets___getPet", ChangeKind.TOOL_RENAMED, Severity.BREAKING, "was pets___GetPet"),
                        tuple(
                                "pets___getPet",
                                ChangeKind.DESCRIPTION_CHANGED,
                                Severity.COMPATIBLE,
                                "\"Get a pet\" → \"Fetch one pet\""));
    }

    @Test
    void ambiguousRenameCandidatesStayRemovalsAndAdditions() throws Exception {
        String schema = "{'type':'object'}";
        CatalogDiff diff = new CatalogDiffer()
                .diff(
                        catalog(tool("a", "d", schema, null, null), tool("b", "d", schema, null, null)),
                        catalog(tool("c", "d", schema, null, null), tool("d", "d", schema, null, null)));

        assertThat(diff.changes())
                .extracting(CatalogChange::kind)
                .containsExactly(
                        ChangeKind.TOOL_REMOVED, ChangeKind.TOOL_REMOVED, ChangeKind.TOOL_ADDED, ChangeKind.TOOL_ADDED);
    }

    @Test
    void renameNeedsEqualAnnotations() throws Exception {
        CatalogDiff diff = new CatalogDiffer()
                .diff(
                        catalog(tool("a", "d", BASE_INPUT, null, "{'readOnlyHint':true}")),
                        catalog(tool("b", "d", BASE_INPUT, null, "{'destructiveHint':true}")));

        assertThat(diff.changes())
                .extracting(CatalogChange::kind)
                .containsExactly(ChangeKind.TOOL_REMOVED, ChangeKind.TOOL_ADDED);
    }

    @Test
    void recursiveDefinitionsAreComparedByName() throws Exception {
        String before = "{'type':'object','properties':{'body':{'$ref':'#/$defs/Node'}},"
                + "'$defs':{'Node':{'type':'object','properties':{'next':{'$ref':'#/$defs/Node'},'v':{'type':'string'}}}}}";
        String after = before.replace(",'v':{'type':'string'}", "");

        CatalogDiff diff = new CatalogDiffer()
                .diff(catalog(tool("a", "d", before, null, null)), catalog(tool("a", "d", after, null, null)));

        assertThat(diff.changes())
                .extracting(CatalogChange::location, CatalogChange::kind, CatalogChange::severity)
                .containsExactly(tuple("input.$defs.Node.v", ChangeKind.ARGUMENT_REMOVED, Severity.BREAKING));
    }

    @Test
    void keyOrderDoesNotMatter() throws Exception {
        CatalogDiff diff = new CatalogDiffer()
                .diff(
                        catalog(tool("a", "d", "{'type':'object','properties':{'x':{'type':'string'}}}", null, null)),
                        catalog(tool("a", "d", "{'properties':{'x':{'type':'string'}},'type':'object'}", null, null)));

        assertThat(diff.isEmpty()).isTrue();
    }

    static String tool(String name, String description, String input, String output, String annotations) {
        StringBuilder json = new StringBuilder("{'name':'" + name + "','description':'" + description + "',");
        json.append("'inputSchema':").append(input);
        if (output != null) {
            json.append(",'outputSchema':").append(output);
        }
        if (annotations != null) {
            json.append(",'annotations':").append(annotations);
        }
        return json.append('}').toString();
    }

    static ToolCatalog catalog(String... tools) throws CatalogFormatException {
        return ToolCatalog.parse(("{'tools':[" + String.join(",", tools) + "]}").replace('\'', '"'), "tools.json");
    }
}
