package dev.apigwmcp.samples.demo;

import java.util.Set;
import java.util.function.Function;

/** A matched method and resource: the credentials API Gateway would demand, and what answers the request. */
record Route(Set<Credential> requires, Function<ReceivedRequest, Reply> handler) {

    Route {
        requires = Set.copyOf(requires);
    }
}
