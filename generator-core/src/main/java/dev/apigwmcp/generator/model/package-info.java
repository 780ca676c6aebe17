/**
 * The export as the pipeline sees it: {@link dev.apigwmcp.generator.model.ApiModel} and its immutable parts
 * (operations, parameters, bodies, responses, security), built by {@code read} and only read after that; plus the
 * small vocabularies every step shares (HTTP methods, media types, JSON pointers).
 */
package dev.apigwmcp.generator.model;
