/** A launcher for trying a gateway on the PetStore export with no AWS account: the runtime plus {@code --demo}. */
package dev.apigwmcp.samples.demogateway;
