/**
 * Regular expressions fit for every validator: {@link dev.apigwmcp.generator.schema.pattern.PortablePatterns}
 * reads a pattern as java.util.regex does ({@code JavaRegexReader}) and writes it in the syntax ECMA-262 in unicode
 * mode reads the same way ({@code EcmaRegexWriter}), or says why it cannot.
 */
package dev.apigwmcp.generator.schema.pattern;
