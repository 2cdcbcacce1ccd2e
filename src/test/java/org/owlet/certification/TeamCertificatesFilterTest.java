package org.owlet.certification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.owlet.learning.FinalAssessmentPassed;
import org.owlet.organization.Member;
import org.owlet.testing.Fixtures;
import org.owlet.testing.Tables;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;

/** The company admin's certificate list: due for renewal by default, every certificate with a filter by state. */
@QuarkusTest
@Tag("db")
@TestSecurity(user = "carl@acme.example", roles = { "learner", "company-admin" })
@OidcSecurity(claims = { @Claim(key = "sub", value = "carl-subject"), @Claim(key = "name", value = "Carl Acme"),
        @Claim(key = "email", value = "carl@acme.example"),
        @Claim(key = "email_verified", value = "true", type = ClaimType.BOOLEAN),
        @Claim(key = "organization", value = "[\"acme\"]", type = ClaimType.JSON_ARRAY) })
class TeamCertificatesFilterTest {

    @Inject
    Event<FinalAssessmentPassed> passed;

    @Inject
    CertificationService certificates;

    private static String rows(String query) {
        Document page = Jsoup.parse(given().get("/team/certificates" + query).then().statusCode(200).extract().asString());
        return page.select("tbody").text();
    }

    @Test
    void everyCertificateWithAFilterByState() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Member valid = Fixtures.member(Fixtures.acme(), "Vera Valid " + tag, "vera." + tag + "@acme.example");
        Member expiring = Fixtures.member(Fixtures.acme(), "Ezra Expiring " + tag, "ezra." + tag + "@acme.example");
        Member expired = Fixtures.member(Fixtures.acme(), "Olga Old " + tag, "olga." + tag + "@acme.example");
        Member revoked = Fixtures.member(Fixtures.acme(), "Rory Revoked " + tag, "rory." + tag + "@acme.example");
        Member elsewhere = Fixtures.member(Fixtures.globex(), "Gil Globex " + tag, "gil." + tag + "@globex.example");
        Passes.fire(passed, Passes.pass(valid, "en", Instant.now(), false));
        Passes.fire(passed, Passes.pass(expiring, "en", Instant.now().minus(700, ChronoUnit.DAYS), false));
        Passes.fire(passed, Passes.pass(expired, "en", Instant.now().minus(800, ChronoUnit.DAYS), false));
        Certificate toRevoke = Passes.fire(passed, Passes.pass(revoked, "en", Instant.now(), false));
        Passes.fire(passed, Passes.pass(elsewhere, "en", Instant.now(), false));
        certificates.revoke(null, toRevoke.id, "test");

        assertThat(rows("")).as("by default: due for renewal").contains("Ezra Expiring " + tag, "Olga Old " + tag)
                .doesNotContain("Vera Valid " + tag, "Rory Revoked " + tag);
        assertThat(rows("?show=all")).contains("Vera Valid " + tag, "Ezra Expiring " + tag, "Olga Old " + tag,
                "Rory Revoked " + tag).doesNotContain("Gil Globex");
        assertThat(rows("?show=valid")).contains("Vera Valid " + tag, "Ezra Expiring " + tag)
                .doesNotContain("Olga Old " + tag, "Rory Revoked " + tag);
        assertThat(rows("?show=expiring")).contains("Ezra Expiring " + tag).doesNotContain("Vera Valid " + tag);
        assertThat(rows("?show=expired")).contains("Olga Old " + tag).doesNotContain("Ezra Expiring " + tag);
        assertThat(rows("?show=revoked")).contains("Rory Revoked " + tag).doesNotContain("Vera Valid " + tag);

        Document page = Jsoup.parse(given().get("/team/certificates?show=revoked").then().statusCode(200).extract().asString());
        assertThat(page.select("select#show option[selected]").attr("value")).isEqualTo("revoked");
        assertThat(page.select("select#show option")).hasSize(6);
        Tables.assertStacks(page, "main table");
    }
}
