/**
 * OpenAPI (3.0, 3.1, Swagger 2.0 converted by swagger-parser) to JSON Schema 2020-12.
 *
 * <p>Public API: {@link dev.apigwmcp.generator.schema.SchemaConverter} (one per export),
 * {@link dev.apigwmcp.generator.schema.SchemaDocument} (one per emitted schema),
 * {@link dev.apigwmcp.generator.schema.Direction} and {@link dev.apigwmcp.generator.schema.SchemaIssue}.
 *
 * <p>Rules, in short:
 * <ul>
 *   <li>{@code #/components/schemas/...} references (including pointers into a component, and 3.1 {@code $defs})
 *       are inlined; a target on a reference cycle goes into the document's {@code $defs} under a sanitised,
 *       unique name ([A-Za-z0-9._-]) and is referred to as {@code #/$defs/<Name>}; so does a link of a pathologically long
 *       chain of references (more than 32 inlined into one another), to bound recursion. Other references (other
 *       files, URLs, other parts of the export, missing components) are errors and become {@code {}}.</li>
 *   <li>{@code nullable}/{@code x-nullable}: {@code type} gains {@code "null"} (and {@code enum} gains
 *       {@code null}); with {@code $ref} or {@code allOf/anyOf/oneOf/not} the schema becomes
 *       {@code {annotations, anyOf: [schema, {"type": "null"}]}}.</li>
 *   <li>3.0 boolean {@code exclusiveMinimum/Maximum} become numeric bounds; {@code example} becomes
 *       {@code examples: [..]}; {@code discriminator}, {@code xml}, {@code externalDocs}, extensions and unknown
 *       keywords are dropped; Swagger 2 {@code type: file} becomes {@code type: string, format: binary}.</li>
 *   <li>{@link dev.apigwmcp.generator.schema.Direction#INPUT} drops {@code readOnly} properties,
 *       {@link dev.apigwmcp.generator.schema.Direction#OUTPUT} drops {@code writeOnly} ones (also from
 *       {@code required}).</li>
 *   <li>Every {@code pattern} and {@code patternProperties} key is written so that ECMA-262 in unicode mode (MCP
 *       clients) and java.util.regex (the runtime) read it alike, or dropped with a warning when it cannot be
 *       ({@link dev.apigwmcp.generator.schema.pattern.PortablePatterns}); so are other values the 2020-12
 *       meta-schema rejects (unknown types, negative lengths, non-positive {@code multipleOf}, empty
 *       {@code allOf}).</li>
 *   <li>Keywords are written in one fixed order, properties in the export's order, {@code $defs} sorted by name:
 *       the same export always gives the same bytes.</li>
 * </ul>
 */
package dev.apigwmcp.generator.schema;
