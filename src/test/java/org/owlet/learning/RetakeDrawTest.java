package org.owlet.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.owlet.catalog.model.Module;
import org.owlet.organization.Member;
import org.owlet.testing.Fixtures;
import org.owlet.testing.MovableTime;
import org.owlet.web.TimeSource;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

/** A retake of the final, and a refresher, ask the items earlier attempts did not before repeating any. */
@QuarkusTest
class RetakeDrawTest {

    @Inject
    EnrolmentService enrolments;

    @Inject
    AssessmentService assessments;

    @Inject
    LearnerActions learner;

    @Test
    void aRetakeAsksTheUnseenItemsFirst() {
        MovableTime time = MovableTime.startingNow();
        QuarkusMock.installMockForType(time, TimeSource.class);
        Member member = Fixtures.member(null, "Second Try", "retake-" + UUID.randomUUID() + "@individual.example");
        Module.FinalAssessment assessment = enrolments.course("sample").finalAssessment().orElseThrow();
        enrolments.markRead(member, "sample", "basics");
        learner.answerEveryCard(member, "sample");
        learner.submit(member, assessments.start(member, "sample", "check"));
        Attempt first = assessments.start(member, "sample", "final");
        learner.submit(member, first); // nothing answered: failed
        time.advance(Duration.ofHours(assessment.coolDownHours() + 1));
        Attempt second = assessments.start(member, "sample", "final");
        Set<String> unseen = new HashSet<>(assessment.pool());
        unseen.removeAll(first.items());
        assertThat(unseen).as("the sample final's pool is larger than its draw").isNotEmpty();
        int fresh = Math.min(unseen.size(), second.items().size());
        // the retake asks what the first attempt did not, as far as the pool has such items, before repeating any
        assertThat(second.items().subList(0, fresh)).allMatch(unseen::contains);
        assertThat(second.items().subList(fresh, second.items().size())).allMatch(first.items()::contains);
        learner.submit(member, second);
        // a refresher: every item was asked by now, so it draws from the whole pool again
        Attempt refresher = assessments.startRefresher(member, "sample");
        assertThat(refresher.items()).hasSize(AssessmentService.refresherDraw(assessment));
    }

    @Test
    void theDrawPutsUnseenItemsFirstAndKeepsTheSeedsOrderOtherwise() {
        List<String> pool = List.of("a", "b", "c", "d", "e", "f");
        List<String> plain = AssessmentService.draw(pool, 6, 42L);
        List<String> retake = AssessmentService.draw(pool, 4, 42L, Set.of(plain.get(0), plain.get(1)));
        assertThat(retake).containsExactly(plain.get(2), plain.get(3), plain.get(4), plain.get(5));
        assertThat(AssessmentService.draw(pool, 3, 42L, Set.of())).containsExactlyElementsOf(plain.subList(0, 3));
    }
}
