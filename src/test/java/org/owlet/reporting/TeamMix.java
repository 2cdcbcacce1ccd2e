package org.owlet.reporting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.owlet.certification.Certificate;
import org.owlet.certification.CertificationService;
import org.owlet.learning.Activity;
import org.owlet.learning.Assignment;
import org.owlet.learning.Attempt;
import org.owlet.learning.Enrolment;
import org.owlet.learning.FinalAssessmentPassed;
import org.owlet.organization.Company;
import org.owlet.organization.Member;
import org.owlet.organization.Region;
import org.owlet.testing.Fixtures;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A company with a known mix of members, built fresh for each test (earlier members of the company are detached, its
 * assignments deleted), relative to today (UTC). The sample course is the test catalog's only course. Expected figures
 * are in {@link TeamDashboardTest}.
 *
 * <pre>
 * admin Uma     signed-in admin, nothing started                  overdue (everyone assignment)
 * Nora          not enrolled; name is a spreadsheet formula       overdue (everyone assignment)
 * Ivan (vi)     in progress                                       overdue (everyone assignment)
 * Cora (fr)     completed, certificate expired 10 days ago        overdue (everyone assignment)
 * Cede          certified until today+200
 * Eve (zh-CN)   certified until today+20                          expiring 30/60/90
 * Sixty         certified until today+45                          expiring 60/90
 * Otto          in progress, own assignment due today-5           overdue (own assignment)
 * Jay           joined yesterday, after the everyone assignment   due yesterday+28: not overdue
 * Mo (fr)       moved from Globex yesterday, certified there      certified (today's team counts him)
 * </pre>
 *
 * The everyone assignment was made 30 days ago, due 2 days ago (28 days to complete).
 */
final class TeamMix {

    static final String SLUG = "umbrella";
    static final String COURSE = "sample";
    static final String NORA = "=HYPERLINK(\"http://evil.example\",\"x\")";

    final Company company;
    final LocalDate today;
    final Member uma, nora, ivan, cora, cede, eve, sixty, otto, jay, mo;

    private TeamMix(Company company, LocalDate today, Member uma, Member nora, Member ivan, Member cora, Member cede, Member eve,
            Member sixty, Member otto, Member jay, Member mo) {
        this.company = company;
        this.today = today;
        this.uma = uma;
        this.nora = nora;
        this.ivan = ivan;
        this.cora = cora;
        this.cede = cede;
        this.eve = eve;
        this.sixty = sixty;
        this.otto = otto;
        this.jay = jay;
        this.mo = mo;
    }

    static Company company() {
        return Fixtures.company(SLUG, "Umbrella Search", SLUG, "umbrella.example", Region.AFRICA);
    }

    /** Builds the mix; {@code admin} is the signed-in admin's member row (created by a first request). */
    static TeamMix build(Member admin) {
        Company company = company();
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        String tag = Long.toString(System.nanoTime(), 36);
        QuarkusTransaction.requiringNew().run(() -> {
            Assignment.delete("company.id = ?1", company.id);
            Member.update("company = null, companySince = null where company.id = ?1 and id <> ?2", company.id, admin.id);
            Member.update("companySince = ?1 where id = ?2", now.minus(Duration.ofDays(60)), admin.id);
        });
        Instant longAgo = now.minus(Duration.ofDays(60));
        Member nora = member(company, NORA, "nora." + tag + "@umbrella.example", "en", longAgo);
        Member ivan = member(company, "Ivan " + tag, "ivan." + tag + "@umbrella.example", "vi", longAgo);
        Member cora = member(company, "Cora " + tag, "cora." + tag + "@umbrella.example", "fr", longAgo);
        Member cede = member(company, "Cede " + tag, "cede." + tag + "@umbrella.example", "en", longAgo);
        Member eve = member(company, "Eve " + tag, "eve." + tag + "@umbrella.example", "zh-CN", longAgo);
        Member sixty = member(company, "Sixty " + tag, "sixty." + tag + "@umbrella.example", "en", longAgo);
        Member otto = member(company, "Otto " + tag, "otto." + tag + "@umbrella.example", "en", longAgo);
        Member jay = member(company, "Jay " + tag, "jay." + tag + "@umbrella.example", "en", now.minus(Duration.ofDays(1)));
        Member mo = member(Fixtures.globex(), "Mo " + tag, "mo." + tag + "@umbrella.example", "fr", longAgo);

        enrol(ivan, null, null);
        enrol(otto, null, null);
        enrol(cora, now.minus(Duration.ofDays(400)), "fr");
        certificate(cora, now.minus(Duration.ofDays(400)), today.minusDays(10));
        enrol(cede, now.minus(Duration.ofDays(100)), "en");
        certificate(cede, now.minus(Duration.ofDays(100)), today.plusDays(200));
        enrol(eve, now.minus(Duration.ofDays(300)), "zh-CN");
        certificate(eve, now.minus(Duration.ofDays(300)), today.plusDays(20));
        enrol(sixty, now.minus(Duration.ofDays(200)), "en");
        certificate(sixty, now.minus(Duration.ofDays(200)), today.plusDays(45));
        enrol(mo, now.minus(Duration.ofDays(50)), "fr");
        certificate(mo, now.minus(Duration.ofDays(50)), today.plusDays(300));
        QuarkusTransaction.requiringNew().run(() -> {
            Member moved = Member.findById(mo.id);
            moved.company = Company.findById(company.id);
            moved.companySince = now.minus(Duration.ofDays(1));
            moved.companySource = Member.CompanySource.ADMIN;
        });
        assignment(company, null, today.minusDays(2), now.minus(Duration.ofDays(30)));
        assignment(company, otto, today.minusDays(5), now.minus(Duration.ofDays(20)));
        return new TeamMix(company, today, admin, nora, ivan, cora, cede, eve, sixty, otto, jay, mo);
    }

    static Member member(Company company, String name, String email, String language, Instant since) {
        Member m = Fixtures.member(company, name, email);
        QuarkusTransaction.requiringNew().run(() -> {
            Member fresh = Member.findById(m.id);
            fresh.preferredLanguage = language;
            fresh.companySince = since;
        });
        return m;
    }

    static void enrol(Member member, Instant completedAt, String language) {
        QuarkusTransaction.requiringNew().run(() -> {
            Enrolment e = new Enrolment();
            e.member = Member.findById(member.id);
            e.courseId = COURSE;
            e.contentHash = "test";
            e.enrolledAt = Instant.now().minus(Duration.ofDays(500));
            e.lastActivityAt = Instant.now();
            e.completedAt = completedAt;
            e.completionLanguage = language;
            e.persist();
        });
    }

    /** A passed final at {@code at} and its certificate, then made to expire on {@code expiresOn}. */
    static Certificate certificate(Member member, Instant at, LocalDate expiresOn) {
        long attemptId = QuarkusTransaction.requiringNew().call(() -> {
            Attempt attempt = new Attempt();
            attempt.member = Member.findById(member.id);
            attempt.company = attempt.member.company;
            attempt.courseId = COURSE;
            attempt.courseVersion = "1.0";
            attempt.contentHash = "test";
            attempt.moduleId = "final";
            attempt.kind = Activity.FINAL;
            attempt.language = "en";
            attempt.itemIds = "q1";
            attempt.seed = 1;
            attempt.startedAt = at;
            attempt.submittedAt = at;
            attempt.score = 0.9;
            attempt.passed = true;
            attempt.persist();
            return attempt.id;
        });
        Long company = QuarkusTransaction.requiringNew().call(() -> {
            Member m = Member.findById(member.id);
            return m.company == null ? null : m.company.id;
        });
        CertificationService certification = Arc.container().instance(CertificationService.class).get();
        Certificate issued = QuarkusTransaction.requiringNew().call(() -> certification
                .issue(new FinalAssessmentPassed(member.id, company, COURSE, "1.0", null, "en", 0.9, attemptId, false, at)));
        QuarkusTransaction.requiringNew().run(() -> {
            Certificate c = Certificate.findById(issued.id);
            c.expiresOn = expiresOn;
            c.renewalOpensOn = expiresOn.minusDays(30);
        });
        return issued;
    }

    static void assignment(Company company, Member member, LocalDate dueOn, Instant createdAt) {
        QuarkusTransaction.requiringNew().run(() -> {
            Assignment a = new Assignment();
            a.company = Company.findById(company.id);
            a.member = member == null ? null : Member.findById(member.id);
            a.courseId = COURSE;
            a.dueOn = dueOn;
            a.createdAt = createdAt;
            a.persist();
        });
    }

    /** Final attempts failed long ago, as many as the sample final allows (3). */
    static void failFinals(Member member, int count) {
        for (int i = 0; i < count; i++) {
            int n = i;
            QuarkusTransaction.requiringNew().run(() -> {
                Attempt attempt = new Attempt();
                attempt.member = Member.findById(member.id);
                attempt.company = attempt.member.company;
                attempt.courseId = COURSE;
                attempt.courseVersion = "1.0";
                attempt.contentHash = "test";
                attempt.moduleId = "final";
                attempt.kind = Activity.FINAL;
                attempt.language = "en";
                attempt.itemIds = "q1";
                attempt.seed = 1;
                attempt.startedAt = Instant.now().minus(Duration.ofDays(10 - n));
                attempt.submittedAt = attempt.startedAt;
                attempt.score = 0.3;
                attempt.passed = false;
                attempt.persist();
            });
        }
    }
}
