/**
 * The one place where a user's target configuration is checked. Each front end (the Maven plugin's POM, the
 * command line's {@code targets.yaml}) only maps its own syntax into {@link dev.apigwmcp.generator.config.TargetInput}
 * values and names its locations through a {@link dev.apigwmcp.generator.config.ConfigDialect};
 * {@link dev.apigwmcp.generator.config.ConfigValidator} applies every rule and returns problems located in the
 * user's file, so a value means the same, and is rejected with the same words, whichever way it was given.
 */
package dev.apigwmcp.generator.config;
