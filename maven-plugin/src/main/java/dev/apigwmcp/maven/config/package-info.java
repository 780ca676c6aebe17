/** The POM's {@code <targets>} configuration and its mapping into generator-core's configuration. */
package dev.apigwmcp.maven.config;
