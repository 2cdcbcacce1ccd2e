package org.owlet.catalog.assets;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * An SVG is active content: a browser runs its scripts, plays its animations (which can rewrite links) and follows its
 * references. This check is an allowlist: a drawing may use only the elements and attributes below, which are what the
 * shipped drawings use (static shapes, text, clip paths; colours, strokes, transforms), and references only inside the
 * file ({@code url(#id)}). Anything else (scripts, foreignObject, animate and set, use, image, links, event handlers,
 * style sheets, processing instructions, a DOCTYPE) is refused with the line it is on. It also reads the size and the
 * {@code <title>}/{@code <desc>} texts.
 */
public final class SvgCheck {

    /** One thing wrong with the file, on its line (0 when the whole file is concerned). */
    public record Problem(int line, String message) {
    }

    public record Result(List<Problem> problems, double width, double height, String embeddedText) {
    }

    static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

    /** Presentation attributes any drawn element may carry. */
    static final Set<String> PRESENTATION = Set.of("fill", "fill-opacity", "stroke", "stroke-width", "stroke-linecap",
            "stroke-linejoin", "stroke-dasharray", "stroke-opacity", "opacity", "transform", "clip-path");

    /** Each allowed element and the attributes it may have besides {@link #PRESENTATION} (and {@code id}). */
    static final Map<String, Set<String>> ELEMENTS = Map.ofEntries(
            Map.entry("svg", Set.of("viewBox", "width", "height")),
            Map.entry("title", Set.of()),
            Map.entry("desc", Set.of()),
            Map.entry("defs", Set.of()),
            Map.entry("clipPath", Set.of()),
            Map.entry("g", Set.of()),
            Map.entry("circle", Set.of("cx", "cy", "r")),
            Map.entry("ellipse", Set.of("cx", "cy", "rx", "ry")),
            Map.entry("line", Set.of("x1", "y1", "x2", "y2")),
            Map.entry("path", Set.of("d")),
            Map.entry("polygon", Set.of("points")),
            Map.entry("polyline", Set.of("points")),
            Map.entry("rect", Set.of("x", "y", "width", "height", "rx")),
            Map.entry("text", Set.of("x", "y", "font-family", "font-size", "font-weight", "font-style", "text-anchor")));

    private static final String STATIC = "a static drawing (no scripts, animation, links or embedded content)";
    private static final Pattern URL_REF = Pattern.compile("url\\(\\s*['\"]?\\s*([^)'\"\\s]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile("^\\s*([0-9]*\\.?[0-9]+)\\s*(px)?\\s*$");

    private SvgCheck() {
    }

    public static Result check(byte[] bytes) {
        Handler handler = new Handler();
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setXIncludeAware(false);
            SAXParser parser = factory.newSAXParser();
            parser.parse(new ByteArrayInputStream(bytes), handler);
        } catch (SAXParseException e) {
            String reason = String.valueOf(e.getMessage());
            List<Problem> problems = new ArrayList<>(handler.problems);
            if (reason.contains("DOCTYPE")) {
                problems.add(new Problem(e.getLineNumber(), "SVG has a DOCTYPE; expected none (entities can pull in other files)"));
            } else {
                problems.add(new Problem(e.getLineNumber(), "SVG is not well-formed XML: " + reason));
            }
            return new Result(problems, 0, 0, "");
        } catch (Exception e) {
            return new Result(List.of(new Problem(0, "SVG cannot be read: " + e.getMessage())), 0, 0, "");
        }
        if (handler.width <= 0 || handler.height <= 0) {
            handler.problems.add(new Problem(0, "SVG has no size; expected a viewBox or width and height"));
        }
        return new Result(handler.problems, handler.width, handler.height, handler.texts.toString().trim());
    }

    private static final class Handler extends DefaultHandler {
        final List<Problem> problems = new ArrayList<>();
        final StringBuilder texts = new StringBuilder();
        double width;
        double height;
        private Locator locator;
        private int depth;
        /** Depth of the {@code <title>} or {@code <desc>} being read, 0 when none. */
        private int textDepth;

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        private void problem(String message) {
            problems.add(new Problem(locator == null ? 0 : locator.getLineNumber(), message));
        }

        @Override
        public void processingInstruction(String target, String data) {
            problem("SVG has a processing instruction <?" + target + "?>; expected none (it can load a style sheet)");
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            depth++;
            if (depth == 1 && !"svg".equals(localName)) {
                problem("file is not an SVG: its root element is <" + qName + ">");
            }
            Set<String> allowed = ELEMENTS.get(localName);
            if (allowed != null && !SVG_NAMESPACE.equals(uri)) {
                problem("SVG element <" + qName + "> is outside the SVG namespace; expected xmlns=\"" + SVG_NAMESPACE + "\"");
                allowed = Set.of();
            } else if (allowed == null) {
                problem("SVG contains <" + qName + ">; expected " + STATIC + " made of "
                        + String.join(", ", new TreeSet<>(ELEMENTS.keySet())));
                allowed = Set.of();
            }
            if (depth == 1 && "svg".equals(localName)) {
                size(attributes);
            }
            if ("title".equals(localName) || "desc".equals(localName)) {
                textDepth = depth;
            }
            for (int i = 0; i < attributes.getLength(); i++) {
                attribute(qName, attributes.getURI(i), attributes.getLocalName(i), attributes.getQName(i), attributes.getValue(i),
                        allowed);
            }
        }

        private void attribute(String element, String uri, String name, String qName, String value, Set<String> allowed) {
            String lower = name.toLowerCase(Locale.ROOT);
            String trimmed = value.trim();
            if (lower.startsWith("on")) {
                problem("SVG has an event handler " + qName + " on <" + element + ">; expected none");
            } else if (lower.equals("href") || lower.equals("src")) {
                problem(trimmed.startsWith("#") ? "SVG has " + qName + " on <" + element + ">; expected " + STATIC
                        : "SVG refers to '" + trimmed + "' from <" + element + ">; expected only references inside the file (#id)");
            } else if (lower.equals("style")) {
                problem("SVG has a style attribute on <" + element + ">; expected presentation attributes (fill, stroke, ...)");
                checkUrls(trimmed, "a style attribute");
            } else if (!uri.isEmpty() || !(allowed.contains(name) || PRESENTATION.contains(name) || name.equals("id"))) {
                problem("SVG has the attribute " + qName + " on <" + element + ">; expected " + STATIC + ", with only "
                        + String.join(", ", expectedAttributes(allowed)));
            } else {
                checkUrls(trimmed, qName);
            }
        }

        private static Set<String> expectedAttributes(Set<String> allowed) {
            Set<String> all = new TreeSet<>(allowed);
            all.addAll(PRESENTATION);
            all.add("id");
            return all;
        }

        private void checkUrls(String value, String where) {
            Matcher url = URL_REF.matcher(value);
            while (url.find()) {
                if (!url.group(1).startsWith("#")) {
                    problem("SVG refers to '" + url.group(1) + "' in " + where + "; expected only references inside the file (#id)");
                }
            }
        }

        private void size(Attributes root) {
            String viewBox = value(root, "viewBox");
            if (!viewBox.isEmpty()) {
                String[] parts = viewBox.split("[\\s,]+");
                if (parts.length == 4) {
                    try {
                        width = Double.parseDouble(parts[2]);
                        height = Double.parseDouble(parts[3]);
                        return;
                    } catch (NumberFormatException ignored) {
                        // fall through to width/height
                    }
                }
            }
            width = number(value(root, "width"));
            height = number(value(root, "height"));
        }

        private static String value(Attributes attributes, String name) {
            String value = attributes.getValue("", name);
            return value == null ? "" : value.trim();
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (textDepth > 0) {
                texts.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (depth == textDepth) {
                textDepth = 0;
                texts.append(' ');
            }
            depth--;
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }
    }

    private static double number(String value) {
        Matcher m = NUMBER.matcher(value);
        return m.matches() ? Double.parseDouble(m.group(1)) : 0;
    }
}
