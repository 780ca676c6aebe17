/**
 * Problems as values: each step records errors and warnings, located in the export file (a JSON pointer) or in the
 * user's configuration, in a {@link dev.apigwmcp.generator.problem.ProblemCollector}; nothing in the pipeline
 * throws for bad input. A Swagger 2.0 export's problems are translated back into that file's own pointers.
 */
package dev.apigwmcp.generator.problem;
