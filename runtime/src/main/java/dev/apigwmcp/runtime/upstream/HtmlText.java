package dev.apigwmcp.runtime.upstream;

import java.util.regex.Pattern;

/**
 * The words a person would read on an HTML error page (a load balancer's or CDN's 502/503), for the one-line error
 * the model gets: without style sheets, scripts, comments and tags, which would otherwise fill the message's length
 * before the page says anything.
 */
final class HtmlText {

    /** Only the start of a page is looked at: the message is cut at a thousand characters anyway. */
    private static final int MAX_SCANNED_CHARS = 64 * 1024;

    private static final Pattern INVISIBLE =
            Pattern.compile("(?is)<(script|style|template)\\b.*?</\\1\\s*>|<!--.*?-->");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");

    private HtmlText() {}

    static String visible(String html) {
        String text = html.length() > MAX_SCANNED_CHARS ? html.substring(0, MAX_SCANNED_CHARS) : html;
        text = INVISIBLE.matcher(text).replaceAll(" ");
        text = TAG.matcher(text).replaceAll(" ");
        return text.replace("&nbsp;", " ")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
