package dev.apigwmcp.runtime.search;

/**
 * The fields of a search document, as the generator writes them in {@code search.json} (docs/contract.md), with
 * the weight each has in the ranking. The tool's name as words and its title say what it does in few words and
 * weigh most; the description says more, with more noise; arguments, body members, path and tags tell what it
 * works on; the method's verbs tell whether it reads, creates, changes or deletes.
 */
public enum SearchField {
    WORDS("words", 2.0f),
    TITLE("title", 3.0f),
    DESCRIPTION("description", 0.7f),
    ARGUMENTS("arguments", 0.4f),
    BODY("body", 0.3f),
    PATH("path", 1.5f),
    TAGS("tags", 0.8f),
    /** Not written by the generator: made from {@code method} by {@link MethodVerbs}. */
    VERBS("method", 0.6f);

    private final String key;
    private final float boost;

    SearchField(String key, float boost) {
        this.key = key;
        this.boost = boost;
    }

    /** The member of a {@code search.json} tool line that holds this field ({@code method} for the verbs). */
    public String key() {
        return key;
    }

    /** The Lucene field name. */
    String field() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    float boost() {
        return boost;
    }
}
