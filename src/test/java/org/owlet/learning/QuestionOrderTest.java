package org.owlet.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import jakarta.inject.Inject;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.owlet.catalog.model.AnswerKey;
import org.owlet.catalog.model.Course;
import org.owlet.catalog.model.Item;
import org.owlet.catalog.view.ItemView;
import org.owlet.organization.Member;
import org.owlet.testing.Fixtures;
import org.owlet.testing.MovableTime;
import org.owlet.web.TimeSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every rendered question shows its options, hotspot regions and listing phrases in a shuffled order, recorded with
 * the question: over 1,000 rendered questions of each kind (drill cards, quiz questions, final questions) the right
 * answer's place is uniform within ±5 points, and a reload of the same question shows the same order.
 */
@QuarkusTest
class QuestionOrderTest {

    static final long SEED = 1207L;

    static final int QUESTIONS = 1000;

    /** How many questions of each kind are also reloaded (the same key, order and time must come back). */
    static final int RELOADS = 50;

    MovableTime time;

    @Inject
    EnrolmentService enrolments;

    @Inject
    LearnerActions learner;

    @Inject
    AssessmentService assessments;

    @Inject
    QuestionService questions;

    /** The shuffler with a fixed seed. */
    public static class SeededShuffler extends Shuffler {
        SeededShuffler(long seed) {
            super(new Random(seed));
        }
    }

    /** Where the right answer stands among the shown choices (option, or hotspot region in the keyboard list). */
    private static int rightPlace(Item item, ItemView view) {
        if (view instanceof ItemView.ChoiceView choice && item.key() instanceof AnswerKey.Choice key) {
            List<String> ids = choice.options().stream().map(ItemView.OptionView::id).toList();
            return ids.indexOf(key.correct().iterator().next());
        }
        if (view instanceof ItemView.HotspotView hotspot && item.key() instanceof AnswerKey.Regions key) {
            List<String> ids = hotspot.regions().stream().map(ItemView.RegionView::id).toList();
            return ids.indexOf(key.targets().iterator().next());
        }
        return -1;
    }

    /** Counts of the right answer's place, per number of choices shown. */
    static final class Places {
        final int[][] counts = new int[10][10];

        void add(int choices, int place) {
            counts[choices][place]++;
        }

        void assertUniform(String what) {
            for (int choices = 2; choices < counts.length; choices++) {
                int total = 0;
                for (int c : counts[choices]) {
                    total += c;
                }
                if (total < 200) {
                    continue; // too few questions with this many choices to speak of uniformity
                }
                for (int place = 0; place < choices; place++) {
                    double share = 100.0 * counts[choices][place] / total;
                    System.out.printf("%s: %d choices, place %d: %.1f %% of %d%n", what, choices, place + 1, share, total);
                    assertThat(share).as("%s with %d choices: right answer at place %d", what, choices, place + 1)
                            .isCloseTo(100.0 / choices, Offset.offset(5.0));
                }
            }
        }
    }

    @Test
    void theRightAnswersPlaceIsUniformAndAReloadKeepsTheOrder() {
        System.out.println("QuestionOrderTest seed=" + SEED);
        QuarkusMock.installMockForType(new SeededShuffler(SEED), Shuffler.class);
        time = MovableTime.startingNow();
        QuarkusMock.installMockForType(time, TimeSource.class);
        Course course = enrolments.course("sample");
        Member member = Fixtures.member(null, "Order Watcher", "order-" + UUID.randomUUID() + "@individual.example");
        List<String> deck = List.of("carving-material", "find-lines");
        Places drill = new Places();
        Places quiz = new Places();
        Places fin = new Places();
        for (int i = 0; i < QUESTIONS; i++) {
            String itemId = deck.get(i % deck.size());
            QuestionService.Question shown = questions.drillCard(member, course, "cards", itemId, "en");
            if (i < RELOADS) {
                assertThat(questions.drillCard(member, course, "cards", itemId, "en")).isEqualTo(shown);
            }
            record(drill, course, shown);
            answered(shown.key());
        }
        enrolments.markRead(member, "sample", "basics");
        learner.answerEveryCard(member, "sample");
        fill(quiz, course, member, "check");
        fill(fin, course, member, "final");
        drill.assertUniform("drill cards");
        quiz.assertUniform("quiz questions");
        fin.assertUniform("final questions");
    }

    /** Renders questions of attempts at this module until 1,000 choice or hotspot questions were shown. */
    private void fill(Places places, Course course, Member member, String moduleId) {
        int shownCount = 0;
        while (shownCount < QUESTIONS) {
            if (moduleId.equals("final")) {
                time.advance(Duration.ofHours(25)); // past the cool-down, with one more attempt granted
                assessments.grantAttempt(null, member, "sample", "order test");
            }
            Attempt attempt = assessments.start(member, "sample", moduleId);
            for (String itemId : attempt.items()) {
                QuestionService.Question shown = questions.inAttempt(member, course, attempt, itemId, "en", 1, attempt.items().size());
                if (shownCount < RELOADS) {
                    assertThat(questions.inAttempt(member, course, attempt, itemId, "en", 1, attempt.items().size())).isEqualTo(shown);
                }
                if (record(places, course, shown)) {
                    shownCount++;
                }
            }
            assessments.submit(member, attempt.id, "en");
        }
    }

    private static boolean record(Places places, Course course, QuestionService.Question shown) {
        Item item = course.item(shown.item().id()).orElseThrow();
        int place = rightPlace(item, shown.item());
        int choices = shown.item() instanceof ItemView.ChoiceView c ? c.options().size()
                : shown.item() instanceof ItemView.HotspotView h ? h.regions().size() : 0;
        if (place < 0 || choices < 2) {
            return false;
        }
        places.add(choices, place);
        return true;
    }

    /** Marks the question answered, so the next rendering of the item is a new question. */
    private static void answered(String key) {
        QuarkusTransaction.requiringNew().run(() -> RenderedQuestion.update("answered = true where key = ?1", key));
    }
}
