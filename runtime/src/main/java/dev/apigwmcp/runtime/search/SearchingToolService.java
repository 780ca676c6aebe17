package dev.apigwmcp.runtime.search;

import dev.apigwmcp.runtime.config.SettingsException;
import dev.apigwmcp.runtime.telemetry.ObservedTool;
import dev.apigwmcp.runtime.telemetry.Telemetry;
import dev.apigwmcp.runtime.telemetry.ToolCall;
import dev.apigwmcp.runtime.tools.CallContext;
import dev.apigwmcp.runtime.tools.Caller;
import dev.apigwmcp.runtime.tools.ProgressListener;
import dev.apigwmcp.runtime.tools.ToolListing;
import dev.apigwmcp.runtime.tools.ToolService;
import dev.apigwmcp.runtime.upstream.CallOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The gateway's tools with tool search: in {@link SearchMode#ADD} {@code tools/list} has the search tool beside
 * every tool; in {@link SearchMode#ONLY} it has the search tool and the call tool alone, and the call tool hands
 * its {@code name} and {@code arguments} to the wrapped service exactly as a {@code tools/call} of that tool would
 * (the same validation, credentials, errors and output checks: it is the same call). Tools found by the search
 * may also be called by name directly in either mode.
 *
 * <p>The index is built on the first search, from the services' search documents; a gateway never searched
 * loads none of Lucene.
 */
public final class SearchingToolService implements ToolService, AutoCloseable {

    private static final Logger CALLS = LoggerFactory.getLogger("dev.apigwmcp.runtime.calls");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JSON.getNodeFactory();

    private final ToolService tools;
    private final Telemetry telemetry;
    private final SearchMode mode;
    private final String searchTool;
    private final String callTool;
    private final List<ToolListing> listings;
    private final Map<String, ToolListing> byName = new HashMap<>();
    /** Searches run here, not on the transport's thread: the first one builds the index. */
    private final ExecutorService searches = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "apigw-mcp-search");
        thread.setDaemon(true);
        return thread;
    });

    private volatile ToolSearch index;
    /** The wrapped service's tools a read-only caller may use, asked on first need. */
    private volatile Set<String> readOnly;

    private SearchingToolService(ToolService tools, SearchMode mode, SearchSettings settings, Telemetry telemetry) {
        this.tools = tools;
        this.telemetry = telemetry;
        this.mode = mode;
        this.searchTool = settings.searchTool();
        this.callTool = settings.callTool();
        tools.listings().forEach(listing -> byName.put(listing.name(), listing));
        for (String own : mode == SearchMode.ONLY ? List.of(searchTool, callTool) : List.of(searchTool)) {
            if (byName.containsKey(own)) {
                String setting =
                        own.equals(searchTool) ? SearchSettings.TOOL_NAME.name() : SearchSettings.CALL_TOOL_NAME.name();
                throw new SettingsException("the catalog has a tool named \"" + own + "\", the name of the search's"
                        + " own tool; give that one another name with --" + setting);
            }
        }
        List<ToolListing> listed = new ArrayList<>();
        listed.add(SearchToolDefinitions.search(searchTool, callTool, mode == SearchMode.ONLY));
        if (mode == SearchMode.ONLY) {
            listed.add(SearchToolDefinitions.call(callTool, searchTool));
        } else {
            listed.addAll(tools.listings());
        }
        listed.sort(Comparator.comparing(ToolListing::name));
        this.listings = List.copyOf(listed);
    }

    /**
     * The service as the settings' mode offers it: {@code tools} itself when the mode is off.
     *
     * @throws SettingsException when a tool of the catalog has the search tool's or call tool's name
     */
    public static ToolService around(ToolService tools, SearchSettings settings) {
        return around(tools, settings, Telemetry.callLogOnly());
    }

    /**
     * As above, the search's own calls reported to {@code telemetry}: the call log line in its format (text or
     * JSON). They are no tool of an API, so they label no metric and make no span.
     */
    public static ToolService around(ToolService tools, SearchSettings settings, Telemetry telemetry) {
        SearchMode mode = settings.modeFor(tools.listings().size());
        return mode == SearchMode.OFF ? tools : new SearchingToolService(tools, mode, settings, telemetry);
    }

    /** The mode in force. */
    public SearchMode mode() {
        return mode;
    }

    @Override
    public List<ToolListing> listings() {
        return listings;
    }

    @Override
    public boolean hasTool(String name) {
        return name.equals(searchTool) || (mode == SearchMode.ONLY && name.equals(callTool)) || tools.hasTool(name);
    }

    @Override
    public List<URL> searchDocuments() {
        return tools.searchDocuments();
    }

    @Override
    public CompletableFuture<ObjectNode> call(String name, JsonNode arguments, ProgressListener progress) {
        return call(name, arguments, progress, Caller.LOCAL);
    }

    /**
     * A call for a known caller. A caller allowed read-only tools only ({@link Caller#readOnlyTools()}) finds only
     * the tools it may call, and the call tool refuses the others, as {@code tools/call} does; the caller goes on
     * to the tool (its identity and headers may go upstream).
     */
    @Override
    public CompletableFuture<ObjectNode> call(
            String name, JsonNode arguments, ProgressListener progress, Caller caller) {
        return call(name, arguments, progress, caller, CallContext.NONE);
    }

    /** As above, with the request's context, which goes on with the call (spans, the call log). */
    @Override
    public CompletableFuture<ObjectNode> call(
            String name, JsonNode arguments, ProgressListener progress, Caller caller, CallContext context) {
        if (name.equals(searchTool)) {
            try {
                ToolCall call = telemetry.callStarted(ObservedTool.unknown(searchTool), context);
                return CompletableFuture.supplyAsync(() -> search(arguments, visibleTo(caller), call), searches);
            } catch (RejectedExecutionException e) {
                return CompletableFuture.completedFuture(error("The gateway is shutting down."));
            }
        }
        if (mode == SearchMode.ONLY && name.equals(callTool)) {
            return callFound(arguments, progress, caller, context);
        }
        return tools.call(name, arguments, progress, caller, context);
    }

    @Override
    public CompletableFuture<Void> warmUp() {
        return tools.warmUp();
    }

    /**
     * The wrapped service's tools a read-only caller may use, the search tool (it only reads), and in
     * {@link SearchMode#ONLY} the call tool, which refuses such a caller every other tool itself.
     */
    @Override
    public Set<String> readOnlyCallerTools() {
        Set<String> names = new HashSet<>(readOnlyTools());
        names.add(searchTool);
        if (mode == SearchMode.ONLY) {
            names.add(callTool);
        }
        return Set.copyOf(names);
    }

    /** The wrapped service's tools a read-only caller may use, asked once. */
    private Set<String> readOnlyTools() {
        Set<String> names = readOnly;
        if (names == null) {
            names = tools.readOnlyCallerTools();
            readOnly = names;
        }
        return names;
    }

    /** Which found tools this caller may see: all, or for a read-only caller the read-only ones. */
    private Predicate<String> visibleTo(Caller caller) {
        if (caller == null || !caller.readOnlyTools()) {
            return null;
        }
        Set<String> allowed = readOnlyTools();
        return allowed::contains;
    }

    private ObjectNode search(JsonNode arguments, Predicate<String> visible, ToolCall call) {
        JsonNode query = arguments == null ? null : arguments.get("query");
        if (query == null || !query.isString() || query.stringValue().isBlank()) {
            return logged(
                    error("Invalid arguments for " + searchTool + ": 'query' must be a non-empty string"
                            + " saying what you want to do."),
                    CallOutcome.INVALID_ARGUMENTS,
                    call);
        }
        int limit = SearchToolDefinitions.DEFAULT_LIMIT;
        JsonNode given = arguments.get("limit");
        if (given != null && !given.isNull()) {
            if (!given.canConvertToExactIntegral()
                    || !given.canConvertToInt()
                    || given.asInt() < 1
                    || given.asInt() > SearchToolDefinitions.MAX_LIMIT) {
                return logged(
                        error("Invalid arguments for " + searchTool + ": 'limit' must be an integer from 1 to "
                                + SearchToolDefinitions.MAX_LIMIT + "."),
                        CallOutcome.INVALID_ARGUMENTS,
                        call);
            }
            limit = given.asInt();
        }
        for (String member : arguments.propertyNames()) {
            if (!member.equals("query") && !member.equals("limit")) {
                return logged(
                        error("Invalid arguments for " + searchTool + ": unknown argument '" + member
                                + "' (it takes 'query' and 'limit')."),
                        CallOutcome.INVALID_ARGUMENTS,
                        call);
            }
        }
        List<ToolListing> found = new ArrayList<>();
        for (String name : index().search(query.stringValue(), limit, visible)) {
            found.add(byName.get(name));
        }
        ObjectNode structured = SearchToolDefinitions.result(found);
        ObjectNode result = NODES.objectNode();
        result.putArray("content").addObject().put("type", "text").put("text", JSON.writeValueAsString(structured));
        result.set("structuredContent", structured);
        return logged(result, CallOutcome.OK, call);
    }

    private CompletableFuture<ObjectNode> callFound(
            JsonNode arguments, ProgressListener progress, Caller caller, CallContext context) {
        JsonNode name = arguments == null ? null : arguments.get("name");
        if (name == null || !name.isString() || name.stringValue().isEmpty()) {
            return CompletableFuture.completedFuture(error("Invalid arguments for " + callTool + ": 'name' must be"
                    + " the name of a tool that " + searchTool + " returned."));
        }
        JsonNode toolArguments = arguments.get("arguments");
        if (toolArguments != null && !toolArguments.isObject() && !toolArguments.isNull()) {
            return CompletableFuture.completedFuture(error("Invalid arguments for " + callTool + ": 'arguments'"
                    + " must be an object (the tool's arguments by name)."));
        }
        for (String member : arguments.propertyNames()) {
            if (!member.equals("name") && !member.equals("arguments")) {
                return CompletableFuture.completedFuture(error("Invalid arguments for " + callTool
                        + ": unknown argument '" + member + "' (it takes 'name' and 'arguments')."));
            }
        }
        String tool = name.stringValue();
        if (tool.equals(searchTool) || tool.equals(callTool)) {
            return CompletableFuture.completedFuture(
                    error("Call " + tool + " directly, not through " + callTool + "."));
        }
        if (!tools.hasTool(tool)) {
            return CompletableFuture.completedFuture(error("There is no tool named \"" + tool + "\". Use " + searchTool
                    + " to find the tool for your task, then call it by the name it returns."));
        }
        if (caller != null && caller.readOnlyTools() && !readOnlyTools().contains(tool)) {
            return CompletableFuture.completedFuture(error("Tool \"" + tool + "\" may change data, and the caller's"
                    + " token allows read-only tools only (it lacks the write scope)."));
        }
        return tools.call(tool, toolArguments, progress, caller, context);
    }

    /** The search, built on first use. */
    ToolSearch index() {
        ToolSearch built = index;
        if (built == null) {
            synchronized (this) {
                built = index;
                if (built == null) {
                    long start = System.nanoTime();
                    ToolIndex lexical = ToolIndex.of(documents());
                    VectorIndex vectors = vectors();
                    built = new ToolSearch(lexical, vectors, vectors == null ? null : embedder(vectors.model()));
                    index = built;
                    CALLS.info(
                            "search index of {} tools ({}) built in {} ms",
                            built.size(),
                            built.semantic() ? "words and meaning" : "words",
                            (System.nanoTime() - start) / 1_000_000);
                }
            }
        }
        return built;
    }

    /**
     * The vectors the generator stored beside the search documents ({@code search-vectors.json}), all targets
     * together, or {@code null} when any target has none or they disagree on the model.
     */
    private VectorIndex vectors() {
        VectorIndex all = null;
        for (URL documents : tools.searchDocuments()) {
            VectorIndex target;
            try (InputStream in = new URL(documents, "search-vectors.json").openStream()) {
                target = VectorIndex.read(in.readAllBytes(), documents.toString());
            } catch (IOException e) {
                return null;
            } catch (IllegalArgumentException e) {
                CALLS.warn(
                        "search vectors beside {} cannot be read, the search ranks by words only: {}",
                        documents,
                        e.getMessage());
                return null;
            }
            if (all != null && !all.model().equals(target.model())) {
                CALLS.warn(
                        "targets' search vectors come from different models ({}, {}); the search ranks by words"
                                + " only",
                        all.model(),
                        target.model());
                return null;
            }
            all = all == null ? target : all.and(target);
        }
        return all;
    }

    /** The query embedder on the class path for the vectors' model, or {@code null} (then by words only). */
    private static QueryEmbedder embedder(String model) {
        try {
            for (QueryEmbedder embedder : ServiceLoader.load(
                    QueryEmbedder.class, Thread.currentThread().getContextClassLoader())) {
                if (embedder.model().equals(model)) {
                    return embedder;
                }
                CALLS.warn(
                        "the search vectors were made with {}, the gateway's embedding model is {}; the search"
                                + " ranks by words only (regenerate with the same model)",
                        model,
                        embedder.model());
            }
        } catch (ServiceConfigurationError | LinkageError e) {
            CALLS.warn("the embedding model cannot be loaded, the search ranks by words only: {}", e.toString());
        }
        return null;
    }

    /**
     * One document per tool: the generated ones, and one from the listing for each tool no readable document
     * names (a catalog from an older generator). An unreadable document file is logged once and replaced so.
     */
    private List<SearchDocument> documents() {
        List<SearchDocument> documents = new ArrayList<>(byName.size());
        Set<String> covered = new HashSet<>();
        for (URL url : tools.searchDocuments()) {
            try (InputStream in = url.openStream()) {
                for (SearchDocument document : SearchDocuments.read(in.readAllBytes(), url.toString())) {
                    if (byName.containsKey(document.name()) && covered.add(document.name())) {
                        documents.add(document);
                    }
                }
            } catch (IOException | IllegalArgumentException e) {
                CALLS.warn(
                        "search documents {} cannot be read, the search uses its tools' descriptions: {}",
                        url,
                        e.getMessage());
            }
        }
        for (ToolListing listing : tools.listings()) {
            if (!covered.contains(listing.name())) {
                documents.add(SearchDocuments.fromListing(listing));
            }
        }
        documents.sort(Comparator.comparing(SearchDocument::name));
        return documents;
    }

    private static ObjectNode logged(ObjectNode result, CallOutcome outcome, ToolCall call) {
        call.ended(outcome, 0, null);
        return result;
    }

    private static ObjectNode error(String message) {
        ObjectNode result = NODES.objectNode();
        result.putArray("content").addObject().put("type", "text").put("text", message);
        result.put("isError", true);
        return result;
    }

    @Override
    public void close() throws Exception {
        searches.shutdownNow();
        if (tools instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
