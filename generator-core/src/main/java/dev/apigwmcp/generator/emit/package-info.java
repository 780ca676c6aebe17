/**
 * Pipeline step 4: compiled targets become files — {@code tools.json} (the catalog and each target's one-tool-per-
 * line list), schemas, {@code bindings.json} and {@code TOOLS.md}; {@code emit.java} writes the typed tool classes.
 * Emitters never read exports and never decide: every byte they write is a formatting of the compiled model,
 * deterministic by construction.
 */
package dev.apigwmcp.generator.emit;
