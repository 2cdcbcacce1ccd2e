package org.owlet.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.owlet.catalog.model.Course;
import org.owlet.catalog.model.Item;
import org.owlet.catalog.model.Module;
import org.owlet.learning.srs.Sm2;
import org.owlet.organization.Member;
import org.owlet.testing.Fixtures;
import org.owlet.testing.MovableTime;
import org.owlet.web.TimeSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A learner who practises a deck far more than the schedule asks never breaks a card: 1,000 practice rounds (through
 * the services, with the movable clock) leave every due date within the interval cap, and practice answers to cards
 * that are not due leave their schedule as it was.
 */
@QuarkusTest
@Tag("db")
class PracticeRoundsTest {

    static final long SEED = 20261207L;

    @Inject
    EnrolmentService enrolments;

    @Inject
    DrillService drills;

    @Inject
    LearnerActions learner;

    @Test
    void aThousandPracticeRoundsKeepEveryCardWithinTheCap() {
        System.out.println("PracticeRoundsTest seed=" + SEED);
        Random random = new Random(SEED);
        MovableTime time = MovableTime.startingNow();
        QuarkusMock.installMockForType(time, TimeSource.class);
        Member member = Fixtures.member(null, "Keen Learner", "keen-" + UUID.randomUUID() + "@individual.example");
        Course course = enrolments.course("sample");
        Module.Drill drill = drills.drill(course, "cards");
        int rescheduled = 0;
        StringBuilder trace = new StringBuilder();
        for (int round = 0; round < 1000; round++) {
            // each round reads afresh, as each page request does (the test method's own session would cache rows)
            String itemId = QuarkusTransaction.requiringNew().call(() -> drills.nextCard(member, course, drill, true)).orElseThrow();
            Item item = course.item(itemId).orElseThrow();
            CardSchedule before = schedule(member, itemId);
            boolean right = random.nextInt(10) > 0; // nine in ten right
            Submission submission = right ? RightAnswers.of(item) : new Submission(null, "no-such-region", null, null, null, "allow", null,
                    null);
            learner.answerCard(member, "sample", "cards", itemId, submission);
            CardSchedule after = schedule(member, itemId);
            if (round < 40) {
                trace.append(round).append(':').append(itemId).append(right ? "+" : "-").append(" due ").append(after.due).append('\n');
            }
            if (before != null && before.due.isAfter(time.now())) {
                // practice outside the schedule: the schedule stays as it was
                assertThat(after.due).isEqualTo(before.due);
                assertThat(after.repetitions).isEqualTo(before.repetitions);
            } else {
                rescheduled++;
            }
            assertThat(after.intervalDays).isLessThanOrEqualTo(Sm2.MAX_INTERVAL_DAYS);
            assertThat(after.due).isBeforeOrEqualTo(time.now().plus(Duration.ofDays(Sm2.MAX_INTERVAL_DAYS)));
            time.advance(Duration.ofHours(1 + random.nextInt(48)));
        }
        List<CardSchedule> all = QuarkusTransaction.requiringNew().call(() -> CardSchedule.list("member.id", member.id));
        assertThat(all).as("every card answered; the first rounds:%n%s", trace).hasSize(drill.deck().size());
        Instant latest = time.now().plus(Duration.ofDays(Sm2.MAX_INTERVAL_DAYS));
        assertThat(all).allSatisfy(s -> assertThat(s.due).isBeforeOrEqualTo(latest));
        assertThat(rescheduled).as("scheduled reviews among the rounds").isPositive().isLessThan(1000);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Answer.count("member.id", member.id))).isEqualTo(1000);
    }

    private static CardSchedule schedule(Member member, String itemId) {
        return QuarkusTransaction.requiringNew().call(() -> CardSchedule.<CardSchedule> find("member.id = ?1 and itemId = ?2", member.id,
                itemId).firstResult());
    }
}
