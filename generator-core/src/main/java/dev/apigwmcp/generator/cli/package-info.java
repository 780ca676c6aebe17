/**
 * The generator's command line ({@code generate --export FILE | --config targets.yaml --out DIR}): a front end that
 * maps its options and targets file into the configuration and calls {@link dev.apigwmcp.generator.Generator}.
 */
package dev.apigwmcp.generator.cli;
