/** Incremental generation: recording and comparing the inputs, running generator-core, writing and summarising output. */
package dev.apigwmcp.maven.generation;
