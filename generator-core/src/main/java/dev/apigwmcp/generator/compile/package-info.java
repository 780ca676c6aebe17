/**
 * Pipeline step 3: the selected operations of a target become {@link dev.apigwmcp.generator.compile.CompiledTool}s.
 * {@link dev.apigwmcp.generator.compile.ToolCompiler} runs one step per decision — name, credentials and token
 * location, description, arguments, result shape, annotations — and then makes names unique. Emitters only format
 * what this package decided.
 */
package dev.apigwmcp.generator.compile;
