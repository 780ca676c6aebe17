package dev.apigwmcp.runtime.transport;

import dev.apigwmcp.runtime.protocol.FixtureToolService;
import dev.apigwmcp.runtime.tools.ProgressListener;
import dev.apigwmcp.runtime.tools.ToolListing;
import dev.apigwmcp.runtime.tools.ToolService;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The fixture tools, counting the calls of {@code slow} that reached the tool side: started, running, cancelled. */
final class CountingTools implements ToolService {
    private final FixtureToolService fixture = new FixtureToolService();
    final AtomicInteger started = new AtomicInteger();
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger cancelled = new AtomicInteger();

    @Override
    public List<ToolListing> listings() {
        return fixture.listings();
    }

    @Override
    public boolean hasTool(String name) {
        return fixture.hasTool(name);
    }

    @Override
    public CompletableFuture<ObjectNode> call(String name, JsonNode arguments, ProgressListener progress) {
        if (!"slow".equals(name)) {
            return fixture.call(name, arguments, progress);
        }
        started.incrementAndGet();
        running.incrementAndGet();
        CompletableFuture<ObjectNode> call = fixture.call(name, arguments, progress);
        call.whenComplete((result, failure) -> {
            running.decrementAndGet();
            if (call.isCancelled()) {
                cancelled.incrementAndGet();
            }
        });
        return call;
    }
}
