/**
 * What stands in front of the MCP endpoint on the HTTP transport ({@link dev.apigwmcp.runtime.inbound.InboundGate},
 * a Jetty handler wrapper): health and readiness probes, and inbound authorization — JWT access tokens of one
 * OpenID Connect issuer (nimbus-jose-jwt: signature, cached and rate-limited JWKS), allowed audiences and clients,
 * scopes that choose the visible tools, and the OAuth 2.0 protected resource metadata (RFC 9728) clients discover
 * the issuer from. A request that passes carries its {@link dev.apigwmcp.runtime.tools.Caller} to the tool side.
 * {@link dev.apigwmcp.runtime.inbound.InboundConfig} checks the settings before anything starts.
 */
package dev.apigwmcp.runtime.inbound;
