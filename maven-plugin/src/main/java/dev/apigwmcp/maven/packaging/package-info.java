/**
 * The executable gateway jar: the project's classes and generated tools, the runtime and every runtime
 * dependency in one jar, service files merged, written reproducibly. {@link dev.apigwmcp.maven.packaging.GatewayJarWriter}
 * is the door; the package goal maps the project into its request.
 */
package dev.apigwmcp.maven.packaging;
