package org.owlet.certification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.owlet.learning.FinalAssessmentPassed;
import org.owlet.organization.Member;
import org.owlet.testing.Fixtures;
import org.owlet.testing.Tables;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

/** Revoking asks first on a page of its own (no script needed), then says what happened. */
@QuarkusTest
@Tag("db")
@TestSecurity(user = "cora@coalition.example", roles = { "learner", "coalition-admin" })
@OidcSecurity(claims = { @Claim(key = "sub", value = "cora-subject"), @Claim(key = "name", value = "Cora Coalition"),
        @Claim(key = "email", value = "cora@coalition.example") })
class RevocationConfirmTest {

    @Inject
    Event<FinalAssessmentPassed> passed;

    private static Document page(String path, int status) {
        return Jsoup.parse(given().get(path).then().statusCode(status).extract().asString());
    }

    @Test
    void revokingAsksOnASecondPageAndThenSaysWhatHappened() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Member learner = Fixtures.member(Fixtures.acme(), "Rita Revoked " + tag, "rita." + tag + "@acme.example");
        Certificate c = Passes.fire(passed, Passes.pass(learner, "en", Instant.now(), false));

        Document list = page("/admin/certificates", 200);
        Tables.assertStacks(list, "main table");
        assertThat(list.select("form[action=/admin/certificates/" + c.id + "/revoke]")).as("no revoking from the list").isEmpty();
        Element link = list.selectFirst("a[href=/admin/certificates/" + c.id + "/revoke]");
        assertThat(link).isNotNull();
        assertThat(link.ownText()).isEqualTo("Revoke");
        assertThat(link.select(".visually-hidden").text()).isEqualTo(c.displayCode());

        Document confirm = page("/admin/certificates/" + c.id + "/revoke", 200);
        assertThat(confirm.selectFirst("h1").text()).isEqualTo("Revoke certificate " + c.displayCode() + "?");
        assertThat(confirm.select("dl.facts").text()).contains("Rita Revoked " + tag, "Sample course", "Acme Marketplace");
        assertThat(confirm.select("script")).as("works without JavaScript")
                .allSatisfy(s -> assertThat(s.attr("src")).isNotBlank());
        Element form = confirm.selectFirst("main form[method=post][action=/admin/certificates/" + c.id + "/revoke]");
        assertThat(form).isNotNull();
        assertThat(form.select("textarea[name=reason][required]")).hasSize(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Certificate.<Certificate> findById(c.id).revokedAt))
                .as("looking is not revoking").isNull();

        Document refused = Jsoup.parse(given().formParam("reason", "  ").post("/admin/certificates/" + c.id + "/revoke").then()
                .statusCode(400).extract().asString());
        assertThat(refused.select(".error-summary a[href=#reason]").text()).isEqualTo("Give a reason for revoking this certificate.");
        assertThat(refused.select("textarea#reason[aria-invalid=true]")).hasSize(1);

        given().redirects().follow(false).formParam("reason", "Exam taken by a colleague")
                .post("/admin/certificates/" + c.id + "/revoke").then().statusCode(303)
                .header("Location", endsWith("/admin/certificates?revoked=" + c.id));
        Document after = page("/admin/certificates?revoked=" + c.id, 200);
        assertThat(after.select(".notice[role=status]").text())
                .isEqualTo("Certificate " + c.displayCode() + " (Sample course) was revoked.");
        assertThat(after.select("a[href=/admin/certificates/" + c.id + "/revoke]")).isEmpty();
    }

    @Test
    void theListSearchesByCodeOrHolderName() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Member sam = Fixtures.member(Fixtures.acme(), "Samira Search " + tag, "samira." + tag + "@acme.example");
        Member tom = Fixtures.member(Fixtures.acme(), "Tomas Other " + tag, "tomas." + tag + "@acme.example");
        Certificate samsCertificate = Passes.fire(passed, Passes.pass(sam, "en", Instant.now(), false));
        Certificate tomsCertificate = Passes.fire(passed, Passes.pass(tom, "en", Instant.now(), false));

        Document byName = Jsoup.parse(given().queryParam("q", "samira SEARCH " + tag).get("/admin/certificates").then()
                .statusCode(200).extract().asString());
        assertThat(byName.select("input#q").val()).isEqualTo("samira SEARCH " + tag);
        assertThat(byName.select("tbody tr")).hasSize(1);
        assertThat(byName.select("tbody tr").text()).contains(samsCertificate.displayCode());

        String code = tomsCertificate.displayCode().toLowerCase();
        Document byCode = Jsoup.parse(given().queryParam("q", code).get("/admin/certificates").then().statusCode(200).extract()
                .asString());
        assertThat(byCode.select("tbody tr")).hasSize(1);
        assertThat(byCode.select("tbody tr").text()).contains("Tomas Other " + tag);

        Document none = Jsoup.parse(given().queryParam("q", "nobody-" + tag + "%_").get("/admin/certificates").then()
                .statusCode(200).extract().asString());
        assertThat(none.select("tbody tr")).isEmpty();
        assertThat(none.select("main p").text()).contains("No certificate matches “nobody-" + tag + "%_”.");
    }
}
