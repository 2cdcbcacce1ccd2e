package org.owlet.reporting;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.owlet.catalog.CatalogService;
import org.owlet.catalog.model.Course;
import org.owlet.catalog.model.Item;
import org.owlet.catalog.model.Source;

/**
 * The coded terms the courses teach, read from the loaded catalog on every request, so the list never drifts from what
 * is taught: one entry per coded-term item, in catalog order (a term taught in two courses appears once per course).
 * <ul>
 * <li><em>meaning</em>: the text of the item's right option(s) in the requested language (the course's default language
 * where the course is not offered in it);</li>
 * <li><em>category</em>: the catalog has no category field; the product category is the item's {@code tags.product}
 * (e.g. {@code rhino-horn}, {@code tagua}), and {@code subject} says whether the meaning is the protected wildlife
 * product ({@code protected}) or a harmless look-alike ({@code lookalike});</li>
 * <li><em>sources</em>: the item's sources from {@code courses/sources.yaml}, title and URL.</li>
 * </ul>
 */
@ApplicationScoped
public class CodedTermList {

    public static final String DEFINITION = "Every coded term taught in Owlet's courses (items of type coded-term): the term as it"
            + " appears in listings, its language, what it stands for (the text of the item's right answer in the requested"
            + " language), its product category (the item's product tags), whether that meaning is the protected wildlife"
            + " product or a harmless look-alike, and the public sources the course cites for it. Generated from the loaded"
            + " course catalog.";

    public record SourceRef(String id, String title, String url) {
    }

    public record Term(String course, String courseVersion, String item, String term, String termLanguage, String language,
            String meaning, List<String> category, String subject, List<String> species, List<SourceRef> sources) {
    }

    @Inject
    CatalogService catalog;

    /** Every coded term of every course, with its meaning in {@code language} (a tag of {@code Languages.TAGS}). */
    public List<Term> terms(String language) {
        List<Term> terms = new ArrayList<>();
        for (Course course : catalog.courses()) {
            String shown = course.languageFor(language);
            for (Item item : course.items().values()) {
                if (item instanceof Item.CodedTerm coded) {
                    terms.add(term(course, coded, shown));
                }
            }
        }
        return terms;
    }

    static Term term(Course course, Item.CodedTerm item, String language) {
        String meaning = String.join(" / ", item.options().stream().filter(o -> item.key().correct().contains(o.id()))
                .map(o -> o.text().in(language, course.defaultLanguage())).toList());
        List<SourceRef> sources = item.common().sources().stream().map(id -> {
            Source source = course.sources().get(id);
            return source == null ? new SourceRef(id, "", "") : new SourceRef(id, source.title(), source.url() == null ? "" : source.url());
        }).toList();
        var tags = item.common().tags();
        return new Term(course.id(), course.version(), item.id(), item.term(), item.termLanguage(), language, meaning,
                List.copyOf(tags.product()), String.join(", ", tags.subject()), List.copyOf(tags.species()), sources);
    }
}
