package org.owlet.catalog;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Random;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.owlet.catalog.model.AnswerKey;
import org.owlet.catalog.model.Course;
import org.owlet.catalog.model.Image;
import org.owlet.catalog.model.Item;
import org.owlet.catalog.model.Module;
import org.owlet.catalog.model.Policy;
import org.owlet.catalog.model.Source;
import org.owlet.catalog.model.Text;
import org.owlet.catalog.validation.Problem;
import org.owlet.catalog.view.ImageView;
import org.owlet.catalog.view.LearnerViews;
import org.owlet.web.LocaleResolver;
import org.owlet.web.Roles;
import org.owlet.web.errors.NotFound;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * For content authors (coalition admins): every item in all its languages side by side, with its image,
 * answer key, explanation and sources, so translations and facts can be checked.
 */
@RolesAllowed(Roles.COALITION_ADMIN)
@Path("/review")
@Produces(MediaType.TEXT_HTML)
public class ReviewResource {

    /** One text in one language; {@code missing} when the author has not written it. */
    public record Cell(String lang, String text, boolean missing) {
    }

    public record Row(String label, List<Cell> cells) {
    }

    public record ItemLine(String id, String type, String question) {
    }

    public record ReviewItem(Course course, Item item, String key, List<String> tags, List<Row> rows,
            List<Figure> images, List<Source> sources) {
    }

    /** An image with the size to show it at on the review page: at most 480 px wide. */
    public record Figure(ImageView image, long width, long height) {
        static Figure of(ImageView image) {
            double scale = image.width() > 480 ? 480 / image.width() : 1;
            return new Figure(image, Math.round(image.width() * scale), Math.round(image.height() * scale));
        }
    }

    public record LessonColumn(String lang, String html) {
    }

    /** One item of a reviewer's random sample, in the reviewer's language: enough to judge it, with its sources. */
    public record SampleLine(Course course, Item item, String stem, String key, String explanation, String cue,
            List<Source> sources) {
    }

    /** Largest sample a reviewer can ask for on one page. */
    static final int MAX_SAMPLE = 100;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance courses(List<Course> courses, List<Problem> problems);

        static native TemplateInstance course(Course course, List<Module> lessons, List<ItemLine> items);

        static native TemplateInstance item(ReviewItem review);

        static native TemplateInstance sample(List<SampleLine> items, long seed, int size);

