package dev.apigwmcp.maven.agentcore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One element of a POM with where it is in the text: the start tag runs from {@code start} to {@code startEnd}, the
 * end tag from {@code endStart} to {@code end} (for {@code <a/>} both are the one tag).
 */
final class PomElement {

    final String name;
    final int start;
    final int startEnd;
    final int line;
    int endStart;
    int end;
    final List<PomElement> children = new ArrayList<>();
    final StringBuilder text = new StringBuilder();

    PomElement(String name, int start, int startEnd, int line) {
        this.name = name;
        this.start = start;
        this.startEnd = startEnd;
        this.line = line;
    }

    boolean selfClosing() {
        return endStart == start;
    }

    Optional<PomElement> child(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).findFirst();
    }

    List<PomElement> all(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).toList();
    }

    /** The trimmed text of a leaf child, or {@code ""}. */
    String childText(String childName) {
        return child(childName).map(c -> c.text.toString().trim()).orElse("");
    }

    /** Follows a path of child names. */
    Optional<PomElement> path(String... names) {
        Optional<PomElement> at = Optional.of(this);
        for (String next : names) {
            at = at.flatMap(e -> e.child(next));
        }
        return at;
    }
}
