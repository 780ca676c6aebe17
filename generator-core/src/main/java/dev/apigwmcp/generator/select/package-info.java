/**
 * Pipeline step 2: a target's {@code toolFilters} (AgentCore's semantics) and {@code toolOverrides} decide which
 * operations become tools and under which names; an override or filter that matches nothing is an error that
 * says what exists instead.
 */
package dev.apigwmcp.generator.select;
