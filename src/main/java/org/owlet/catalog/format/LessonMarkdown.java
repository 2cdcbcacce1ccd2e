package org.owlet.catalog.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owlet.catalog.model.Source;
import org.owlet.catalog.validation.Problems;

/**
 * Lesson text: CommonMark, checked and rendered to HTML. Raw HTML is escaped; images must come from
 * {@code assets/} ({@code ![](asset:illustrations/x.svg)}); links may go to the web ({@code https://}),
 * to a heading ({@code #id}) or to a listed source ({@code source:usfws-ivory-id-guide}). Anything else
 * would point outside the course.
 */
final class LessonMarkdown {

    private static final Parser PARSER = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    record Rendered(String html, List<org.owlet.catalog.model.Image> images) {
    }

    private LessonMarkdown() {
    }

    static Rendered render(String markdown, String language, String file, Problems problems,
            Function<String, ManifestEntry> assets, Map<String, Source> sources) {
        Node document = PARSER.parse(markdown);
        List<org.owlet.catalog.model.Image> images = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                String destination = image.getDestination();
                if (destination.startsWith("asset:")) {
                    String path = destination.substring("asset:".length());
                    ManifestEntry entry = assets.apply(path);
                    if (entry == null) {
                        problems.error(file, line(image), "image", "unknown image '" + path
                                + "'; expected a file listed in assets/manifest.yaml");
                    } else if (entry.usable()) {
                        org.owlet.catalog.model.Image used = entry.image();
                        images.add(used);
                        image.setDestination(used.url());
                        if (image.getFirstChild() == null) {
                            image.appendChild(new org.commonmark.node.Text(used.alt().in(language)));
                        }
                    }
                } else {
                    problems.error(file, line(image), "image", "image '" + destination
                            + "' is not from assets/; expected asset:<path under assets/>");
                }
                visitChildren(image);
            }

            @Override
            public void visit(Link link) {
                String destination = link.getDestination();
                String lower = destination.toLowerCase(Locale.ROOT);
                if (lower.startsWith("source:")) {
                    Source source = sources.get(destination.substring("source:".length()));
                    if (source == null) {
                        problems.error(file, line(link), "link", "unknown source '" + destination.substring(7)
                                + "'; expected an id from sources.yaml");
                    } else {
                        link.setDestination(source.url());
                    }
                } else if (!(lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("mailto:")
                        || lower.startsWith("#"))) {
                    problems.error(file, line(link), "link", "link '" + destination
                            + "' points outside the course; expected https://…, #heading or source:<id>");
                }
                visitChildren(link);
            }
        });
        return new Rendered(RENDERER.render(document), images);
    }

    private static int line(Node node) {
        return node.getSourceSpans().isEmpty() ? 0 : node.getSourceSpans().get(0).getLineIndex() + 1;
    }
}
