/**
 * Pipeline step 1: an export (OpenAPI 3.0 / 3.1 or Swagger 2.0, JSON or YAML) is parsed with swagger-parser and
 * reduced to an {@link dev.apigwmcp.generator.model.ApiModel}: operations with their parameters (every path
 * variable among them), request body and success response, server URL, security schemes and authorizers. API
 * Gateway's readings of an export are made here (ANY methods, the API-key flag, the {@code $default} route,
 * {@code x-amazon-apigateway-auth}).
 */
package dev.apigwmcp.generator.read;
