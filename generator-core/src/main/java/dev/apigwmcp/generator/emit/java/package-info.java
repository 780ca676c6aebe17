/**
 * The typed Java of each target (JavaPoet): one class per tool with its arguments as a nested record, and a
 * registry listed in {@code META-INF/services}. Generated code depends on the runtime's {@code spi} package only.
 */
package dev.apigwmcp.generator.emit.java;
