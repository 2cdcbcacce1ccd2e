package org.owlet.reporting.xapi;

import java.time.Duration;
import java.time.Instant;

import org.owlet.certification.Certificate;
import org.owlet.certification.CertificationService;
import org.owlet.learning.Activity;
import org.owlet.learning.Attempt;
import org.owlet.learning.FinalAssessmentPassed;
import org.owlet.organization.Company;
import org.owlet.organization.Member;
import org.owlet.testing.Fixtures;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** A learner's finals and certificates at chosen times, written through the entities (the test catalog's sample course). */
final class XapiRecords {

    static final String COURSE = "sample";

    private XapiRecords() {
    }

    static Member learner(Company company, String tag) {
        return Fixtures.member(company, "Xavi " + tag, "xavi." + tag + "@acme.example");
    }

    /** A submitted final (or refresher) of two items, started 12 minutes before {@code at}. */
    static long attempt(Member member, Activity kind, Instant at, double score, boolean passed) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Attempt attempt = new Attempt();
            attempt.member = Member.findById(member.id);
            attempt.company = attempt.member.company;
            attempt.courseId = COURSE;
            attempt.courseVersion = "1.0";
            attempt.contentHash = "test";
            attempt.moduleId = "final";
            attempt.kind = kind;
            attempt.language = "fr";
            attempt.itemIds = "code-white,angle-rule";
            attempt.seed = 1;
            attempt.startedAt = at.minus(Duration.ofMinutes(12));
            attempt.submittedAt = at;
            attempt.score = score;
            attempt.passed = passed;
            attempt.persist();
            return attempt.id;
        });
    }

    /** The certificate of a passed attempt, issued at {@code at}. */
    static Certificate certificate(Member member, long attemptId, Instant at) {
        Long company = QuarkusTransaction.requiringNew().call(() -> {
            Member m = Member.findById(member.id);
            return m.company == null ? null : m.company.id;
        });
        CertificationService certification = Arc.container().instance(CertificationService.class).get();
        Certificate issued = QuarkusTransaction.requiringNew()
                .call(() -> certification
                        .issue(new FinalAssessmentPassed(member.id, company, COURSE, "1.0", null, "fr", 1.0, attemptId, false, at)));
        QuarkusTransaction.requiringNew().run(() -> Certificate.<Certificate> findById(issued.id).issuedAt = at);
        return issued;
    }
}
