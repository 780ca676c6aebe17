/**
 * The gateway's settings, in one table: each {@link dev.apigwmcp.runtime.config.Setting} has a name, an environment
 * variable, a default, its validation and its help text; {@link dev.apigwmcp.runtime.config.SettingsLoader} reads the
 * command line, the {@code APIGW_MCP_*} environment and a {@code --config} file (in that order of precedence) and
 * rejects what it does not know, naming the nearest known name.
 */
package dev.apigwmcp.runtime.config;
