/** What the plugin needs of the project's dependencies: the runtime the generated code compiles against. */
package dev.apigwmcp.maven.dependencies;
