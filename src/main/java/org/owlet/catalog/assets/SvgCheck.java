package org.owlet.catalog.assets;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * An SVG is active content: a browser runs its scripts and follows its links. This check accepts only
 * static drawings: no scripts, event handlers, foreign objects, external references or DOCTYPE
 * (entities), and reads the size and the {@code <title>}/{@code <desc>} texts.
 */
public final class SvgCheck {

    public record Result(List<String> problems, double width, double height, String embeddedText) {
    }

    private static final List<String> FORBIDDEN_ELEMENTS = List.of("script", "foreignobject", "iframe", "embed",
            "object", "handler", "listener", "audio", "video", "animation");
    private static final Pattern URL_REF = Pattern.compile("url\\(\\s*['\"]?\\s*([^)'\"\\s]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile("^\\s*([0-9]*\\.?[0-9]+)\\s*(px)?\\s*$");

    private SvgCheck() {
    }

    public static Result check(byte[] bytes) {
        List<String> problems = new ArrayList<>();
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            document = builder.parse(new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            String reason = String.valueOf(e.getMessage());
            if (reason.contains("DOCTYPE")) {
                problems.add("SVG has a DOCTYPE; expected none (entities can pull in other files)");
            } else {
                problems.add("SVG is not well-formed XML: " + reason);
            }
            return new Result(problems, 0, 0, "");
        }
        Element root = document.getDocumentElement();
        if (!"svg".equals(root.getLocalName())) {
            problems.add("file is not an SVG: its root element is <" + root.getNodeName() + ">");
        }
        StringBuilder texts = new StringBuilder();
        walk(root, problems, texts);
        double[] size = size(root);
        if (size[0] <= 0 || size[1] <= 0) {
            problems.add("SVG has no size; expected a viewBox or width and height");
        }
        return new Result(problems, size[0], size[1], texts.toString().trim());
    }

    private static void walk(Element element, List<String> problems, StringBuilder texts) {
        String name = localName(element);
        if (FORBIDDEN_ELEMENTS.contains(name.toLowerCase(Locale.ROOT))) {
            problems.add("SVG contains <" + element.getNodeName() + ">; expected a static drawing without scripts or foreign objects");
        }
        if (name.equals("title") || name.equals("desc")) {
            texts.append(element.getTextContent()).append(' ');
        }
        if (name.equals("style")) {
            checkCss(element.getTextContent(), "<style>", problems);
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String attrName = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            String value = attribute.getValue().trim();
            if (attrName.toLowerCase(Locale.ROOT).startsWith("on")) {
                problems.add("SVG has an event handler " + attribute.getName() + " on <" + element.getNodeName()
                        + ">; expected none");
            } else if (attrName.equals("href") || attrName.equals("src")) {
                if (!value.startsWith("#")) {
                    problems.add("SVG refers to '" + value + "' from <" + element.getNodeName()
                            + ">; expected only references inside the file (#id)");
                }
            } else if (attrName.equals("style")) {
                checkCss(value, "a style attribute", problems);
            } else if (value.toLowerCase(Locale.ROOT).contains("url(")) {
                checkCss(value, attribute.getName(), problems);
            }
        }
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i).getNodeType() == Node.ELEMENT_NODE) {
                walk((Element) children.item(i), problems, texts);
            }
        }
    }

    private static void checkCss(String css, String where, List<String> problems) {
        if (css.toLowerCase(Locale.ROOT).contains("@import")) {
            problems.add("SVG imports a style sheet in " + where + "; expected only references inside the file (#id)");
        }
        Matcher url = URL_REF.matcher(css);
        while (url.find()) {
            if (!url.group(1).startsWith("#")) {
                problems.add("SVG refers to '" + url.group(1) + "' in " + where
                        + "; expected only references inside the file (#id)");
            }
        }
    }

    private static String localName(Element element) {
        return element.getLocalName() == null ? element.getNodeName() : element.getLocalName();
    }

    private static double[] size(Element root) {
        String viewBox = root.getAttribute("viewBox").trim();
        if (!viewBox.isEmpty()) {
            String[] parts = viewBox.split("[\\s,]+");
            if (parts.length == 4) {
                try {
                    return new double[] { Double.parseDouble(parts[2]), Double.parseDouble(parts[3]) };
                } catch (NumberFormatException ignored) {
                    // fall through to width/height
                }
            }
        }
        return new double[] { number(root.getAttribute("width")), number(root.getAttribute("height")) };
    }

    private static double number(String value) {
        Matcher m = NUMBER.matcher(value);
        return m.matches() ? Double.parseDouble(m.group(1)) : 0;
    }
}
