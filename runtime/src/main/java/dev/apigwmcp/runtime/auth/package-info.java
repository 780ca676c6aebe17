/**
 * Outbound credentials per target ({@link dev.apigwmcp.runtime.auth.TargetAuth}): API key, OAuth2 client-credentials
 * bearer token and SigV4 (AWS SDK v2 signer, loaded only when a tool needs it). Secrets are read once at start and
 * never appear in messages or logs.
 */
package dev.apigwmcp.runtime.auth;
