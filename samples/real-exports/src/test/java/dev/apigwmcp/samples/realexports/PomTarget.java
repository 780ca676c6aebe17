package dev.apigwmcp.samples.realexports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * A {@code <target>} of the apigw-mcp plugin's configuration in this module's POM, as written (not interpolated).
 *
 * @param name       the target name
 * @param exportFile the {@code <exportFile>} text
 * @param elements   the names of all its child elements (to see that nothing but name and file is set)
 */
record PomTarget(String name, String exportFile, Set<String> elements) {

    static final String PLUGIN = "apigw-mcp-maven-plugin";

    /** The plugin's targets in {@code pom}, in order. */
    static List<PomTarget> read(Path pom) throws IOException {
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            root = factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot parse " + pom + ": " + e.getMessage(), e);
        }
        List<PomTarget> targets = new ArrayList<>();
        for (Element plugin : descendants(root, "plugin")) {
            if (!PLUGIN.equals(childText(plugin, "artifactId"))) {
                continue;
            }
            for (Element target : descendants(plugin, "target")) {
                Set<String> elements = new TreeSet<>();
                for (Element child : children(target)) {
                    elements.add(child.getTagName());
                }
                targets.add(new PomTarget(childText(target, "name"), childText(target, "exportFile"), elements));
            }
        }
        return targets;
    }

    /**
     * The target name this module derives from an export's file name: without the extension and a format suffix
     * ({@code .swagger}, {@code .openapi}, {@code .oas30}, {@code .oas31}), other dots as hyphens, lower case.
     */
    static String nameFor(String fileName) {
        String stem =
                fileName.replaceFirst("\\.(json|yaml|yml)$", "").replaceFirst("\\.(swagger|openapi|oas3\\d)$", "");
        return stem.replace('.', '-').toLowerCase(Locale.ROOT);
    }

    /** The file name part of {@link #exportFile()}. */
    String fileName() {
        String text = exportFile.trim();
        return text.substring(text.lastIndexOf('/') + 1);
    }

    private static List<Element> descendants(Element element, String tag) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = element.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    private static List<Element> children(Element element) {
        List<Element> found = new ArrayList<>();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                found.add(child);
            }
        }
        return found;
    }

    private static String childText(Element element, String tag) {
        for (Element child : children(element)) {
            if (child.getTagName().equals(tag)) {
                return child.getTextContent().trim();
            }
        }
        return null;
    }
}
