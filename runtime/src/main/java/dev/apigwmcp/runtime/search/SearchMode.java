package dev.apigwmcp.runtime.search;

/** How the gateway offers tool search ({@code --search.mode}). */
public enum SearchMode {
    /** No search tool: {@code tools/list} lists every tool. */
    OFF,
    /** The search tool beside every tool. */
    ADD,
    /** Only the search tool and the call tool: the context holds two tools whatever the catalog's size. */
    ONLY
}
