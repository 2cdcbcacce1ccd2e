package org.owlet.certification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.owlet.learning.FinalAssessmentPassed;
import org.owlet.organization.AuditEntry;
import org.owlet.organization.Member;
import org.owlet.testing.Fixtures;
import org.owlet.web.errors.InvalidInput;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** Past the holder's three corrections, a coalition admin corrects the name, with a reason; audited, editions kept. */
@QuarkusTest
@TestSecurity(user = "cora@coalition.example", roles = { "learner", "coalition-admin" })
class AdminNameCorrectionTest {

    @Inject
    Event<FinalAssessmentPassed> passed;

    @Inject
    CertificationService certificates;

    @Test
    void anAdminCorrectsANamePastTheHoldersLimit() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Member holder = Fixtures.member(Fixtures.acme(), "Hana Holder", "hana." + tag + "@acme.example");
        Certificate c = Passes.fire(passed, Passes.pass(holder, "en", Instant.now(), false));
        for (String name : new String[] { "Hana H.", "Hana Holdr", "Hana Holdre" }) {
            QuarkusTransaction.requiringNew().run(() -> certificates.correctName(holder, name));
        }
        assertThat(org.junit.jupiter.api.Assertions.assertThrows(InvalidInput.class,
                () -> QuarkusTransaction.requiringNew().run(() -> certificates.correctName(holder, "Hana Holder-Smith"))))
                .isNotNull();

        Document list = Jsoup.parse(given().queryParam("q", c.code).get("/admin/certificates").then().statusCode(200).extract().asString());
        assertThat(list.select("a[href='/admin/certificates/" + c.id + "/name']")).hasSize(1);
        Document form = Jsoup.parse(given().get("/admin/certificates/" + c.id + "/name").then().statusCode(200).extract().asString());
        assertThat(form.selectFirst("input#name").attr("value")).isEqualTo("Hana Holdre");

        Document refused = Jsoup.parse(given().formParam("name", "Hana Holder-Smith").formParam("reason", " ")
                .post("/admin/certificates/" + c.id + "/name").then().statusCode(400).extract().asString());
        assertThat(refused.select(".error-summary a").eachAttr("href")).containsExactly("#reason");
        assertThat(refused.selectFirst("input#name").attr("value")).isEqualTo("Hana Holder-Smith");

        given().redirects().follow(false).formParam("name", "Hana Holder-Smith").formParam("reason", "Passport shows a double name")
                .post("/admin/certificates/" + c.id + "/name").then().statusCode(303);
        Certificate after = QuarkusTransaction.requiringNew().call(() -> Certificate.<Certificate> findById(c.id));
        assertThat(after.holderName).isEqualTo("Hana Holder-Smith");
        assertThat(after.edition).isEqualTo(5);
        assertThat(after.code).isEqualTo(c.code);
        assertThat(QuarkusTransaction.requiringNew().call(() -> CertificateEdition.count("certificate.id", c.id))).isEqualTo(4);
        String details = QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry> find(
                "action = 'certificate.name_corrected' and target.id = ?1 order by id desc", holder.id).firstResult().details);
        assertThat(details).contains("Hana Holdre", "Hana Holder-Smith", "Passport shows a double name");
    }
}
