package org.owlet.certification;

import java.time.Instant;

import jakarta.enterprise.event.Event;

import org.hibernate.Hibernate;
import org.owlet.learning.Activity;
import org.owlet.learning.Attempt;
import org.owlet.learning.FinalAssessmentPassed;
import org.owlet.organization.Member;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Fires learning's "passed" event the way learning does, and finds the certificate it earned. */
public final class Passes {

    private Passes() {
    }

    /** A pass of the sample course's final (or a refresher) at {@code at}: a submitted, passed attempt and its event. */
    public static FinalAssessmentPassed pass(Member member, String language, Instant at, boolean refresher) {
        Long company = member.company == null ? null : member.company.id;
        long attemptId = QuarkusTransaction.requiringNew().call(() -> {
            Attempt attempt = new Attempt();
            attempt.member = Member.findById(member.id);
            attempt.company = attempt.member.company;
            attempt.courseId = "sample";
            attempt.courseVersion = "1.0";
            attempt.contentHash = "test";
            attempt.moduleId = "final";
            attempt.kind = refresher ? Activity.REFRESHER : Activity.FINAL;
            attempt.language = language;
            attempt.itemIds = "q1";
            attempt.seed = 1;
            attempt.startedAt = at;
            attempt.submittedAt = at;
            attempt.score = 0.92;
            attempt.passed = true;
            attempt.persist();
            return attempt.id;
        });
        return new FinalAssessmentPassed(member.id, company, "sample", "1.0", null, language, 0.92, attemptId, refresher, at);
    }

    public static Certificate fire(Event<FinalAssessmentPassed> event, FinalAssessmentPassed passed) {
        event.fire(passed);
        return certificateOf(passed);
    }

    public static Certificate certificateOf(FinalAssessmentPassed passed) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Certificate c = Certificate.findByAttempt(passed.attemptId()).orElseThrow();
            Hibernate.initialize(c.renews);
            return c;
        });
    }
}
