package dev.apigwmcp.generator.schema;

import static dev.apigwmcp.generator.schema.Fixture.json;
import static dev.apigwmcp.generator.schema.Fixture.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaConverterTest {
    private final MetaSchema metaSchema = new MetaSchema();

    /** Compares as JSON text: numbers then compare by value whatever node class holds them, and key order counts. */
    private static void assertJson(com.fasterxml.jackson.databind.JsonNode actual, String expected) {
        assertThat(json(actual)).isEqualTo(json(read(expected)));
    }

    private Fixture.Result valid(Fixture.Result result) {
        assertThat(metaSchema.problems(result.root())).as(result.json()).isEmpty();
        return result;
    }

    // ------------------------------------------------------------------ references

    @Test
    void inlinesComponentReferences() {
        Fixture f = Fixture.oas30("""
                Pet:
                  type: object
                  properties:
                    tag: {$ref: '#/components/schemas/Tag'}
                Tag: {type: string, maxLength: 10}
                """);
        Fixture.Result r = valid(f.component("Pet", Direction.INPUT));
        assertJson(r.root(), """
                {"type":"object","properties":{"tag":{"type":"string","maxLength":10}}}""");
        assertThat(r.document().defs()).isEmpty();
        assertThat(r.document().issues()).isEmpty();
    }

    @Test
    void directRecursionGoesIntoDefs() {
        Fixture f = Fixture.oas30("""
                Owner:
                  type: object
                  properties:
                    name: {type: string}
                    referredBy: {$ref: '#/components/schemas/Owner'}
                """);
        Fixture.Result r = valid(f.component("Owner", Direction.OUTPUT));
        assertJson(r.node(), "{\"$ref\":\"#/$defs/Owner\"}");
        assertJson(r.at("/$defs/Owner"), """
                {"type":"object","properties":{"name":{"type":"string"},"referredBy":{"$ref":"#/$defs/Owner"}}}""");
        assertThat(r.document().defs()).containsOnlyKeys("Owner");
    }

    @Test
    void indirectRecursionPutsEveryCycleMemberIntoDefs() {
        Fixture f = Fixture.oas30("""
                Wrapper:
                  type: object
                  properties:
                    a: {$ref: '#/components/schemas/A'}
                A:
                  type: object
                  properties:
                    b: {$ref: '#/components/schemas/B'}
                    leaf: {$ref: '#/components/schemas/Leaf'}
                B:
                  type: array
                  items: {$ref: '#/components/schemas/A'}
                Leaf: {type: integer}
                """);
        Fixture.Result r = valid(f.component("Wrapper", Direction.INPUT));
        assertJson(r.at("/properties/a"), "{\"$ref\":\"#/$defs/A\"}");
        assertThat(r.document().defs()).containsOnlyKeys("A", "B");
        // Leaf is not on the cycle: it is inlined inside A's definition.
        assertJson(r.at("/$defs/A/properties/leaf"), "{\"type\":\"integer\"}");
        assertJson(r.at("/$defs/B/items"), "{\"$ref\":\"#/$defs/A\"}");
    }

    @Test
    void defsNamesAreSanitisedAndUnique() {
        Fixture f = Fixture.of("""
                {"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{},"components":{"schemas":{
                  "Node Type":{"type":"object","properties":{"next":{"$ref":"#/components/schemas/Node%20Type"}}},
                  "Node_Type":{"type":"object","properties":{"next":{"$ref":"#/components/schemas/Node_Type"},
                                                             "other":{"$ref":"#/components/schemas/Node%20Type"}}}}}}
                """);
        Fixture.Result r = valid(f.component("Node_Type", Direction.OUTPUT));
        assertThat(r.document().defs()).containsOnlyKeys("Node_Type", "Node_Type_2");
        assertThat(r.node().get("$ref").asText()).isEqualTo("#/$defs/Node_Type_2");
        assertThat(r.at("/$defs/Node_Type_2/properties/other/$ref").asText()).isEqualTo("#/$defs/Node_Type");
    }

    @Test
    void referenceIntoAComponentIsInlined() {
        Fixture f = Fixture.oas30("""
                Pet:
                  type: object
                  properties:
                    id: {type: integer, format: int64}
                """);
        Fixture.Result r =
                valid(f.convert(new Schema<>().$ref("#/components/schemas/Pet/properties/id"), Direction.INPUT));
        assertJson(r.root(), "{\"type\":\"integer\",\"format\":\"int64\"}");
    }

    @Test
    void tooDeepASchemaIsAnErrorThatSaysHowToFixIt() {
        Schema<?> schema = new Schema<>().type("string");
        for (int i = 0; i <= DirectionTranslator.MAX_DEPTH; i++) {
            schema = new Schema<>().type("array").items(schema);
        }
        Fixture.Result r = Fixture.oas30("A: {type: string}").convert(schema, Direction.INPUT);
        assertThat(r.document().issues()).singleElement().satisfies(issue -> {
            assertThat(issue.error()).isTrue();
            assertThat(issue.message())
                    .contains("levels deep", "move inner parts into named schemas")
                    .doesNotContain("replaced");
        });
    }

    @Test
    void missingComponentIsAnErrorAtTheRefAndBecomesEmptySchema() {
        Fixture f = Fixture.oas30("""
                Pet:
                  type: object
                  properties:
                    owner: {$ref: '#/components/schemas/Nobody'}
                    name: {type: string}
                """);
        Fixture.Result r = valid(f.component("Pet", Direction.INPUT));
        assertJson(r.at("/properties/owner"), "{}");
        assertJson(r.at("/properties/name"), "{\"type\":\"string\"}");
        assertThat(r.document().issues()).singleElement().satisfies(issue -> {
            assertThat(issue.error()).isTrue();
            assertThat(issue.pointer()).isEqualTo("/components/schemas/Pet/properties/owner/$ref");
            assertThat(issue.message())
                    .contains(
                            "#/components/schemas/Nobody",
                            "no schema named 'Nobody' in #/components/schemas",
                            "add the schema it names")
                    .doesNotContain("replaced");
        });
        assertThat(r.document().hasErrors()).isTrue();
    }

    @Test
    void externalFileAndRemoteReferencesAreErrors() {
        Fixture f = Fixture.oas30("Empty: {type: object}");
        SchemaDocument document = f.converter.newDocument(Direction.INPUT);
        ObjectNode file =
                document.convert(new Schema<>().$ref("common.yaml#/Pet"), "/paths/~1a/get/parameters/0/schema");
        ObjectNode url = document.convert(new Schema<>().$ref("https://example.com/s.json"), "/p/1");
        ObjectNode other = document.convert(new Schema<>().$ref("#/components/parameters/Limit"), "/p/2");
        assertJson(file, "{}");
        assertJson(url, "{}");
        assertJson(other, "{}");
        assertThat(document.issues())
                .extracting(SchemaIssue::pointer)
                .containsExactly("/paths/~1a/get/parameters/0/schema/$ref", "/p/1/$ref", "/p/2/$ref");
        assertThat(document.issues()).allMatch(SchemaIssue::error);
        assertThat(document.issues().get(0).message()).contains("other files");
        assertThat(document.issues().get(1).message()).contains("remote references");
        assertThat(document.issues().get(2).message()).contains("only references to #/components/schemas/");
    }

    @Test
    void componentIssuesAreReportedByEveryDocumentThatUsesIt() {
        Fixture f = Fixture.oas30("""
                Pet:
                  type: object
                  properties:
                    owner: {$ref: '#/components/schemas/Nobody'}
                """);
        Fixture.Result first = f.component("Pet", Direction.INPUT);
        Fixture.Result second = f.component("Pet", Direction.INPUT);
        assertThat(second.document().issues())
                .isEqualTo(first.document().issues())
                .hasSize(1);
    }

    @Test
    void componentIsConvertedOncePerDirectionAndShared() {
        Fixture f = Fixture.oas30("""
                Pet:
                  type: object
                  properties:
                    tag: {$ref: '#/components/schemas/Tag'}
                Tag: {type: object, properties: {v: {type: string}}}
                """);
        Fixture.Result first = f.component("Pet", Direction.INPUT);
        Fixture.Result second = f.component("Pet", Direction.INPUT);
        Fixture.Result output = f.component("Pet", Direction.OUTPUT);
        assertThat(second.node().get("properties")).isSameAs(first.node().get("properties"));
        assertThat(output.node().get("properties")).isNotSameAs(first.node().get("properties"));
        // The top-level object is the caller's own: changing it leaves the shared nodes alone.
        first.node().put("description", "changed");
        assertThat(second.node().has("description")).isFalse();
    }

    @Test
    void veryLongReferenceChainsAreCutIntoDefsInsteadOfOverflowingTheStack() {
        StringBuilder yaml = new StringBuilder();
        int length = 3000;
        for (int i = 0; i < length; i++) {
            yaml.append("C")
                    .append(i)
                    .append(": {type: object, properties: {next: ")
                    .append(i + 1 < length ? "{$ref: '#/components/schemas/C" + (i + 1) + "'}" : "{type: string}")
                    .append("}}\n");
        }
        Fixture.Result r = valid(Fixture.oas30(yaml.toString()).component("C0", Direction.INPUT));
        assertThat(r.document().issues()).isEmpty();
        assertThat(r.document().defs().size())
                .isGreaterThanOrEqualTo(length / (ComponentIndex.MAX_INLINE_HEIGHT + 1) - 1);
        // The links through $defs accept and reject the same instances as full inlining would.
        assertThat(metaSchema.validate(r.root(), "{\"next\":{\"next\":{}}}")).isEmpty();
        assertThat(metaSchema.validate(r.root(), "{\"next\":{\"next\":7}}")).isNotEmpty();
    }

    // ------------------------------------------------------------------ nullable

    @Test
    void nullableTypeBecomesTypeArrayWithNull() {
        Fixture f = Fixture.oas30("N: {type: string, nullable: true, maxLength: 3}");
        assertJson(valid(f.component("N", Direction.INPUT)).root(), "{\"type\":[\"string\",\"null\"],\"maxLength\":3}");
    }

    @Test
    void nullableEnumAlsoAdmitsNullInTheEnum() {
        Fixture f = Fixture.oas30("N: {type: string, nullable: true, enum: [a, b]}");
        assertJson(
                valid(f.component("N", Direction.INPUT)).root(),
                "{\"type\":[\"string\",\"null\"],\"enum\":[\"a\",\"b\",null]}");
    }

    @Test
    void nullableEnumAlreadyListingNullIsNotDuplicated() {
        Fixture f = Fixture.oas30("N: {type: string, nullable: true, enum: [a, null]}");
        assertJson(f.component("N", Direction.INPUT).root(), "{\"type\":[\"string\",\"null\"],\"enum\":[\"a\",null]}");
    }

    @Test
    void nullableAllOfBecomesAnyOfWithNullKeepingAnnotationsOutside() {
        Fixture f = Fixture.oas30("""
                Pet:
                  type: object
                  properties:
                    owner:
                      description: The owner, if any.
                      nullable: true
                      allOf: [{$ref: '#/components/schemas/Owner'}]
                Owner: {type: object, properties: {name: {type: string}}}
                """);
        Fixture.Result r = valid(f.component("Pet", Direction.OUTPUT));
        assertJson(r.at("/properties/owner"), """
                {"description":"The owner, if any.","anyOf":[
                  {"allOf":[{"type":"object","properties":{"name":{"type":"string"}}}]},
                  {"type":"null"}]}""");
        assertThat(metaSchema.validate(r.root(), "{\"owner\":null}")).isEmpty();
        assertThat(metaSchema.validate(r.root(), "{\"owner\":{\"name\":1}}")).isNotEmpty();
    }

    @Test
    void nullableOneOfWithTypeIsWrappedNotTyped() {
        Fixture f = Fixture.oas30("""
                V:
                  type: object
                  nullable: true
                  oneOf:
                    - {type: object, required: [a]}
                    - {type: object, required: [b]}
                """);
        Fixture.Result r = valid(f.component("V", Direction.INPUT));
        assertThat(r.root().get("anyOf").get(0).get("type").asText()).isEqualTo("object");
        assertJson(r.root().get("anyOf").get(1), "{\"type\":\"null\"}");
        assertThat(metaSchema.validate(r.root(), "null")).isEmpty();
    }

    @Test
    void nullableReferenceIn31BecomesAnyOfWithNull() {
        Fixture f = Fixture.oas31("""
                Pet:
                  type: object
                  properties:
                    owner: {$ref: '#/components/schemas/Owner', nullable: true}
                Owner: {type: object}
                """);
        Fixture.Result r = valid(f.component("Pet", Direction.OUTPUT));
        assertJson(r.at("/properties/owner"), "{\"anyOf\":[{\"type\":\"object\"},{\"type\":\"null\"}]}");
    }

    @Test
    void swagger2XNullableIsTreatedLikeNullable() {
        Fixture f = Fixture.of("""
                swagger: '2.0'
                info: {title: t, version: '1'}
                paths: {}
                definitions:
                  Change:
                    type: object
                    properties:
                      note: {type: string, x-nullable: true}
                """);
        assertJson(
                valid(f.component("Change", Direction.INPUT)).at("/properties/note"),
                "{\"type\":[\"string\",\"null\"]}");
    }

    @Test
    void xNullableExtensionInAnOpenApi3ExportIsTreatedLikeNullable() {
        Fixture f = Fixture.oas30("N: {type: integer, x-nullable: true}");
        assertJson(f.component("N", Direction.INPUT).root(), "{\"type\":[\"integer\",\"null\"]}");
    }

    @Test
    void nullableWithoutTypeOrCompositionNeedsNothing() {
        Fixture f = Fixture.oas30("N: {nullable: true, description: anything}");
        assertJson(f.component("N", Direction.INPUT).root(), "{\"description\":\"anything\"}");
    }

    // ------------------------------------------------------------------ 3.0 keywords

    @Test
    void booleanExclusiveBoundsBecomeNumericBounds() {
        Fixture f = Fixture.oas30("""
                P: {type: number, minimum: 0, exclusiveMinimum: true, maximum: 10, exclusiveMaximum: true}
                Q: {type: number, minimum: 0, exclusiveMinimum: false, maximum: 10.5}
                """);
        assertJson(
                valid(f.component("P", Direction.INPUT)).root(),
                "{\"type\":\"number\",\"exclusiveMinimum\":0,\"exclusiveMaximum\":10}");
        assertJson(
                valid(f.component("Q", Direction.INPUT)).root(),
                "{\"type\":\"number\",\"minimum\":0,\"maximum\":10.5}");
    }

    @Test
    void exclusiveFlagWithoutBoundIsDroppedWithWarning() {
        Fixture f = Fixture.oas30("P: {type: integer, exclusiveMaximum: true}");
        Fixture.Result r = valid(f.component("P", Direction.INPUT));
        assertJson(r.root(), "{\"type\":\"integer\"}");
        assertThat(r.document().issues()).singleElement().satisfies(issue -> {
            assertThat(issue.error()).isFalse();
            assertThat(issue.pointer()).isEqualTo("/components/schemas/P/exclusiveMaximum");
        });
    }

    @Test
    void exampleBecomesExamplesArray() {
        Fixture f = Fixture.oas30("""
                E:
                  type: object
                  example: {id: 1}
                  properties:
                    day: {type: string, format: date, example: '2020-01-02', default: '2021-03-04'}
                    at: {type: string, format: date-time, example: '2020-01-02T10:00:00Z'}
                    raw: {type: string, format: byte, example: U3dhZ2dlcg==}
                    price: {type: number, example: 1.50}
                    nothing: {type: string, nullable: true, example: null}
                """);
        Fixture.Result r = valid(f.component("E", Direction.OUTPUT));
        assertJson(r.at("/examples"), "[{\"id\":1}]");
        assertJson(r.at("/properties/day"), """
                {"type":"string","format":"date","default":"2021-03-04","examples":["2020-01-02"]}""");
        assertJson(r.at("/properties/at/examples"), "[\"2020-01-02T10:00:00Z\"]");
        assertJson(r.at("/properties/raw/examples"), "[\"U3dhZ2dlcg==\"]");
        assertJson(r.at("/properties/price/examples"), "[1.5]");
        assertThat(r.at("/properties/nothing").has("examples")).isFalse();
    }

    @Test
    void formatByteSaysBase64AsContentEncodingUnlessTheSchemaNamesOne() {
        Fixture f = Fixture.oas30("""
                E:
                  type: object
                  properties:
                    raw: {type: string, format: byte}
                    text: {type: string}
                """);
        Fixture.Result r = valid(f.component("E", Direction.INPUT));
        assertJson(r.at("/properties/raw"), """
                {"type":"string","format":"byte","contentEncoding":"base64"}""");
        assertThat(r.at("/properties/text").has("contentEncoding")).isFalse();
        Fixture own = Fixture.oas31("""
                E:
                  type: object
                  properties:
                    own: {type: string, format: byte, contentEncoding: base64url}
                """);
        assertThat(valid(own.component("E", Direction.INPUT))
                        .at("/properties/own/contentEncoding")
                        .asText())
                .isEqualTo("base64url");
    }

    @Test
    void openApiOnlyKeywordsAndExtensionsAreDropped() {
        Fixture f = Fixture.oas30("""
                D:
                  type: object
                  discriminator: {propertyName: kind}
                  xml: {name: d}
                  externalDocs: {url: 'https://example.com'}
                  x-amazon-apigateway-thing: 1
                  properties:
                    kind: {type: string, x-order: 1}
                """);
        assertJson(
                valid(f.component("D", Direction.INPUT)).root(),
                "{\"type\":\"object\",\"properties\":{\"kind\":{\"type\":\"string\"}}}");
    }

    @Test
    void fileTypeAndBinaryStringsStayStrings() {
        Fixture f = Fixture.oas30("""
                F: {type: file}
                B: {type: string, format: binary}
                """);
        assertJson(valid(f.component("F", Direction.OUTPUT)).root(), "{\"type\":\"string\",\"format\":\"binary\"}");
        assertJson(valid(f.component("B", Direction.OUTPUT)).root(), "{\"type\":\"string\",\"format\":\"binary\"}");
    }

    @Test
    void commonKeywordsAreCarriedOver() {
        Fixture f = Fixture.oas30("""
                C:
                  title: Thing
                  description: A thing.
                  type: object
                  deprecated: true
                  required: [name]
                  minProperties: 1
                  maxProperties: 5
                  additionalProperties: false
                  properties:
                    name: {type: string, minLength: 1, maxLength: 9, pattern: '^[a-z]+$', default: abc}
                    size: {type: integer, format: int32, minimum: 1, maximum: 9, multipleOf: 2, enum: [2, 4]}
                    tags: {type: array, items: {type: string}, minItems: 1, maxItems: 3, uniqueItems: true}
                    meta: {type: object, additionalProperties: {type: integer}}
                    notNull: {not: {type: string}}
                    either: {anyOf: [{type: string}, {type: integer}]}
                """);
        Fixture.Result r = valid(f.component("C", Direction.INPUT));
        assertThat(r.json()).isEqualTo(json(read("""
                {"type":"object","title":"Thing","description":"A thing.","deprecated":true,
                 "properties":{
                   "name":{"type":"string","default":"abc","minLength":1,"maxLength":9,"pattern":"^[a-z]+$"},
                   "size":{"type":"integer","format":"int32","enum":[2,4],"multipleOf":2,"minimum":1,"maximum":9},
                   "tags":{"type":"array","items":{"type":"string"},"minItems":1,"maxItems":3,"uniqueItems":true},
                   "meta":{"type":"object","additionalProperties":{"type":"integer"}},
                   "notNull":{"not":{"type":"string"}},
                   "either":{"anyOf":[{"type":"string"},{"type":"integer"}]}},
                 "required":["name"],"additionalProperties":false,"minProperties":1,"maxProperties":5}""")));
    }

    @Test
    void keywordOrderIsFixedRegardlessOfSourceOrder() {
        Fixture f = Fixture.oas30("""
                A: {maxLength: 3, enum: [x], description: d, format: f, type: string, title: t, default: x}
                """);
        assertThat(f.component("A", Direction.INPUT).json())
                .isEqualTo(
                        "{\"type\":\"string\",\"format\":\"f\",\"title\":\"t\",\"description\":\"d\",\"enum\":[\"x\"],"
                                + "\"default\":\"x\",\"maxLength\":3}");
    }

    @Test
    void everyKeywordIsWrittenInTheCanonicalOrder() {
        // Source order deliberately reversed from the canonical one.
        Fixture f = Fixture.oas31("""
                K:
                  else: {}
                  then: {}
                  if: {}
                  not: {}
                  oneOf: [{minLength: 1}]
                  anyOf: [{minLength: 1}]
                  allOf: [{minLength: 1}]
                  unevaluatedItems: {}
                  uniqueItems: true
                  maxItems: 9
                  minItems: 1
                  maxContains: 2
                  minContains: 1
                  contains: {}
                  items: {}
                  prefixItems: [{}]
                  unevaluatedProperties: {}
                  dependentSchemas: {a: {}}
                  dependentRequired: {a: [b]}
                  maxProperties: 9
                  minProperties: 1
                  propertyNames: {}
                  additionalProperties: {}
                  required: [a]
                  patternProperties: {'^a': {}}
                  properties: {a: {}}
                  contentMediaType: text/plain
                  contentEncoding: base64
                  pattern: 'a'
                  maxLength: 9
                  minLength: 1
                  exclusiveMaximum: 10
                  maximum: 10
                  exclusiveMinimum: 0
                  minimum: 0
                  multipleOf: 1
                  writeOnly: false
                  readOnly: false
                  deprecated: false
                  examples: [a]
                  default: a
                  const: a
                  enum: [a]
                  description: d
                  title: t
                  format: f
                  type: [string, object, array, number]
                L:
                  else: {}
                  then: {}
                  if: {}
                  not: {}
                  oneOf: [{minLength: 1}]
                  anyOf: [{minLength: 1}]
                  allOf: [{minLength: 1}]
                  type: string
                """);
        java.util.List<String> written = new java.util.ArrayList<>();
        valid(f.component("K", Direction.INPUT)).root().fieldNames().forEachRemaining(written::add);
        assertThat(written)
                .containsExactlyElementsOf(
                        Keywords.ORDER.stream().filter(written::contains).toList());
        // swagger-parser (3.1) ignores allOf/anyOf/oneOf beside `items`; L covers them without it.
        assertThat(written).hasSize(Keywords.ORDER.size() - 4).doesNotContain("$ref");
        java.util.List<String> composed = new java.util.ArrayList<>();
        valid(f.component("L", Direction.INPUT)).root().fieldNames().forEachRemaining(composed::add);
        assertThat(composed).containsExactly("type", "allOf", "anyOf", "oneOf", "not", "if", "then", "else");
    }

    @Test
    void propertiesKeepTheExportsOrder() {
        Fixture f = Fixture.oas30("""
                O:
                  type: object
                  properties:
                    zeta: {type: string}
                    alpha: {type: string}
                    mid: {type: string}
                """);
        assertThat(f.component("O", Direction.INPUT).root().get("properties").fieldNames())
                .toIterable()
                .containsExactly("zeta", "alpha", "mid");
    }

    @Test
    void unknownTypeIsDroppedWithWarning() {
        Fixture f = Fixture.oas30("T: {type: strnig, maxLength: 2}");
        Fixture.Result r = valid(f.component("T", Direction.INPUT));
        assertJson(r.root(), "{\"maxLength\":2}");
        assertThat(r.document().issues()).singleElement().satisfies(issue -> {
            assertThat(issue.pointer()).isEqualTo("/components/schemas/T/type");
            assertThat(issue.message()).contains("unknown type 'strnig'");
        });
    }

    @Test
    void valuesTheMetaSchemaRejectsAreDroppedWithWarnings() {
        // swagger-parser already drops some of these while parsing; a model built in code can still carry them.
        Schema<?> schema = new Schema<>()
                .type("number")
                .multipleOf(BigDecimal.ZERO)
                .minLength(-1)
                .allOf(new ArrayList<>());
        Fixture.Result r = valid(Fixture.oas30("Empty: {type: object}").convert(schema, Direction.INPUT));
        assertJson(r.root(), "{\"type\":\"number\"}");
        assertThat(r.document().issues())
                .extracting(SchemaIssue::pointer)
                .containsExactly("/test/multipleOf", "/test/minLength", "/test/allOf");
        assertThat(r.document().issues()).noneMatch(SchemaIssue::error);
    }

    // ------------------------------------------------------------------ patterns

    @Test
    void invalidPatternIsDroppedWithWarning() {
        Fixture f = Fixture.oas30("P: {type: string, pattern: '^[a-z+$', minLength: 1}");
        Fixture.Result r = valid(f.component("P", Direction.INPUT));
        assertJson(r.root(), "{\"type\":\"string\",\"minLength\":1}");
        assertThat(r.document().issues()).singleElement().satisfies(issue -> {
            assertThat(issue.error()).isFalse();
            assertThat(issue.pointer()).isEqualTo("/components/schemas/P/pattern");
            assertThat(issue.message()).contains("'^[a-z+$'", "not a valid regular expression");
        });
    }

    @Test
    void javaOnlyPatternSyntaxIsDroppedWithWarning() {
        Fixture f = Fixture.oas30("""
                A: {type: string, pattern: '(?i)^abc$'}
                B: {type: string, pattern: '^a++$'}
                C: {type: string, pattern: 'abc\\Z'}
                D: {type: string, pattern: '[a-z&&[^e]]'}
                """);
        for (String name : new String[] {"A", "B", "C", "D"}) {
            Fixture.Result r = f.component(name, Direction.INPUT);
            assertThat(r.root().has("pattern")).as(name).isFalse();
            assertThat(r.document().issues()).as(name).hasSize(1);
        }
    }

    @Test
    void patternJavaScriptRejectsIsRewrittenWithoutWarningInBothDirections() {
        Fixture f = Fixture.oas30("""
                Id: {type: string, pattern: '[A-Za-z0-9\\:\\-\\_\\.\\@]+'}
                """);
        for (Direction direction : Direction.values()) {
            Fixture.Result r = valid(f.component("Id", direction));
            assertJson(r.root(), "{\"type\":\"string\",\"pattern\":\"[A-Za-z0-9:\\\\-_\\\\.@]+\"}");
            assertThat(r.document().issues()).as(direction.name()).isEmpty();
        }
    }

    @Test
    void patternPropertiesKeysAndPropertyNamesAreRewrittenToo() {
        Fixture f = Fixture.oas31("""
                Tags:
                  type: object
                  patternProperties:
                    '^aws\\:[a-z]+$': {type: string}
                  propertyNames: {pattern: '^[\\w\\:]+$'}
                """);
        Fixture.Result r = valid(f.component("Tags", Direction.OUTPUT));
        assertJson(r.root(), """
                {"type":"object","patternProperties":{"^aws:[a-z]+$":{"type":"string"}},
                 "propertyNames":{"pattern":"^[\\\\w:]+$"}}""");
        assertThat(r.document().issues()).isEmpty();
    }

    @Test
    void patternPropertiesKeysThatBecomeOneKeepBothSchemas() {
        Fixture f = Fixture.oas31("""
                Tags:
                  type: object
                  patternProperties:
                    '^a\\:': {minLength: 1}
                    '^a:': {maxLength: 5}
                """);
        Fixture.Result r = valid(f.component("Tags", Direction.INPUT));
        assertJson(r.root(), """
                {"type":"object","patternProperties":{"^a:":{"allOf":[{"minLength":1},{"maxLength":5}]}}}""");
    }

    @Test
    void droppedPatternPropertiesEntryTakesAdditionalPropertiesFalseWithIt() {
        Fixture f = Fixture.oas31("""
                Tags:
                  type: object
                  properties: {name: {type: string}}
                  patternProperties:
                    '^x-(?i)': {type: string}
                  additionalProperties: false
                """);
        Fixture.Result r = valid(f.component("Tags", Direction.INPUT));
        // Without the entry, "additionalProperties: false" would reject the names it admitted.
        assertJson(r.root(), """
                {"type":"object","properties":{"name":{"type":"string"}},"patternProperties":{}}""");
        assertThat(r.document().issues())
                .extracting(SchemaIssue::pointer)
                .containsExactly(
                        "/components/schemas/Tags/patternProperties/^x-(?i)",
                        "/components/schemas/Tags/additionalProperties");
        assertThat(r.document().issues().get(0).message()).contains("'^x-(?i)'", "inline flags", "entry dropped");
    }

    @Test
    void droppedPatternWarningNamesThePatternAndWhy() {
        Fixture f = Fixture.oas30("P: {type: string, pattern: '^\\w++$'}");
        Fixture.Result r = valid(f.component("P", Direction.OUTPUT));
        assertJson(r.root(), "{\"type\":\"string\"}");
        assertThat(r.document().issues()).singleElement().satisfies(issue -> {
            assertThat(issue.error()).isFalse();
            assertThat(issue.pointer()).isEqualTo("/components/schemas/P/pattern");
            assertThat(issue.message())
                    .isEqualTo("pattern '^\\w++$' uses the possessive quantifier '++' at index"
                            + " 3, which JavaScript does not have; pattern dropped, so that every MCP client can compile the"
                            + " schema and the gateway validates what the clients validate");
        });
    }

    @Test
    void ordinaryPatternsAreKept() {
        Fixture f = Fixture.oas30("""
                A: {type: string, pattern: '^ord_[A-Za-z0-9]{12}$'}
                B: {type: string, pattern: '^\\+?[0-9]+(\\.[0-9]{1,2})?$'}
                C: {type: string, pattern: '^(?:[a-z]+)(?<tail>-\\d+)?[*+?]$'}
                """);
        for (String name : new String[] {"A", "B", "C"}) {
            Fixture.Result r = f.component(name, Direction.INPUT);
            assertThat(r.root().has("pattern")).as(name).isTrue();
            assertThat(r.document().issues()).as(name).isEmpty();
        }
    }

    // ------------------------------------------------------------------ readOnly / writeOnly

    @Test
    void readOnlyPropertiesAreDroppedFromInputsAndFromRequired() {
        Fixture f = Fixture.oas30("""
                Pet:
                  type: object
                  required: [id, name]
                  properties:
                    id: {type: integer, readOnly: true}
                    name: {type: string}
                """);
        Fixture.Result input = valid(f.component("Pet", Direction.INPUT));
        assertJson(input.root(), """
                {"type":"object","properties":{"name":{"type":"string"}},"required":["name"]}""");
        Fixture.Result output = valid(f.component("Pet", Direction.OUTPUT));
        assertJson(output.at("/properties/id"), "{\"type\":\"integer\",\"readOnly\":true}");
        assertJson(output.at("/required"), "[\"id\",\"name\"]");
    }

    @Test
    void writeOnlyPropertiesAreDroppedFromOutputs() {
        Fixture f = Fixture.oas30("""
                User:
                  type: object
                  required: [password]
                  properties:
                    login: {type: string}
                    password: {type: string, writeOnly: true}
                """);
        Fixture.Result output = valid(f.component("User", Direction.OUTPUT));
        assertJson(output.root(), "{\"type\":\"object\",\"properties\":{\"login\":{\"type\":\"string\"}}}");
        Fixture.Result input = valid(f.component("User", Direction.INPUT));
        assertThat(input.at("/properties/password/writeOnly").asBoolean()).isTrue();
        assertJson(input.at("/required"), "[\"password\"]");
    }

    @Test
    void readOnlyOnAReferencedComponentDropsTheProperty() {
        Fixture f = Fixture.oas30("""
                Pet:
                  type: object
                  properties:
                    id: {$ref: '#/components/schemas/Id'}
                    name: {type: string}
                Id: {type: string, readOnly: true}
                """);
        assertThat(f.component("Pet", Direction.INPUT).at("/properties").fieldNames())
                .toIterable()
                .containsExactly("name");
    }

    @Test
    void readOnlyInsideAllOfMembersIsDroppedToo() {
        Fixture f = Fixture.of("""
                swagger: '2.0'
                info: {title: t, version: '1'}
                paths: {}
                definitions:
                  NewOrder: {type: object, properties: {item: {type: string}}}
                  Order:
                    allOf:
                      - $ref: '#/definitions/NewOrder'
                      - type: object
                        required: [orderId, status]
                        properties:
                          orderId: {type: string, readOnly: true}
                          status: {type: string}
                """);
        Fixture.Result input = valid(f.component("Order", Direction.INPUT));
        assertJson(input.at("/allOf/1"), """
                {"type":"object","properties":{"status":{"type":"string"}},"required":["status"]}""");
        assertJson(input.at("/allOf/0"), "{\"type\":\"object\",\"properties\":{\"item\":{\"type\":\"string\"}}}");
    }

    // ------------------------------------------------------------------ OpenAPI 3.1

    @Test
    void openApi31SchemasPassThrough() {
        Fixture f = Fixture.oas31("""
                S:
                  type: object
                  properties:
                    kind: {type: [string, 'null'], const: x, examples: [x]}
                    pair:
                      type: array
                      prefixItems: [{type: string}, {type: integer}]
                      items: false
                    anything: true
                    count: {type: integer, exclusiveMinimum: 0, exclusiveMaximum: 100}
                    text: {type: string, contentMediaType: text/plain, contentEncoding: base64}
                  patternProperties:
                    '^x-': {type: string}
                  dependentRequired:
                    a: [b]
                  if: {required: [a]}
                  then: {required: [b]}
                  else: {required: [c]}
                  unevaluatedProperties: false
                """);
        Fixture.Result r = valid(f.component("S", Direction.INPUT));
        assertJson(r.root(), """
                {"type":"object","properties":{
                   "kind":{"type":["string","null"],"const":"x","examples":["x"]},
                   "pair":{"type":"array","prefixItems":[{"type":"string"},{"type":"integer"}],"items":false},
                   "anything":true,
                   "count":{"type":"integer","exclusiveMinimum":0,"exclusiveMaximum":100},
                   "text":{"type":"string","contentEncoding":"base64","contentMediaType":"text/plain"}},
                 "patternProperties":{"^x-":{"type":"string"}},
                 "dependentRequired":{"a":["b"]},
                 "unevaluatedProperties":false,
                 "if":{"required":["a"]},"then":{"required":["b"]},"else":{"required":["c"]}}""");
    }

    @Test
    void openApi31ReferenceIntoDefsIsInlined() {
        Fixture f = Fixture.oas31("""
                B:
                  type: object
                  $defs:
                    Inner: {type: integer, minimum: 1}
                  properties:
                    i: {$ref: '#/components/schemas/B/$defs/Inner'}
                """);
        Fixture.Result r = valid(f.component("B", Direction.INPUT));
        assertJson(r.root(), """
                {"type":"object","properties":{"i":{"type":"integer","minimum":1}}}""");
    }

    @Test
    void openApi31DescriptionBesideRefReplacesTheTargetsDescription() {
        Fixture f = Fixture.oas31("""
                P:
                  type: object
                  properties:
                    a: {$ref: '#/components/schemas/T', description: use site}
                    b: {$ref: '#/components/schemas/T', maxLength: 2}
                T: {type: string, description: target}
                """);
        Fixture.Result r = valid(f.component("P", Direction.INPUT));
        assertJson(r.at("/properties/a"), "{\"type\":\"string\",\"description\":\"use site\"}");
        assertJson(r.at("/properties/b"), """
                {"maxLength":2,"allOf":[{"type":"string","description":"target"}]}""");
    }

    @Test
    void openApi31RecursiveRefWithSiblingsKeepsTheRef() {
        Fixture f = Fixture.oas31("""
                Node:
                  type: object
                  properties:
                    next: {$ref: '#/components/schemas/Node', description: following node}
                """);
        Fixture.Result r = valid(f.component("Node", Direction.OUTPUT));
        assertJson(r.at("/$defs/Node/properties/next"), """
                {"$ref":"#/$defs/Node","description":"following node"}""");
    }

    // ------------------------------------------------------------------ top level and determinism

    @Test
    void nullAndBooleanSchemasConvertToObjects() {
        // swagger-parser drops boolean *components*, so boolean schemas reach us only below a schema or built directly.
        Fixture f = Fixture.oas31("Empty: {type: object}");
        SchemaDocument document = f.converter.newDocument(Direction.INPUT);
        assertJson(document.convert(null, "/x"), "{}");
        assertJson(document.convert(new Schema<>().booleanSchemaValue(true), "/x"), "{}");
        assertJson(document.convert(new Schema<>().booleanSchemaValue(false), "/x"), "{\"not\":{}}");
    }

    @Test
    void sameExportGivesIdenticalBytes() {
        String spec = """
                A: {type: object, properties: {b: {$ref: '#/components/schemas/B'}, n: {type: number, example: 1}}}
                B: {type: object, nullable: true, properties: {a: {$ref: '#/components/schemas/A'}}}
                """;
        String first = Fixture.oas30(spec).component("A", Direction.OUTPUT).json();
        String second = Fixture.oas30(spec).component("A", Direction.OUTPUT).json();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void swagger2IssuesPointIntoDefinitions() {
        Fixture f = Fixture.of("""
                swagger: '2.0'
                info: {title: t, version: '1'}
                paths: {}
                definitions:
                  Money:
                    type: object
                    properties:
                      amount: {type: string, pattern: '(?i)[0-9]+'}
                """);
        Fixture.Result r = f.component("Money", Direction.INPUT);
        assertThat(r.document().issues())
                .extracting(SchemaIssue::pointer)
                .containsExactly("/definitions/Money/properties/amount/pattern");
    }

    @Test
    void emptyComponentsAreFine() {
        SchemaConverter converter = new SchemaConverter(null, false);
        SchemaDocument document = converter.newDocument(Direction.INPUT);
        assertJson(document.convert(new Schema<>().type("string"), "/p"), "{\"type\":\"string\"}");
        assertThat(new SchemaConverter(Map.of(), true)
                        .newDocument(Direction.OUTPUT)
                        .defs())
                .isEmpty();
    }
}
