package org.owlet.catalog.view;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

import org.owlet.catalog.model.AnswerKey;
import org.owlet.catalog.model.Course;
import org.owlet.catalog.model.Image;
import org.owlet.catalog.model.Item;
import org.owlet.catalog.model.Module;
import org.owlet.catalog.model.Policy;

/** Turns server-side courses and items into the views a browser may see, and into feedback after an answer. */
public final class LearnerViews {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}\\s]+)}");

    private LearnerViews() {
    }

    public static CourseView.Summary summary(Course course, String language) {
        String lang = course.languageFor(language);
        return new CourseView.Summary(course.id(), course.version(), course.contentHash(), course.title().in(lang, lang),
                course.summary().in(lang, lang), course.languages());
    }

    public static CourseView course(Course course, String language) {
        String lang = course.languageFor(language);
        List<CourseView.ModuleView> modules = course.modules().stream().map(m -> module(m, lang)).toList();
        List<ItemView> items = course.items().values().stream().map(i -> item(i, lang)).toList();
        return new CourseView(course.id(), course.version(), course.contentHash(), lang, course.languages(),
                course.title().in(lang, lang), course.summary().in(lang, lang), course.passMark(),
                course.certificateValidityMonths(), course.renewalWindowDays(), modules, items);
    }

    static CourseView.ModuleView module(Module module, String lang) {
        String title = module.title().in(lang, lang);
        if (module instanceof Module.Lesson lesson) {
            return new CourseView.ModuleView(lesson.id(), "lesson", title, lesson.html().in(lang, lang), List.of(), null,
                    null, null, null, null, null);
        } else if (module instanceof Module.Drill drill) {
            return new CourseView.ModuleView(drill.id(), "drill", title, null, drill.deck(), null, null, null, null, null,
                    null);
        } else if (module instanceof Module.Quiz quiz) {
            return new CourseView.ModuleView(quiz.id(), "quiz", title, null, quiz.pool(), quiz.draw(), null, null, null,
                    null, null);
        }
        Module.FinalAssessment f = (Module.FinalAssessment) module;
        return new CourseView.ModuleView(f.id(), "final", title, null, f.pool(), f.draw(), f.passMark(), f.maxAttempts(),
                f.coolDownHours(), f.gate().lessonsRead(), f.gate().quizzesAttempted());
    }

    /** The item in {@code lang} without anything that tells the answer. */
    public static ItemView item(Item item, String lang) {
        if (item instanceof Item.ImageChoice i) {
            return new ItemView.ChoiceView(i.id(), i.type(), i.question().in(lang), ImageView.of(i.image(), lang), null,
                    null, options(i.id(), i.options(), lang), i.key().correct().size() > 1);
        } else if (item instanceof Item.CodedTerm i) {
            return new ItemView.ChoiceView(i.id(), i.type(), i.context().in(lang), null, i.term(), i.termLanguage(),
                    options(i.id(), i.options(), lang), i.key().correct().size() > 1);
        } else if (item instanceof Item.SingleChoice i) {
            return new ItemView.ChoiceView(i.id(), i.type(), i.question().in(lang), null, null, null,
                    options(i.id(), i.options(), lang), false);
        } else if (item instanceof Item.MultiChoice i) {
            // always checkboxes, whether one or several options are right
            return new ItemView.ChoiceView(i.id(), i.type(), i.question().in(lang), null, null, null,
                    options(i.id(), i.options(), lang), true);
        } else if (item instanceof Item.Hotspot i) {
            List<ItemView.RegionView> regions = i.regions().stream()
                    .sorted(Comparator.comparingLong(r -> scramble(i.id(), r.id())))
                    .map(r -> new ItemView.RegionView(r.id(), r.label().in(lang))).toList();
            return new ItemView.HotspotView(i.id(), i.type(), i.question().in(lang), ImageView.of(i.image(), lang), regions);
        } else if (item instanceof Item.ListingTriage i) {
            return triage(i, lang);
        }
        Item.TrueFalse i = (Item.TrueFalse) item;
        return new ItemView.TrueFalseView(i.id(), i.type(), i.statement().in(lang));
    }

    private static List<ItemView.OptionView> options(String itemId, List<Item.Option> options, String lang) {
        return options.stream().sorted(Comparator.comparingLong(o -> scramble(itemId, o.id())))
                .map(o -> new ItemView.OptionView(o.id(), o.text().in(lang))).toList();
    }

    /** A stable order unrelated to the author's (who may always put the right option first). */
    private static long scramble(String itemId, String id) {
        CRC32 crc = new CRC32();
        crc.update((itemId + "/" + id).getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    private static ItemView.TriageView triage(Item.ListingTriage item, String lang) {
        Item.Listing listing = item.listing();
        List<String> order = new ArrayList<>();
        List<ItemView.Segment> title = segments(listing.title().in(lang), item, lang, order);
        List<ItemView.Segment> body = segments(listing.body().in(lang), item, lang, order);
        List<ItemView.PhraseView> phrases = order.stream()
                .map(id -> new ItemView.PhraseView(id, phraseText(item, id, lang))).toList();
        ItemView.ListingView view = new ItemView.ListingView(title, body, listing.price(), listing.currency(),
                listing.location().in(lang), listing.images().stream().map(img -> ImageView.of(img, lang)).toList(),
                listing.market(), policy(listing.policy(), lang));
        List<String> decisions = List.of("allow", "remove", "escalate");
        return new ItemView.TriageView(item.id(), item.type(), item.context().in(lang), view, phrases, decisions);
    }

    /** A policy profile in one language. */
    public static ItemView.PolicyView policy(Policy policy, String lang) {
        return new ItemView.PolicyView(policy.id(), policy.kind().written(), policy.name().in(lang),
                policy.rules().stream().map(rule -> rule.in(lang)).toList());
    }

    private static List<ItemView.Segment> segments(String text, Item.ListingTriage item, String lang, List<String> order) {
        List<ItemView.Segment> segments = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                segments.add(new ItemView.Segment(text.substring(at, m.start()), null));
            }
            segments.add(new ItemView.Segment(phraseText(item, m.group(1), lang), m.group(1)));
            if (!order.contains(m.group(1))) {
                order.add(m.group(1));
            }
            at = m.end();
        }
        if (at < text.length()) {
            segments.add(new ItemView.Segment(text.substring(at), null));
        }
        return segments;
    }

    private static String phraseText(Item.ListingTriage item, String id, String lang) {
        return item.phrases().stream().filter(p -> p.id().equals(id)).findFirst().map(p -> p.text().in(lang)).orElse(id);
    }

    /** The plain text of a listing with its phrases filled in, e.g. for the review page. */
    public static String listingText(String template, Item.ListingTriage item, String lang) {
        StringBuilder text = new StringBuilder();
        for (ItemView.Segment segment : segments(template, item, lang, new ArrayList<>())) {
            text.append(segment.text());
        }
        return text.toString();
    }

    /** What to show once the learner has answered. */
    public static Feedback feedback(Course course, Item item, String language) {
        String lang = course.languageFor(language);
        AnswerKey key = item.key();
        return new Feedback(item.id(), key, item.common().cue().in(lang, lang), item.common().explanation().in(lang, lang),
                item.images().stream().map(Image::description).map(d -> d.in(lang)).toList(),
                item.common().sources().stream().map(course.sources()::get).filter(Objects::nonNull).toList());
    }
}