        static native TemplateInstance lesson(Course course, Module.Lesson lesson, List<LessonColumn> columns,
                List<Source> sources);
    }

    @Inject
    CatalogService catalog;

    @Inject
    LocaleResolver locales;

    @GET
    public TemplateInstance courses() {
        return Templates.courses(catalog.courses(), catalog.problems());
    }

    @GET
    @Path("/courses/{id}")
    public TemplateInstance course(@PathParam("id") String id) {
        Course course = find(id);
        String lang = course.languageFor(locales.language().tag());
        List<ItemLine> items = course.items().values().stream()
                .map(i -> new ItemLine(i.id(), i.type(), summary(i, lang, course.defaultLanguage()))).toList();
        List<Module> lessons = course.modules().stream().filter(Module.Lesson.class::isInstance).toList();
        return Templates.course(course, lessons, items);
    }

    @GET
    @Path("/courses/{id}/lessons/{lessonId}")
    public TemplateInstance lesson(@PathParam("id") String id, @PathParam("lessonId") String lessonId) {
        Course course = find(id);
        Module.Lesson lesson = course.module(lessonId).filter(Module.Lesson.class::isInstance)
                .map(Module.Lesson.class::cast).orElseThrow(NotFound::new);
        List<LessonColumn> columns = course.languages().stream()
                .map(l -> new LessonColumn(l, lesson.html().in(l, l))).toList();
        return Templates.lesson(course, lesson, columns, sources(course, lesson.sources()));
    }

    @GET
    @Path("/courses/{id}/items/{itemId}")
    public TemplateInstance item(@PathParam("id") String id, @PathParam("itemId") String itemId) {
        Course course = find(id);
        Item item = course.item(itemId).orElseThrow(NotFound::new);
        return Templates.item(review(course, item));
    }

    /**
     * A random sample of items across every course, to check that each explanation is correct and sourced. The seed
     * is in the address, so a reviewer can share exactly the sample they checked; without one, a new seed is drawn.
     */
    @GET
    @Path("/sample")
    public Response sample(@QueryParam("seed") Long seed, @QueryParam("size") @DefaultValue("20") int size) {
        int n = Math.max(1, Math.min(size, MAX_SAMPLE));
        if (seed == null) {
            long drawn = new SecureRandom().nextLong() & 0xFFFFFFFFL;
            return Response.seeOther(UriBuilder.fromPath("/review/sample").queryParam("seed", drawn)
                    .queryParam("size", n).build()).build();
        }
        record Entry(Course course, Item item) {
        }
        List<Entry> all = new ArrayList<>();
        for (Course course : catalog.courses()) {
            course.items().values().forEach(item -> all.add(new Entry(course, item)));
        }
        all.sort(Comparator.comparing((Entry e) -> e.course().id()).thenComparing(e -> e.item().id()));
        Collections.shuffle(all, new Random(seed));
        List<SampleLine> picked = new ArrayList<>();
        for (Entry entry : all.subList(0, Math.min(n, all.size()))) {
            Course course = entry.course();
            Item item = entry.item();
            String lang = course.languageFor(locales.language().tag());
            ReviewItem review = review(course, item);
            picked.add(new SampleLine(course, item, summary(item, lang, course.defaultLanguage()), review.key(),
                    item.common().explanation().in(lang, course.defaultLanguage()),
                    item.common().cue().in(lang, course.defaultLanguage()), review.sources()));
        }
        return Response.ok(Templates.sample(picked, seed, n)).build();
    }

    private Course find(String id) {
        return catalog.course(id).orElseThrow(NotFound::new);
    }

    private CatalogMessages messages() {
        return MessageBundles.get(CatalogMessages.class, Localized.Literal.of(locales.language().tag()));
    }

    ReviewItem review(Course course, Item item) {
        CatalogMessages m = messages();
        List<String> languages = course.languages();
        List<Row> rows = new ArrayList<>();
        String lang = course.languageFor(locales.language().tag());
        String key = "";
        if (item instanceof Item.ImageChoice i) {
            rows.add(row(m.review_row_question(), i.question(), languages));
            options(rows, i.options(), i.key(), languages, m);
            key = keyText(i.key(), i.options(), lang);
        } else if (item instanceof Item.CodedTerm i) {
            rows.add(new Row(m.review_row_term(), List.of(new Cell(i.termLanguage(), i.term(), false))));
            if (!i.context().isEmpty()) {
                rows.add(row(m.review_row_context(), i.context(), languages));
            }
            options(rows, i.options(), i.key(), languages, m);
            key = keyText(i.key(), i.options(), lang);
        } else if (item instanceof Item.SingleChoice i) {
            rows.add(row(m.review_row_question(), i.question(), languages));
            options(rows, i.options(), i.key(), languages, m);
            key = keyText(i.key(), i.options(), lang);
        } else if (item instanceof Item.MultiChoice i) {
            rows.add(row(m.review_row_question(), i.question(), languages));
            options(rows, i.options(), i.key(), languages, m);
            key = keyText(i.key(), i.options(), lang);
        } else if (item instanceof Item.Hotspot i) {
            rows.add(row(m.review_row_question(), i.question(), languages));
            for (Item.Region region : i.regions()) {
                boolean target = i.key().targets().contains(region.id());
                rows.add(row(target ? m.review_row_region_target(region.id()) : m.review_row_region(region.id()),
                        region.label(), languages));
            }
            key = String.join(", ", i.key().targets());
        } else if (item instanceof Item.ListingTriage i) {
            if (!i.context().isEmpty()) {
                rows.add(row(m.review_row_context(), i.context(), languages));
            }
            rows.add(filled(m.review_row_listing_title(), i.listing().title(), i, languages));
            rows.add(filled(m.review_row_listing_body(), i.listing().body(), i, languages));
            rows.add(row(m.review_row_location(), i.listing().location(), languages));
            Policy policy = i.listing().policy();
            rows.add(row(m.review_row_policy(policy.id(), policy.kind().written()), policy.name(), languages));
            for (Text rule : policy.rules()) {
                rows.add(row(m.review_row_policy_rule(), rule, languages));
            }
            for (Item.Phrase phrase : i.phrases()) {
                boolean flag = i.key().redFlags().contains(phrase.id());
                rows.add(row(flag ? m.review_row_phrase_flag(phrase.id()) : m.review_row_phrase(phrase.id()),
                        phrase.text(), languages));
            }
            key = decision(i.key().decision(), m) + " · " + String.join(", ", i.key().redFlags()) + " · "
                    + i.listing().price().toPlainString() + " " + i.listing().currency() + " · " + i.listing().market();
        } else if (item instanceof Item.TrueFalse i) {
            rows.add(row(m.review_row_statement(), i.statement(), languages));
            key = i.key().value() ? m.review_key_true() : m.review_key_false();
        }
        rows.add(row(m.review_row_explanation(), item.common().explanation(), languages));
        if (!item.common().cue().isEmpty()) {
            rows.add(row(m.review_row_cue(), item.common().cue(), languages));
        }
        for (Image image : item.images()) {
            rows.add(row(m.review_row_alt() + " · " + image.path(), image.alt(), languages));
            rows.add(row(m.review_row_description() + " · " + image.path(), image.description(), languages));
        }
        List<String> tags = new ArrayList<>();
        item.common().tags().species().forEach(t -> tags.add("species:" + t));
        item.common().tags().product().forEach(t -> tags.add("product:" + t));
        item.common().tags().cites().forEach(t -> tags.add("CITES " + t));
        item.common().tags().skill().forEach(t -> tags.add("skill:" + t));
        item.common().tags().subject().forEach(t -> tags.add("subject:" + t));
        List<Figure> images = item.images().stream().map(img -> Figure.of(ImageView.of(img, lang))).toList();
        return new ReviewItem(course, item, key, tags, rows, images, sources(course, item.common().sources()));
    }

    private static List<Source> sources(Course course, List<String> ids) {
        return ids.stream().map(course.sources()::get).filter(Objects::nonNull).toList();
    }

    private static String decision(AnswerKey.Decision decision, CatalogMessages m) {
        return switch (decision) {
            case ALLOW -> m.review_decision_allow();
            case REMOVE -> m.review_decision_remove();
            case ESCALATE -> m.review_decision_escalate();
        };
    }

    private static String keyText(AnswerKey.Choice key, List<Item.Option> options, String lang) {
        return options.stream().filter(o -> key.correct().contains(o.id()))
                .map(o -> o.id() + " (" + o.text().in(lang) + ")").reduce((a, b) -> a + ", " + b).orElse("");
    }

    private static void options(List<Row> rows, List<Item.Option> options, AnswerKey.Choice key, List<String> languages,
            CatalogMessages m) {
        for (Item.Option option : options) {
            boolean correct = key.correct().contains(option.id());
            rows.add(row(correct ? m.review_row_option_correct(option.id()) : m.review_row_option(option.id()),
                    option.text(), languages));
        }
    }

    private static Row row(String label, Text text, List<String> languages) {
        return new Row(label, languages.stream().map(l -> {
            String value = text.byLanguage().get(l);
            return new Cell(l, value == null ? "" : value, value == null);
        }).toList());
    }

    private static Row filled(String label, Text template, Item.ListingTriage item, List<String> languages) {
        return new Row(label, languages.stream()
                .map(l -> new Cell(l, LearnerViews.listingText(template.in(l, l), item, l), false)).toList());
    }

    /** What a list shows for an item: its question or statement; a listing's title; a coded term's term and context. */
    private static String summary(Item item, String lang, String fallback) {
        if (item instanceof Item.ListingTriage t) {
            return t.listing().title().in(lang, fallback).replaceAll("[{}]", "");
        }
        if (item instanceof Item.CodedTerm c) {
            return c.context().isEmpty() ? c.term() : c.term() + " · " + c.context().in(lang, fallback);
        }
        return item.stem().in(lang, fallback);
    }
}
