/**
 * Regular expressions fit for every validator: a schema's {@code pattern} is read as java.util.regex reads it (the
 * gateway's meaning) and written so that ECMA-262 in unicode mode (every MCP client's ajv) accepts the same strings;
 * what cannot be is dropped with a located warning.
 */
package dev.apigwmcp.generator.schema.pattern;
