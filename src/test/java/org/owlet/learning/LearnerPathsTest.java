package org.owlet.learning;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.owlet.catalog.CatalogService;
import org.owlet.catalog.model.Course;
import org.owlet.catalog.model.Module;
import org.owlet.organization.Member;
import org.owlet.testing.Fixtures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;

/** Where a learner goes next: after passing the final, after an answer, after signing in. */
@QuarkusTest
@Tag("db")
class LearnerPathsTest {

    static final String COURSE = "sample";

    @Inject
    CatalogService catalog;

    @Inject
    LearnerActions learner;

    @Inject
    EnrolmentService enrolments;

    @Inject
    AssessmentService assessments;

    private Course course() {
        return catalog.course(COURSE).orElseThrow();
    }

    private static Document get(String path) {
        return Jsoup.parse(given().get(path).then().statusCode(200).extract().asString());
    }

    /** The signed-in test user as a member (the first request creates it). */
    private static Member me(String subject) {
        given().get("/learn").then().statusCode(200);
        return QuarkusTransaction.requiringNew().call(() -> Member.findBySubject(subject).orElseThrow());
    }

    /** Every card of every drill deck answered once, as the drill pages would. */
    void answerEveryCard(Member member) {
        for (Module module : course().modules()) {
            if (module instanceof Module.Drill drill) {
                for (String itemId : drill.deck()) {
                    learner.answerCard(member, COURSE, drill.id(), itemId, RightAnswers.of(course().item(itemId).orElseThrow()));
                }
            }
        }
    }

    /** Reads the lessons, does every drill deck once and every quiz: the final's gate is met. */
    void meetTheGate(Member member) {
        course().modules().stream().filter(Module.Lesson.class::isInstance).forEach(l -> enrolments.markRead(member, COURSE, l.id()));
        answerEveryCard(member);
        for (Module module : course().modules()) {
            if (module instanceof Module.Quiz quiz) {
                Attempt attempt = assessments.start(member, COURSE, quiz.id());
                for (String itemId : attempt.items()) {
                    learner.answer(member, attempt, itemId, RightAnswers.of(course().item(itemId).orElseThrow()));
                }
                learner.submit(member, attempt);
            }
        }
    }

    /** Meets the gate and passes the final with every answer right; returns the passed attempt. */
    Attempt passTheCourse(Member member) {
        meetTheGate(member);
        Attempt fin = assessments.start(member, COURSE, "final");
        for (String itemId : fin.items()) {
            learner.answer(member, fin, itemId, RightAnswers.of(course().item(itemId).orElseThrow()));
        }
        return learner.submit(member, fin);
    }

    @Test
    @TestSecurity(user = "cora@acme.example", roles = "learner")
    @OidcSecurity(claims = { @Claim(key = "sub", value = "cora-completed"), @Claim(key = "name", value = "Cora Completer"),
            @Claim(key = "email", value = "cora@acme.example"), @Claim(key = "email_verified", value = "true", type = ClaimType.BOOLEAN) })
    void aPassedFinalLeadsToTheCertificateAndShowsTheCourseAsCompleted() {
        Fixtures.acme();
        Member cora = me("cora-completed");
        Attempt passed = passTheCourse(cora);
        assertThat(passed.passed).isTrue();
        // the result page links to the certificate and back to the course
        Document result = get("/learn/attempts/" + passed.id + "/result");
        assertThat(result.select(".completed a[href=/me/certificates]")).isNotEmpty();
        assertThat(result.select(".completed a[href=/learn/" + COURSE + "]")).isNotEmpty();
        // the course page: Completed, links to the result and the certificate, no attempts left
        Document coursePage = get("/learn/" + COURSE);
        Element finalRow = coursePage.selectFirst("li.task#final");
        assertThat(finalRow.select(".task-state").text()).isEqualTo("Completed");
        assertThat(finalRow.text()).doesNotContain("Attempts left");
        assertThat(finalRow.select("a[href=/learn/attempts/" + passed.id + "/result]")).isNotEmpty();
        assertThat(finalRow.select("a[href=/me/certificates]")).isNotEmpty();
        assertThat(coursePage.select(".notice.completed").text()).contains("Completed");
        // the catalog: Completed, not "% done · Continue"
        Element card = get("/learn").select(".card").stream().filter(c -> c.select("h2 a[href=/learn/" + COURSE + "]").size() > 0)
                .findFirst().orElseThrow();
        assertThat(card.text()).contains("Completed").doesNotContain("% done").doesNotContain("Continue");
        // home: under the completed courses, not under "Continue"
        Document home = get("/home");
        assertThat(home.select(".completed-courses a[href=/learn/" + COURSE + "]")).isNotEmpty();
        assertThat(home.select(".continue").text()).doesNotContain("Sample course");
        // the certificate the links lead to exists
        assertThat(get("/me/certificates").text()).contains("Sample course");
    }

    static List<String> texts(Document page, String selector) {
        return page.select(selector).eachText();
    }
}
