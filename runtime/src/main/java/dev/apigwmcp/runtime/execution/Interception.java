package dev.apigwmcp.runtime.execution;

import dev.apigwmcp.runtime.config.FailureReason;
import dev.apigwmcp.runtime.spi.CallerIdentity;
import dev.apigwmcp.runtime.spi.InterceptedCall;
import dev.apigwmcp.runtime.spi.JsonWritable;
import dev.apigwmcp.runtime.spi.ToolCallRejected;
import dev.apigwmcp.runtime.spi.ToolInfo;
import dev.apigwmcp.runtime.telemetry.InterceptorStep;
import dev.apigwmcp.runtime.telemetry.ToolCall;
import dev.apigwmcp.runtime.tools.Caller;
import dev.apigwmcp.runtime.upstream.CallOutcome;
import dev.apigwmcp.runtime.upstream.HttpHeader;
import dev.apigwmcp.runtime.upstream.OutputConformance;
import dev.apigwmcp.runtime.upstream.ToolResult;
import dev.apigwmcp.runtime.upstream.UpstreamRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One call going through its tool's interceptors: {@link #before} with the validated arguments, the headers they
 * added put on the built request ({@link #headers}), and {@link #after} with the mapped result. It is the
 * {@link InterceptedCall} each interceptor sees. Used on the call's thread only.
 *
 * <p>The time from the first interceptor on counts in the call's deadline (the tool's upstream timeout): the
 * upstream exchange gets what is left of it, and a call whose interceptors run past it ends as a timeout.
 */
final class Interception implements InterceptedCall {

    private static final Logger CALLS = LoggerFactory.getLogger("dev.apigwmcp.runtime.calls");
    static final String BEFORE = "beforeCall";
    static final String AFTER = "afterCall";

    private final Interceptors.Chain chain;
    private final LoadedTool tool;
    private final Caller caller;
    private final ToolCall observed;
    /** The input schema's problems with a changed set of arguments (empty: they conform). */
    private final Function<JsonNode, List<String>> inputProblems;
    /** The output schema's check of changed structured content, or {@code null} when the tool has none. */
    private final OutputConformance outputs;

    private final long deadlineNanos;
    private volatile long started;
    private CallerIdentity identity;
    private ObjectNode arguments;
    /** The headers the interceptors added, with who added each. */
    private final List<Added> headers = new ArrayList<>(0);
    /** Whether every beforeCall let the call through: only then do the afterCalls run. */
    private boolean passed;
    /** The interceptor running now, for the rules that name it. */
    private volatile String current;
    /** The phase of the interceptor running now, or {@code null} between them: read by the deadline's watch. */
    private volatile String running;

    Interception(
            Interceptors.Chain chain,
            LoadedTool tool,
            Caller caller,
            ToolCall observed,
            Function<JsonNode, List<String>> inputProblems,
            OutputConformance outputs) {
        this.chain = chain;
        this.tool = tool;
        this.caller = caller;
        this.observed = observed;
        this.inputProblems = inputProblems;
        this.outputs = outputs;
        this.deadlineNanos = tool.request().timeout().toNanos();
    }

    /**
     * Runs every beforeCall in order on a copy of the validated arguments; {@code null} when the call goes on with
     * {@link #arguments()}, else the result that ends it (a refusal, an interceptor's failure, the deadline).
     */
    ToolResult before(JsonNode validated) {
        started = System.nanoTime();
        arguments = ((ObjectNode) validated).deepCopy();
        JsonNode checked = validated;
        for (Interceptors.Registered interceptor : chain.interceptors()) {
            current = interceptor.name();
            InterceptorStep step = observed.interceptorStarted(interceptor.name(), BEFORE);
            running = BEFORE;
            try {
                interceptor.interceptor().beforeCall(this);
            } catch (ToolCallRejected e) {
                step.ended("rejected");
                return ToolResult.text(e.getMessage(), CallOutcome.REJECTED, 0).withDetail("interceptor");
            } catch (RuntimeException | LinkageError e) {
                step.ended(e.getClass().getName());
                return failed(interceptor.name(), BEFORE, e, "Nothing was sent upstream.");
            } finally {
                running = null;
            }
            if (!arguments.equals(checked)) {
                List<String> problems = inputProblems.apply(arguments);
                if (!problems.isEmpty()) {
                    step.ended("invalid_arguments");
                    return internal("Interceptor " + interceptor.name() + " changed the arguments of tool "
                            + chain.tool().name() + " so that they no longer match its input schema:\n- "
                            + String.join("\n- ", problems) + "\nNothing was sent upstream.");
                }
                checked = arguments.deepCopy();
            }
            if (late()) {
                step.ended("deadline");
                return deadlinePassed(interceptor.name(), BEFORE);
            }
            step.ended(null);
        }
        current = null;
        passed = true;
        return null;
    }

    /** The arguments as the interceptors left them. */
    @Override
    public ObjectNode arguments() {
        return arguments;
    }

    /** The request with the headers the interceptors added, or the result that ends the call. */
    UpstreamRequest headers(UpstreamRequest request) {
        if (headers.isEmpty()) {
            return request;
        }
        UpstreamRequest with = request;
        for (Added added : headers) {
            HttpHeader header = added.header();
            if (request.header(header.name()) != null) {
                throw new Refused(internal("Interceptor " + added.by() + " added header '" + header.name()
                        + "' to tool " + chain.tool().name() + ", which an argument of the tool already sets; an"
                        + " interceptor changes the argument instead. Nothing was sent upstream."));
            }
            with = with.withHeader(header.name(), header.value());
        }
        return with;
    }

    /** What is left of the call's deadline for the upstream exchange (at least a millisecond). */
    Duration remaining(Duration deadline) {
        long left = deadline.toNanos() - (System.nanoTime() - started);
        return Duration.ofNanos(Math.max(left, 1_000_000L));
    }

    /**
     * Runs every afterCall in reverse order on the mapped result, when the beforeCalls let the call through;
     * returns the result to send.
     */
    ToolResult after(ToolResult mapped) {
        if (!passed) {
            return mapped;
        }
        InterceptedAnswer answer = new InterceptedAnswer(
                mapped,
                tool.shape().wrap(),
                chain.tool().name(),
                content -> tool.code().get().readOutput(content));
        List<Interceptors.Registered> interceptors = chain.interceptors();
        for (int i = interceptors.size() - 1; i >= 0; i--) {
            Interceptors.Registered interceptor = interceptors.get(i);
            current = interceptor.name();
            InterceptorStep step = observed.interceptorStarted(interceptor.name(), AFTER);
            JsonNode before = answer.structuredSnapshot();
            running = AFTER;
            try {
                interceptor.interceptor().afterCall(this, answer);
            } catch (ToolCallRejected e) {
                answer.fail(e.getMessage());
                step.ended("rejected");
                continue;
            } catch (RuntimeException | LinkageError e) {
                step.ended(e.getClass().getName());
                return failed(interceptor.name(), AFTER, e, "The call's result was not sent.");
            } finally {
                running = null;
            }
            ToolResult broken = answer.settle(
                    before, outputs, interceptor.name(), chain.tool().name());
            if (broken != null) {
                step.ended("nonconforming_output");
                return broken;
            }
            if (late() && mapped.outcome() != CallOutcome.TIMEOUT) {
                step.ended("deadline");
                return deadlinePassed(interceptor.name(), AFTER);
            }
            step.ended(null);
        }
        current = null;
        return answer.toResult();
    }

    @Override
    public ToolInfo tool() {
        return chain.tool();
    }

    @Override
    public CallerIdentity caller() {
        if (identity == null) {
            identity = caller == Caller.LOCAL
                    ? CallerIdentity.anonymous()
                    : new CallerIdentity(caller.subject(), caller.scopes(), caller.token() != null, caller.headers());
        }
        return identity;
    }

    @Override
    public <I> I arguments(Class<I> type) {
        Object read = tool.code().get().readArguments(arguments);
        if (!type.isInstance(read)) {
            throw new IllegalArgumentException("tool " + chain.tool().name() + " reads its arguments into "
                    + read.getClass().getName() + ", not " + type.getName());
        }
        return type.cast(read);
    }

    @Override
    public void setArguments(Object replaced) {
        JsonNode json = replaced instanceof JsonWritable writable
                ? writable.toJson()
                : replaced instanceof JsonNode node ? node : null;
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("setArguments takes a JSON object or the tool's arguments record, not "
                    + (replaced == null ? "null" : replaced.getClass().getName()));
        }
        arguments = ((ObjectNode) json).deepCopy();
    }

    @Override
    public void addHeader(String name, String value) {
        String problem = headerProblem(name, value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        headers.add(new Added(new HttpHeader(name, value), current));
    }

    private record Added(HttpHeader header, String by) {}

    /** Why an interceptor may not add this header, or {@code null} when it may. */
    private String headerProblem(String name, String value) {
        if (name == null || name.isEmpty()) {
            return "an upstream header needs a name";
        }
        for (int i = 0; i < name.length(); i++) {
            if (!isTokenChar(name.charAt(i))) {
                return "header name '" + name + "' is not an HTTP token (character " + (int) name.charAt(i) + " at " + i
                        + ")";
            }
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("authorization")
                || lower.equals("cookie")
                || lower.equals("x-api-key")
                || lower.startsWith("x-amz-")
                || lower.startsWith("proxy-")) {
            return "header '" + name + "' carries credentials, which only the gateway sets (after the interceptors)";
        }
        if (tool.request().reservedHeaders().contains(lower)) {
            return "header '" + name + "' is reserved for tool " + chain.tool().name() + ": the gateway sets it (a"
                    + " credential, the token's header, a forwarded header, or the request's framing)";
        }
        if (lower.equals("accept-encoding") || lower.startsWith("content-") || lower.startsWith("mcp-")) {
            return "header '" + name + "' is set by the gateway for each upstream request";
        }
        if (value == null) {
            return "header '" + name + "' needs a value";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7F || c > 0xFF) {
                return "the value of header '" + name + "' holds character " + String.format("U+%04X", (int) c)
                        + " at position " + i + " (header values are visible ISO-8859-1 characters, space and tab)";
            }
        }
        return null;
    }

    private static boolean isTokenChar(char c) {
        return c < 0x7F && (Character.isLetterOrDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0);
    }

    /**
     * The timeout result when an interceptor is running now and the deadline has passed, else {@code null}: called
     * by the deadline's watch on its own thread.
     */
    ToolResult overran() {
        String phase = running;
        String interceptor = current;
        return phase != null && interceptor != null && late() ? deadlinePassed(interceptor, phase) : null;
    }

    private boolean late() {
        return System.nanoTime() - started > deadlineNanos;
    }

    private ToolResult deadlinePassed(String interceptor, String phase) {
        return ToolResult.text(
                        "The call to tool " + chain.tool().name() + " passed its deadline of "
                                + Duration.ofNanos(deadlineNanos).toMillis() + " ms while interceptor " + interceptor
                                + " ran ("
                                + phase + ")"
                                + (phase.equals(BEFORE)
                                        ? "; nothing was sent upstream."
                                        : "; its result was not sent."),
                        CallOutcome.TIMEOUT,
                        0)
                .withDetail("interceptor");
    }

    private ToolResult failed(String interceptor, String phase, Throwable e, String consequence) {
        // The operator's log gets the exception's kind; the client gets the interceptor's name and the message.
        CALLS.warn("tool={} interceptor {} failed in {}: {}", chain.tool().name(), interceptor, phase, e.toString());
        String message = FailureReason.describe(e);
        return internal("Interceptor " + interceptor + " failed in " + phase + " for tool "
                + chain.tool().name() + " (" + message + "). " + consequence);
    }

    private static ToolResult internal(String text) {
        return ToolResult.text(text, CallOutcome.INTERNAL, 0).withDetail("interceptor");
    }

    /** A result that ends the call, thrown from where a value cannot be returned. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ToolResult result;

        Refused(ToolResult result) {
            super(null, null, false, false);
            this.result = result;
        }

        ToolResult result() {
            return result;
        }
    }
}
