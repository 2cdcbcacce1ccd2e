package org.owlet.certification;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.event.Event;

import org.hibernate.Hibernate;
import org.owlet.learning.FinalAssessmentPassed;
import org.owlet.organization.Member;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Fires learning's "passed" event the way learning does, and finds the certificate it earned. */
final class Passes {

    private Passes() {
    }

    static FinalAssessmentPassed pass(Member member, String language, Instant at, boolean refresher) {
        Long company = member.company == null ? null : member.company.id;
        // a fresh attempt id: only its uniqueness matters (the certificate is found by it), also against a
        // database kept between runs, so it is not drawn from a fixed seed
        return new FinalAssessmentPassed(member.id, company, "sample", "1.0", null, language, 0.92,
                ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE), refresher, at);
    }

    static Certificate fire(Event<FinalAssessmentPassed> event, FinalAssessmentPassed passed) {
        event.fire(passed);
        return certificateOf(passed);
    }

    static Certificate certificateOf(FinalAssessmentPassed passed) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Certificate c = Certificate.findByAttempt(passed.attemptId()).orElseThrow();
            Hibernate.initialize(c.renews);
            return c;
        });
    }
}
