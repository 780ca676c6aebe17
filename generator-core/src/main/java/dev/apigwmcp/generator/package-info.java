/**
 * The generator's public face: {@link dev.apigwmcp.generator.Generator#generate} is the one door (the Maven plugin,
 * the command line and the tests all call it) with its configuration ({@link dev.apigwmcp.generator.GeneratorConfig},
 * {@link dev.apigwmcp.generator.TargetConfig}) and result ({@link dev.apigwmcp.generator.GenerationResult},
 * {@link dev.apigwmcp.generator.Problem}). The pipeline behind it, in order: {@code read} (an export into an
 * {@code ApiModel}), {@code select} (filters and overrides), {@code compile} (one tool per operation, each decision
 * in its own step) and {@code emit} (Java, schemas, tools.json, bindings, TOOLS.md); {@code model}, {@code schema}
 * and {@code problem} serve every step; {@code config} checks a user's configuration; {@code catalog} compares
 * catalogs for review. {@code docs/architecture.md} draws it.
 */
package dev.apigwmcp.generator;
