package org.owlet.certification;

import static io.restassured.RestAssured.given;

import java.time.Instant;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.hibernate.Hibernate;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.owlet.learning.FinalAssessmentPassed;
import org.owlet.organization.Member;
import org.owlet.testing.Tables;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;

/** The certificate tables collapse to labelled cards on a phone. */
@QuarkusTest
@Tag("db")
class CertificateTablesTest {

    @Inject
    Event<FinalAssessmentPassed> passed;

    @Test
    @TestSecurity(user = "ana@acme.example", roles = { "learner" })
    @OidcSecurity(claims = { @Claim(key = "sub", value = "ana-tables-subject"), @Claim(key = "name", value = "Ana Tables"),
            @Claim(key = "email", value = "ana.tables@acme.example"),
            @Claim(key = "email_verified", value = "true", type = ClaimType.BOOLEAN),
            @Claim(key = "organization", value = "[\"acme\"]", type = ClaimType.JSON_ARRAY) })
    void myCertificatesCollapseToLabelledCards() {
        given().get("/me/certificates").then().statusCode(200);
        Member me = QuarkusTransaction.requiringNew().call(() -> {
            Member m = Member.findBySubject("ana-tables-subject").orElseThrow();
            Hibernate.initialize(m.company);
            return m;
        });
        Passes.fire(passed, Passes.pass(me, "en", Instant.now(), false));
        Tables.assertStacks(Jsoup.parse(given().get("/me/certificates").then().statusCode(200).extract().asString()),
                "main table");
    }
}
