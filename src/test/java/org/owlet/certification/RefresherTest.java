package org.owlet.certification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.owlet.catalog.CatalogService;
import org.owlet.catalog.model.Item;
import org.owlet.learning.Activity;
import org.owlet.learning.AssessmentService;
import org.owlet.learning.Attempt;
import org.owlet.learning.EnrolmentService;
import org.owlet.learning.LearnerActions;
import org.owlet.learning.RightAnswers;
import org.owlet.organization.Member;
import org.owlet.testing.MovableTime;
import org.owlet.web.TimeSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

/** Renewal end to end: a certificate in its renewal window opens a refresher; passing it renews the certificate. */
@QuarkusTest
@Tag("db")
class RefresherTest {

    @Inject
    AssessmentService learning;

    @Inject
    EnrolmentService enrolments;

    @Inject
    LearnerActions learner;

    @Inject
    CatalogService catalog;

    private Attempt passAll(Member member, Attempt attempt) {
        for (String itemId : attempt.items()) {
            Item item = catalog.course("sample").orElseThrow().item(itemId).orElseThrow();
            learner.answer(member, attempt, itemId, RightAnswers.of(item));
        }
        return QuarkusTransaction.requiringNew().call(() -> learning.submit(member, attempt.id, "en"));
    }

    @Test
    @TestSecurity(user = "remy@acme.example", roles = "learner")
    @OidcSecurity(claims = { @Claim(key = "sub", value = "remy-renews"), @Claim(key = "name", value = "Remy Renewer"),
            @Claim(key = "email", value = "remy@acme.example") })
    void aRefresherInTheRenewalWindowRenewsTheCertificate() {
        MovableTime time = MovableTime.startingNow();
        QuarkusMock.installMockForType(time, TimeSource.class);
        given().get("/me").then().statusCode(200);
        Member remy = QuarkusTransaction.requiringNew().call(() -> Member.findBySubject("remy-renews").orElseThrow());
        enrolments.markRead(remy, "sample", "basics");
        learner.answerEveryCard(remy, "sample");
        Attempt quiz = learning.start(remy, "sample", "check");
        QuarkusTransaction.requiringNew().call(() -> learning.submit(remy, quiz.id, "en"));
        Attempt fin = passAll(remy, learning.start(remy, "sample", "final"));
        assertThat(fin.passed).isTrue();
        Certificate first = QuarkusTransaction.requiringNew()
                .call(() -> Certificate.<Certificate> find("member.id", remy.id).firstResult());
        given().get("/home").then().statusCode(200).body(containsString("My certificates")).body(containsString("valid until"));
        // before the window: no refresher
        given().redirects().follow(false).post("/me/certificates/" + first.id + "/refresher").then().statusCode(409);
        // 23 months later the 60-day window is open
        time.advance(Duration.ofDays(700));
        given().get("/me/certificates").then().statusCode(200).body(containsString("/me/certificates/" + first.id + "/refresher"));
        given().get("/home").then().statusCode(200).body(containsString("renew now"));
        String location = given().redirects().follow(false).post("/me/certificates/" + first.id + "/refresher")
                .then().statusCode(303).extract().header("Location");
        long attemptId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        Attempt refresher = QuarkusTransaction.requiringNew().call(() -> Attempt.<Attempt> findById(attemptId));
        assertThat(refresher.kind).isEqualTo(Activity.REFRESHER);
        assertThat(refresher.items()).hasSize(5);
        given().get("/learn/attempts/" + attemptId).then().statusCode(200).body(containsString("Save and continue"));
        assertThat(passAll(remy, refresher).passed).isTrue();
        List<Certificate> all = QuarkusTransaction.requiringNew()
                .call(() -> Certificate.<Certificate> list("member.id = ?1 order by id", remy.id));
        assertThat(all).hasSize(2);
        assertThat(all.get(1).expiresOn).isAfter(all.get(0).expiresOn);
    }
}
