/** Guarding the reviewed tool catalog: comparing it with the generated one and updating it. */
package dev.apigwmcp.maven.catalog;
