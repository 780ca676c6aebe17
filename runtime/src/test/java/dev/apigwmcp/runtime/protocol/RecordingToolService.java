package dev.apigwmcp.runtime.protocol;

import dev.apigwmcp.runtime.tools.CallContext;
import dev.apigwmcp.runtime.tools.Caller;
import dev.apigwmcp.runtime.tools.ProgressListener;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The fixture tools, remembering the {@link CallContext} of every call. */
public final class RecordingToolService extends FixtureToolService {

    private final List<CallContext> contexts = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<ObjectNode> call(
            String name, JsonNode arguments, ProgressListener progress, Caller caller, CallContext context) {
        contexts.add(context);
        return call(name, arguments, progress);
    }

    /** The contexts of the calls so far, in the order they came. */
    public List<CallContext> contexts() {
        return List.copyOf(contexts);
    }
}
