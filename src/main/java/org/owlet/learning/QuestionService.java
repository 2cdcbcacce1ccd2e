package org.owlet.learning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.owlet.catalog.CatalogService;
import org.owlet.catalog.model.Course;
import org.owlet.catalog.model.Item;
import org.owlet.catalog.view.ItemView;
import org.owlet.organization.Member;
import org.owlet.web.TimeSource;
import org.owlet.web.errors.NotFound;

/**
 * Renders questions and records each one on the server ({@link RenderedQuestion}): the key the page carries, the
 * time it was shown and the order of its options (shuffled for each rendered question). Reloading a question that is still unanswered shows the same
 * question again (same key, same order, same shown time), so a reload neither reshuffles nor resets the clock.
 */
@ApplicationScoped
public class QuestionService {

    /** A question ready for the page: the learner's view of the item (no key) in the order recorded. */
    public record Question(ItemView item, String key, int number, int total, boolean multiple) {
    }

    @Inject
    CatalogService catalog;

    @Inject
    TimeSource time;

    @Inject
    Shuffler shuffler;

    /** A drill card for the member (unnumbered). */
    @Transactional
    public Question drillCard(Member member, Course course, String drillId, String itemId, String language) {
        return render(member.id, course, Activity.DRILL, drillId, null, itemId, language, 0, 0);
    }

    /** A drill card for the member (unnumbered). */
    @Transactional
    public Question drillCard(long memberId, Course course, String drillId, String itemId, String language) {
        return render(memberId, course, Activity.DRILL, drillId, null, itemId, language, 0, 0);
    }

    /** Question {@code number} of {@code total} in an open attempt. */
    @Transactional
    public Question inAttempt(Member member, Course course, Attempt attempt, String itemId, String language, int number, int total) {
        return render(member.id, course, attempt.kind, attempt.moduleId, attempt, itemId, language, number, total);
    }

    private Question render(long member, Course course, Activity activity, String moduleId, Attempt attempt, String itemId,
            String language, int number, int total) {
        Item item = course.item(itemId).orElseThrow(() -> new NotFound("item " + itemId));
        ItemView authored = catalog.learnerView(course, item, language);
        RenderedQuestion rendered = open(member, course, activity, moduleId, attempt, itemId)
                .orElseGet(() -> record(member, course, activity, moduleId, attempt, itemId, firstOrder(authored)));
        ItemView view = ordered(authored, rendered.order());
        boolean multiple = view instanceof ItemView.ChoiceView choice && choice.multiple();
        return new Question(view, rendered.key, number, total, multiple);
    }

    /** The latest question of this item, in this drill or attempt and this course version, that has no answer yet. */
    private static Optional<RenderedQuestion> open(long member, Course course, Activity activity, String moduleId,
            Attempt attempt, String itemId) {
        if (attempt != null) {
            return RenderedQuestion.find("attempt.id = ?1 and itemId = ?2 and answered = false order by id desc", attempt.id, itemId)
                    .firstResultOptional();
        }
        return RenderedQuestion.find("member.id = ?1 and courseId = ?2 and itemId = ?3 and activity = ?4 and moduleId = ?5"
                + " and contentHash = ?6 and answered = false order by id desc", member, course.id(), itemId, activity, moduleId,
                course.contentHash()).firstResultOptional();
    }

    private RenderedQuestion record(long member, Course course, Activity activity, String moduleId, Attempt attempt,
            String itemId, List<String> order) {
        RenderedQuestion rendered = new RenderedQuestion();
        rendered.key = UUID.randomUUID().toString();
        rendered.member = Member.getEntityManager().getReference(Member.class, member);
        rendered.courseId = course.id();
        rendered.contentHash = course.contentHash();
        rendered.activity = activity;
        rendered.moduleId = moduleId;
        rendered.attempt = attempt == null ? null : Attempt.getEntityManager().getReference(Attempt.class, attempt.id);
        rendered.itemId = itemId;
        rendered.optionOrder = String.join(",", order);
        rendered.shownAt = time.now();
        rendered.persist();
        return rendered;
    }

    /**
     * The order a new question shows its options, hotspot regions (the keyboard list) and listing phrases in: shuffled
     * for every rendered question, in drills, quizzes, finals and refreshers alike, so the author's order (where the
     * right answer tends to come first) tells the learner nothing. The review pages keep the author's order.
     */
    private List<String> firstOrder(ItemView view) {
        List<String> ids = new ArrayList<>();
        if (view instanceof ItemView.ChoiceView choice) {
            choice.options().forEach(o -> ids.add(o.id()));
        } else if (view instanceof ItemView.HotspotView hotspot) {
            hotspot.regions().forEach(r -> ids.add(r.id()));
        } else if (view instanceof ItemView.TriageView triage) {
            triage.phrases().forEach(p -> ids.add(p.id()));
        }
        shuffler.shuffle(ids);
        return ids;
    }

    /** The view with its choices, regions or phrases in the recorded order. */
    static ItemView ordered(ItemView view, List<String> order) {
        if (view instanceof ItemView.ChoiceView c) {
            return new ItemView.ChoiceView(c.id(), c.type(), c.question(), c.image(), c.term(), c.termLanguage(),
                    sorted(c.options(), ItemView.OptionView::id, order), c.multiple());
        }
        if (view instanceof ItemView.HotspotView h) {
            return new ItemView.HotspotView(h.id(), h.type(), h.question(), h.image(), sorted(h.regions(), ItemView.RegionView::id, order));
        }
        if (view instanceof ItemView.TriageView t) {
            return new ItemView.TriageView(t.id(), t.type(), t.question(), t.listing(), sorted(t.phrases(), ItemView.PhraseView::id, order),
                    t.decisions());
        }
        return view;
    }

    private static <T> List<T> sorted(List<T> list, Function<T, String> id, List<String> order) {
        if (order.isEmpty()) {
            return list;
        }
        List<T> copy = new ArrayList<>(list);
        copy.sort(Comparator.comparingInt(t -> {
            int at = order.indexOf(id.apply(t));
            return at < 0 ? Integer.MAX_VALUE : at;
        }));
        return copy;
    }
}
