/** The apigw-mcp Maven plugin: thin Mojos over generator-core. */
package dev.apigwmcp.maven;
