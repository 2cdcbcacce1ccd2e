package org.owlet.organization;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.owlet.testing.Fixtures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;

@QuarkusTest
@Tag("db")
class AccountTest {

    @Inject
    MemberService members;

    @Test
    @TestSecurity(user = "gina@globex.example", roles = "learner")
    @OidcSecurity(claims = { @Claim(key = "sub", value = "gina-export"), @Claim(key = "name", value = "Gina Globex"),
            @Claim(key = "email", value = "gina@globex.example"),
            @Claim(key = "email_verified", value = "true", type = ClaimType.BOOLEAN) })
    void aLearnerDownloadsEverythingOwletHoldsAboutThem() {
        Fixtures.globex();
        given().get("/me/data.json").then().statusCode(200)
                .header("Content-Disposition", endsWith("owlet-my-data.json\""))
                .body("profile.name", equalTo("Gina Globex"))
                .body("profile.email", equalTo("gina@globex.example"))
                .body("profile.company", equalTo("Globex Social"))
                .body("administrativeRecords[0].action", equalTo("member.company-changed"));
    }

    @Test
    @TestSecurity(user = "erin@globex.example", roles = "learner")
    @OidcSecurity(claims = { @Claim(key = "sub", value = "erin-erase"), @Claim(key = "name", value = "Erin Erasable"),
            @Claim(key = "email", value = "erin@globex.example"),
            @Claim(key = "email_verified", value = "true", type = ClaimType.BOOLEAN) })
    void erasureRemovesPersonalDataButKeepsTheCount() {
        Company globex = Fixtures.globex();
        given().get("/me").then().statusCode(200);
        long before = QuarkusTransaction.requiringNew().call(() -> members.countInCompany(Company.findById(globex.id)));
        given().formParam("confirm", "nope").post("/me/erase").then().statusCode(400);
        given().redirects().follow(false).formParam("confirm", "erase").post("/me/erase")
                .then().statusCode(307).header("Location", endsWith("/logout"));
        Member erased = QuarkusTransaction.requiringNew().call(() -> Member.<Member> find(
                "personKey is not null and erasedAt is not null and subject like 'erased:%' and company.id = ?1 order by erasedAt desc",
                globex.id).firstResult());
        assertThat(erased.displayName).isNull();
        assertThat(erased.email).isNull();
        assertThat(erased.subject).isEqualTo("erased:" + erased.personKey);
        assertThat(QuarkusTransaction.requiringNew().call(() -> members.countInCompany(Company.findById(globex.id)))).isEqualTo(before);
        assertThat(QuarkusTransaction.requiringNew().call(() -> AuditEntry.count(
                "actorLabel like '%Erin%' or targetLabel like '%Erin%' or actorLabel like '%erin@%' or targetLabel like '%erin@%'")))
                .isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> Member.findBySubject("erin-erase"))).isEmpty();
    }

    @Test
    @TestSecurity(user = "felix@globex.example", roles = "learner")
    @OidcSecurity(claims = { @Claim(key = "sub", value = "felix-efface"), @Claim(key = "name", value = "Félix Effacé"),
            @Claim(key = "email", value = "felix@globex.example"),
            @Claim(key = "email_verified", value = "true", type = ClaimType.BOOLEAN) })
    void theConfirmationWordIsInThePagesLanguage() {
        given().cookie("owlet_lang", "fr").get("/me").then().statusCode(200);
        String page = given().cookie("owlet_lang", "fr").get("/me/erase").then().statusCode(200).extract().asString();
        assertThat(org.jsoup.Jsoup.parse(page).select("label[for=confirm]").text()).contains("EFFACER").doesNotContain("ERASE");
        given().cookie("owlet_lang", "fr").formParam("confirm", "supprimer").post("/me/erase").then().statusCode(400);
        given().cookie("owlet_lang", "fr").redirects().follow(false).formParam("confirm", "effacer").post("/me/erase")
                .then().statusCode(307).header("Location", endsWith("/logout"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Member.findBySubject("felix-efface"))).isEmpty();
    }
}
