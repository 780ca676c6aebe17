/**
 * The gateway process: {@link dev.apigwmcp.runtime.Gateway} is the launcher (settings, exit codes, {@code --help},
 * {@code --list-tools}) and {@link dev.apigwmcp.runtime.ToolServiceFactory} the seam through which it finds the
 * tools. The layers below, in order: {@code config}, {@code transport}, {@code protocol}, {@code tools},
 * {@code execution}, {@code upstream} and {@code auth}; {@code spi} is the contract generated code is compiled
 * against; {@code telemetry}, beside them, is what they report calls to (log line, counters, OpenTelemetry).
 * {@code docs/architecture.md} draws it.
 */
package dev.apigwmcp.runtime;
