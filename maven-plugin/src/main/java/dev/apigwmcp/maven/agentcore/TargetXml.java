package dev.apigwmcp.maven.agentcore;

import dev.apigwmcp.generator.agentcore.AgentCoreTarget;
import dev.apigwmcp.generator.config.TargetInput.FilterInput;
import dev.apigwmcp.generator.config.TargetInput.OverrideInput;
import java.util.ArrayList;
import java.util.List;

/**
 * An imported target as the lines of a {@code <target>} element, in the compact form the documentation uses (one
 * line per filter and per override), preceded by a comment that says where it came from.
 */
public final class TargetXml {

    private TargetXml() {}

    /**
     * The element's lines, without line ends, indented relative to the element itself.
     *
     * @param target     the imported target
     * @param sourceFile how the AgentCore file is named in the comment (relative, never absolute)
     * @param indent     one level of indentation (two spaces, four, a tab)
     */
    public static List<String> lines(AgentCoreTarget target, String sourceFile, String indent) {
        List<String> lines = new ArrayList<>();
        String origin = "Imported from AgentCore Gateway target " + target.name() + " (" + sourceFile + ")"
                + (target.description() == null ? "" : ": " + target.description());
        lines.add("<!-- " + comment(origin) + " -->");
        lines.add("<target>");
        lines.add(indent + element("name", target.name()));
        lines.add(indent + element("restApiId", target.restApiId()));
        lines.add(indent + element("stage", target.stage()));
        if (target.region() != null) {
            lines.add(indent + element("region", target.region()));
        }
        lines.add(indent + "<toolFilters>");
        for (FilterInput filter : target.toolFilters()) {
            StringBuilder line = new StringBuilder("<toolFilter>")
                    .append(element("filterPath", filter.filterPath()))
                    .append("<methods>");
            filter.methods().forEach(method -> line.append(element("method", method)));
            lines.add(indent + indent + line.append("</methods></toolFilter>"));
        }
        lines.add(indent + "</toolFilters>");
        if (!target.toolOverrides().isEmpty()) {
            lines.add(indent + "<toolOverrides>");
            for (OverrideInput override : target.toolOverrides()) {
                StringBuilder line = new StringBuilder("<toolOverride>")
                        .append(element("path", override.path()))
                        .append(element("method", override.method()))
                        .append(element("name", override.name()));
                if (override.description() != null) {
                    line.append(element("description", override.description()));
                }
                lines.add(indent + indent + line.append("</toolOverride>"));
            }
            lines.add(indent + "</toolOverrides>");
        }
        lines.add("</target>");
        return lines;
    }

    private static String element(String name, String text) {
        return "<" + name + ">" + escape(text) + "</" + name + ">";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Text a comment can hold: one line, no {@code --} (which would end or break it). */
    static String comment(String text) {
        String line = text.replaceAll("\\s+", " ").trim();
        while (line.contains("--")) {
            line = line.replace("--", "-");
        }
        return line.endsWith("-") ? line + " " : line;
    }
}
