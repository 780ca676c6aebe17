package dev.apigwmcp.runtime.spi;

/**
 * Code of the gateway's own project that runs around tool calls: found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.apigwmcp.runtime.spi.ToolInterceptor}), so a gateway without one runs every call as
 * before. An interceptor sees a call after its arguments passed the input schema and may refuse it
 * ({@link ToolCallRejected}), change its arguments, add upstream headers, and see and change the mapped result.
 *
 * <p>Order: ascending {@link #order()}, ties broken by class name; {@link #beforeCall} runs in that order and
 * {@link #afterCall} in the reverse one (the first interceptor is the outermost). One instance serves every call,
 * on many threads at once: keep it stateless or thread-safe. An exception thrown here ends the call with a tool
 * error naming the interceptor (never a stack trace to the client); the time spent here counts in the call's
 * deadline, and an interceptor still running when it passes is interrupted while the call ends as a timeout.
 */
public interface ToolInterceptor {

    /** Where this interceptor runs in the chain: lower first. Read once, at start. */
    default int order() {
        return 0;
    }

    /** The tools this interceptor runs for (default: every tool). Read once, at start. */
    default ToolSelector selector() {
        return ToolSelector.all();
    }

    /**
     * Before the upstream request is built, with the validated arguments. Throw {@link ToolCallRejected} to refuse
     * the call with a tool error; nothing is sent then and no {@link #afterCall} runs.
     */
    default void beforeCall(InterceptedCall call) {}

    /**
     * With the mapped result, before it goes back to the client; runs for every call whose {@link #beforeCall}
     * chain let it through, error results (upstream 4xx/5xx, timeouts, non-conforming answers) included.
     */
    default void afterCall(InterceptedCall call, InterceptedResult result) {}

    /**
     * An interceptor for one generated tool that works on its typed arguments record ({@code GetPetTool.Input})
     * rather than a JSON tree: {@code super(GetPetTool.NAME, GetPetTool.Input.class)}. The result stays a JSON tree
     * ({@link InterceptedResult}); {@link TypedResult} also types it, for a tool with a generated output record.
     *
     * @param <I> the tool's generated arguments record
     */
    abstract class Typed<I extends JsonWritable> implements ToolInterceptor {

        private final String tool;
        private final Class<I> inputType;

        protected Typed(String tool, Class<I> inputType) {
            if (tool == null || inputType == null) {
                throw new IllegalArgumentException("a typed interceptor needs its tool's name and arguments record");
            }
            this.tool = tool;
            this.inputType = inputType;
        }

        /** The one tool this interceptor was made for. */
        @Override
        public ToolSelector selector() {
            return ToolSelector.tools(tool);
        }

        @Override
        public final void beforeCall(InterceptedCall call) {
            I arguments = call.arguments(inputType);
            I changed = beforeCall(arguments, call);
            if (changed == null) {
                throw new IllegalStateException("beforeCall returned null arguments");
            }
            if (!changed.equals(arguments)) {
                call.setArguments(changed);
            }
        }

        /**
         * Before the call, with its typed arguments; returns the arguments to call with (the same record, or a new
         * one). Throw {@link ToolCallRejected} to refuse the call.
         */
        protected I beforeCall(I arguments, InterceptedCall call) {
            return arguments;
        }
    }

    /**
     * A {@link Typed} interceptor that also works on the tool's generated output record ({@code GetOrderTool.Output},
     * generated where the output schema is a plain object tree):
     * {@code super(GetOrderTool.NAME, GetOrderTool.Input.class, GetOrderTool.Output.class)}. Results without
     * structured content (tool errors) go to {@link #afterError}; the gateway checks a changed result against the
     * output schema as it does for JSON changes.
     *
     * @param <I> the tool's generated arguments record
     * @param <O> the tool's generated output record
     */
    abstract class TypedResult<I extends JsonWritable, O extends JsonWritable> extends Typed<I> {

        private final Class<O> outputType;

        protected TypedResult(String tool, Class<I> inputType, Class<O> outputType) {
            super(tool, inputType);
            if (outputType == null) {
                throw new IllegalArgumentException("a typed result interceptor needs its tool's output record");
            }
            this.outputType = outputType;
        }

        @Override
        public final void afterCall(InterceptedCall call, InterceptedResult result) {
            O output = result.isError() ? null : result.structuredContent(outputType);
            if (output == null) {
                afterError(call, result);
                return;
            }
            O changed = afterCall(output, call);
            if (changed == null) {
                throw new IllegalStateException("afterCall returned a null result; to withhold it, use fail(message)");
            }
            if (!changed.equals(output)) {
                result.setStructuredContent(changed);
            }
        }

        /**
         * After the call, with its structured result as the output record; returns the result to send (the same
         * record, or a new one). Throw {@link ToolCallRejected} to replace it with a tool error.
         */
        protected O afterCall(O output, InterceptedCall call) {
            return output;
        }

        /**
         * After a call whose result has no structured content (a tool error: an upstream 4xx/5xx, a timeout, an
         * answer that did not fit the output schema), which may carry the upstream's body as text.
         */
        protected void afterError(InterceptedCall call, InterceptedResult result) {}
    }
}
