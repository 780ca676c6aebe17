package dev.apigwmcp.maven.agentcore;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Adds a {@code <target>} to the apigw-mcp plugin's {@code <targets>} in a POM by inserting text: every other
 * character of the POM stays as it was (formatting, comments, entity references, attribute quotes), which a parse
 * and re-serialisation would not keep. A StAX parser finds where the elements are; the new lines follow the POM's
 * own indentation and line ends. Where the plugin keeps its targets decides where the target goes: the plugin's
 * {@code <configuration><targets>} (created when missing) in {@code <build><plugins>}, else in
 * {@code <pluginManagement>}.
 */
public final class PomTargetInserter {

    /** The plugin's artifact id, as a POM names it. */
    public static final String PLUGIN = "apigw-mcp-maven-plugin";

    /** A POM that cannot take the target; the message says why and what to do. */
    public static final class PomEditException extends Exception {
        private static final long serialVersionUID = 1L;

        public PomEditException(String message) {
            super(message);
        }
    }

    private PomTargetInserter() {}

    /**
     * The POM with the target added.
     *
     * @param pom        the POM's text
     * @param targetName the new target's name (a target of that name already there is refused)
     * @param target     the {@code <target>} element's lines, indented relative to the element (see {@link TargetXml})
     *                   with two spaces per level
     * @param pomName    how messages name the POM
     */
    public static String insert(String pom, String targetName, List<String> target, String pomName)
            throws PomEditException {
        boolean bom = pom.startsWith("\uFEFF");
        String body = bom ? pom.substring(1) : pom;
        // The parser's character offsets drift on CR LF line ends, so work on LF and restore them at the end.
        boolean crlf = body.contains("\r\n");
        String text = crlf ? body.replace("\r\n", "\n") : body;
        PomElement project = parse(text, pomName);
        PomElement plugin = plugin(project)
                .orElseThrow(() -> new PomEditException(pomName + " does not declare the"
                        + " " + PLUGIN
                        + " plugin in <build><plugins>; add it (README, \"Your own gateway\") and run the goal"
                        + " again, or paste the printed target into its <targets>"));
        String unit = unit(text, plugin);
        List<String> lines = target.stream().map(line -> reindent(line, unit)).toList();
        String edited = new Insertion(text, plugin, targetName, lines, unit, pomName).apply();
        String out = crlf ? edited.replace("\n", "\r\n") : edited;
        return bom ? "\uFEFF" + out : out;
    }

    /** A line indented two spaces per level, indented with the POM's unit instead. */
    private static String reindent(String line, String unit) {
        int spaces = 0;
        while (spaces < line.length() && line.charAt(spaces) == ' ') {
            spaces++;
        }
        return unit.repeat(spaces / 2) + " ".repeat(spaces % 2) + line.substring(spaces);
    }

