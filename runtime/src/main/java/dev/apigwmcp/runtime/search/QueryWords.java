package dev.apigwmcp.runtime.search;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a query means in the words APIs use: a user says "my" and "me" where an API says "authenticated user",
 * "remove" where it says "delete", "stop" where it says "cancel". Applied to queries only, before analysis; the
 * user's own word stays in the query.
 */
final class QueryWords {

    private static final Map<String, String> MEANS = Map.ofEntries(
            Map.entry("my", "my authenticated user"),
            Map.entry("me", "me authenticated user"),
            Map.entry("mine", "mine authenticated user"),
            Map.entry("i", "i authenticated user"),
            // Everyday verbs for what APIs call create, delete, cancel, search.
            Map.entry("remove", "remove delete"),
            Map.entry("delete", "delete remove"),
            Map.entry("kick", "kick remove"),
            Map.entry("copy", "copy fork clone duplicate"),
            Map.entry("new", "new create"),
            Map.entry("start", "start create"),
            Map.entry("make", "make create"),
            Map.entry("stop", "stop cancel"),
            Map.entry("halt", "halt cancel stop"),
            Map.entry("find", "find search"),
            Map.entry("look", "look search"),
            Map.entry("rerun", "rerun re run"),
            Map.entry("invite", "invite invitation"),
            Map.entry("callback", "callback webhook hook"),
            Map.entry("who", "who user member"));
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private QueryWords() {}

    static String expand(String query) {
        Matcher words = WORD.matcher(query);
        StringBuilder out = new StringBuilder(query.length() + 32);
        while (words.find()) {
            String meaning = MEANS.get(words.group().toLowerCase(Locale.ROOT));
            words.appendReplacement(out, Matcher.quoteReplacement(meaning == null ? words.group() : meaning));
        }
        words.appendTail(out);
        return out.toString();
    }
}
