package dev.apigwmcp.generator.agentcore;

/**
 * One setting of the gateway at run time that an imported target needs, as a key of a {@code --config} properties
 * file ({@code target.orders.api-key-env}); the same is a command-line option {@code --target.orders.api-key-env}.
 * Never a secret: where a secret is needed, the setting names the environment variable that holds it.
 *
 * @param key     the setting's key
 * @param value   its value
 * @param comment why it is there, one line
 */
public record GatewaySetting(String key, String value, String comment) {}
