/**
 * Semantic diff of two MCP tool catalogs ({@code tools.json}, the {@code tools/list} result the generator emits),
 * for reviewing catalog changes in pull requests. Pure Java over Jackson 2 trees: no Maven types, so the Maven
 * plugin and a command line can share it.
 *
 * <p>Entry points: {@link dev.apigwmcp.generator.catalog.ToolCatalog#parse} reads a catalog,
 * {@link dev.apigwmcp.generator.catalog.CatalogDiffer#diff} compares two, and
 * {@link dev.apigwmcp.generator.catalog.CatalogDiffRenderer} renders the result as Markdown or log lines.
 *
 * <h2>Classification</h2>
 * A change is {@link dev.apigwmcp.generator.catalog.Severity#BREAKING} when a client that worked against the old
 * catalog can fail against the new one, else {@link dev.apigwmcp.generator.catalog.Severity#COMPATIBLE}. Input
 * schemas are read by clients as "what I may send", output schemas as "what I will get back", so the direction
 * flips between them: a narrowed input (fewer types, fewer enum values, a new required argument, a tighter bound)
 * breaks callers, a narrowed output does not; a widened output breaks consumers, a widened input does not.
 * Changes whose direction cannot be decided (a new {@code pattern}, a different {@code format}, a type swapped
 * for an unrelated one) are classified breaking: the review should look at them.
 *
 * <h2>Renames</h2>
 * {@code tools.json} carries no HTTP method or path, so a rename is recognised from what identifies an operation
 * in it: a removed tool and an added tool form a rename when their {@code inputSchema}, {@code outputSchema} and
 * {@code annotations} are all equal, and that pairing is unique (exactly one removed tool matches the added one
 * and vice versa). Ambiguous candidates stay a removal plus an addition. A rename is breaking (callers use the
 * old name); title and description changes of the renamed tool are reported with it.
 */
package dev.apigwmcp.generator.catalog;
