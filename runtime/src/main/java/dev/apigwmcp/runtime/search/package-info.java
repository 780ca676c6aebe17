/**
 * Tool search: the {@code search_tools} tool, and the modes that put it beside every tool ({@code add}) or, with
 * {@code call_tool}, in their place ({@code only}), so that an agent can use an API of a thousand tools without
 * holding their definitions in its context.
 *
 * <p>{@link SearchingToolService} wraps the gateway's {@link dev.apigwmcp.runtime.tools.ToolService}: it is the one
 * hook where {@code tools/list} and {@code tools/call} meet the search. {@link ToolIndex} is a Lucene index in
 * memory (BM25, {@link ToolAnalyzer}), built on the first search from the search documents the generator wrote
 * ({@link SearchDocuments}); a gateway that is never searched loads none of Lucene.
 */
package dev.apigwmcp.runtime.search;