    private static Optional<PomElement> plugin(PomElement project) {
        for (String[] path : new String[][] {{"build", "plugins"}, {"build", "pluginManagement", "plugins"}}) {
            Optional<PomElement> found = project.path(path)
                    .flatMap(plugins -> plugins.all("plugin").stream()
                            .filter(p -> p.childText("artifactId").equals(PLUGIN))
                            .findFirst());
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    static PomElement parse(String text, String pomName) throws PomEditException {
        XMLInputFactory factory = XMLInputFactory.newInstance();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        Deque<PomElement> open = new ArrayDeque<>();
        PomElement root = null;
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new StringReader(text));
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    int startEnd = reader.getLocation().getCharacterOffset();
                    int start = text.lastIndexOf('<', startEnd - 1);
                    PomElement element = new PomElement(
                            reader.getLocalName(),
                            start,
                            startEnd,
                            reader.getLocation().getLineNumber());
                    if (open.isEmpty()) {
                        root = element;
                    } else {
                        open.peek().children.add(element);
                    }
                    open.push(element);
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    PomElement element = open.pop();
                    element.end = reader.getLocation().getCharacterOffset();
                    boolean selfClosing = element.end == element.startEnd && text.startsWith("/>", element.end - 2);
                    element.endStart = selfClosing ? element.start : text.lastIndexOf("</", element.end - 1);
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    if (!open.isEmpty()) {
                        open.peek().text.append(reader.getText());
                    }
                }
            }
        } catch (XMLStreamException e) {
            String where =
                    e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNumber() + ")";
            throw new PomEditException(pomName + " is not well-formed XML" + where + "; nothing was written");
        }
        if (root == null || !root.name.equals("project")) {
            throw new PomEditException(pomName + " is not a Maven POM (no <project>); nothing was written");
        }
        return root;
    }

    /** One level of the POM's indentation, read from the plugin and its first child; two spaces by default. */
    private static String unit(String text, PomElement plugin) {
        String outer = indentation(text, plugin);
        if (!plugin.children.isEmpty()) {
            String inner = indentation(text, plugin.children.get(0));
            if (outer != null && inner != null && inner.startsWith(outer) && inner.length() > outer.length()) {
                return inner.substring(outer.length());
            }
        }
        return "  ";
    }

    /** The whitespace before an element on its line, or {@code null} when something else comes first. */
    static String indentation(String text, int offset) {
        int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        String before = text.substring(lineStart, offset);
        return before.isBlank() ? before : null;
    }

    private static String indentation(String text, PomElement element) {
        return indentation(text, element.start);
    }

    /** Where and how the target goes into one plugin declaration. */
    private static final class Insertion {
        private final String text;
        private final PomElement plugin;
        private final String targetName;
        private final List<String> target;
        private final String unit;
        private final String pomName;

        Insertion(String text, PomElement plugin, String targetName, List<String> target, String unit, String pomName) {
            this.text = text;
            this.plugin = plugin;
            this.targetName = targetName;
            this.target = target;
            this.unit = unit;
            this.pomName = pomName;
        }

        String apply() throws PomEditException {
            Optional<PomElement> configuration = plugin.child("configuration");
            Optional<PomElement> targets = configuration.flatMap(c -> c.child("targets"));
            if (targets.isPresent()) {
                return intoTargets(targets.get());
            }
            for (PomElement execution :
                    plugin.path("executions").map(e -> e.all("execution")).orElse(List.of())) {
                if (execution.path("configuration", "targets").isPresent()) {
                    throw new PomEditException(pomName + " keeps the plugin's <targets> in an <execution> (line "
                            + execution.line + "); paste the printed target there by hand; nothing was written");
                }
            }
            String level = level(plugin);
            if (configuration.isPresent() && !configuration.get().selfClosing()) {
                List<String> block = wrap("targets", target);
                return before(configuration.get(), block, level(configuration.get()) + unit);
            }
            List<String> block = wrap("configuration", wrap("targets", target));
            if (configuration.isPresent()) {
                return replace(configuration.get(), block);
            }
            return before(plugin, block, level + unit);
        }

        private String intoTargets(PomElement targets) throws PomEditException {
            for (PomElement existing : targets.all("target")) {
                if (existing.childText("name").equals(targetName)) {
                    throw new PomEditException(pomName + " already has a target named " + targetName + " (line "
                            + existing.line + "); remove or rename it first; nothing was written");
                }
            }
            String level = level(targets);
            if (targets.selfClosing()) {
                return replace(targets, wrap("targets", target));
            }
            List<PomElement> existing = targets.all("target");
            String indent = existing.isEmpty() ? null : indentation(text, existing.get(0));
            return before(targets, target, indent != null ? indent : level + unit);
        }

        /** The element's own indentation, or the plugin's depth in units when it shares a line. */
        private String level(PomElement element) {
            String indent = indentation(text, element);
            return indent != null ? indent : unit.repeat(3);
        }

        /** {@code <name>} + the lines one level deeper + {@code </name>}. */
        private List<String> wrap(String name, List<String> lines) {
            List<String> out = new java.util.ArrayList<>();
            out.add("<" + name + ">");
            lines.forEach(line -> out.add(unit + line));
            out.add("</" + name + ">");
            return out;
        }

        /** The lines, indented by {@code indent}, as the last children of {@code parent}, before its end tag. */
        private String before(PomElement parent, List<String> lines, String indent) {
            String closingIndent = indentation(text, parent.endStart);
            StringBuilder block = new StringBuilder();
            int at;
            if (closingIndent != null) {
                // The end tag starts its own line: the block goes on lines of its own just above it.
                at = parent.endStart - closingIndent.length();
                lines.forEach(line -> block.append(indent).append(line).append('\n'));
            } else {
                at = parent.endStart;
                block.append('\n');
                lines.forEach(line -> block.append(indent).append(line).append('\n'));
                block.append(level(parent));
            }
            return text.substring(0, at) + block + text.substring(at);
        }

        /** Replaces a self-closing element ({@code <targets/>}) with the lines. */
        private String replace(PomElement element, List<String> lines) {
            String indent = level(element);
            StringBuilder block = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                block.append(i == 0 ? "" : "\n" + indent).append(lines.get(i));
            }
            return text.substring(0, element.start) + block + text.substring(element.end);
        }
    }
}
