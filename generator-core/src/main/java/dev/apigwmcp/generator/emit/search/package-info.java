/**
 * The search documents of a target ({@code apigw-mcp/targets/<target>/search.json}): for each tool the text a
 * search ranks it by, in separate fields (its name as words, title, description, arguments, path, tags, method),
 * which the runtime's tool search indexes on its first query. This package only says what a tool is about;
 * how the fields are analysed and weighted is the runtime's ({@code dev.apigwmcp.runtime.search}).
 */
package dev.apigwmcp.generator.emit.search;
