package org.owlet.certification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hibernate.Hibernate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.owlet.learning.FinalAssessmentPassed;
import org.owlet.organization.Member;
import org.owlet.testing.Fixtures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;

/** The learner's certificates page, name correction, downloads; the company admin's renewal list. */
@QuarkusTest
@Tag("db")
class MyCertificatesResourceTest {

    @Inject
    Event<FinalAssessmentPassed> passed;

    @Inject
    RateLimiter limiter;

    @Inject
    CertificationService certificates;

    @BeforeEach
    void reset() {
        limiter.reset();
    }

    private Member me() {
        given().get("/me/certificates").then().statusCode(200);
        return QuarkusTransaction.requiringNew().call(() -> {
            Member m = Member.findBySubject("carl-cert-subject").orElseThrow();
            Hibernate.initialize(m.company);
            return m;
        });
    }

    @Test
    @TestSecurity(user = "carl@acme.example", roles = { "learner", "company-admin" })
    @OidcSecurity(claims = { @Claim(key = "sub", value = "carl-cert-subject"), @Claim(key = "name", value = "Carl Wrongname"),
            @Claim(key = "email", value = "carl@acme.example"),
            @Claim(key = "email_verified", value = "true", type = ClaimType.BOOLEAN),
            @Claim(key = "organization", value = "[\"acme\"]", type = ClaimType.JSON_ARRAY) })
    void aLearnerSeesWhatExpiresWhenDownloadsAndCorrectsTheirName() throws IOException {
        Member me = me();
        Certificate c = Passes.fire(passed, Passes.pass(me, "en", Instant.now(), false));
        Document page = Jsoup.parse(given().get("/me/certificates").then().statusCode(200).extract().asString());
        assertThat(page.selectFirst("h1").text()).isEqualTo("My certificates");
        assertThat(page.select("table").text()).contains("Sample course", "Valid");
        assertThat(page.select("a[href=/me/certificates/" + c.id + "/certificate.pdf]")).hasSize(1);
        assertThat(page.select("a[href$=/verify/" + c.code + "]")).hasSize(1);

        given().redirects().follow(false).formParam("name", "  ").post("/me/certificates/name").then().statusCode(400);
        given().redirects().follow(false).formParam("name", "Carl Rightname").post("/me/certificates/name").then()
                .statusCode(303);
        byte[] pdf = given().get("/me/certificates/" + c.id + "/certificate.pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Carl Rightname", c.displayCode())
                    .doesNotContain("Wrongname");
        }
        Certificate after = QuarkusTransaction.requiringNew().call(() -> Certificate.<Certificate> findById(c.id));
        assertThat(after.code).as("same verification code").isEqualTo(c.code);
        assertThat(after.edition).isEqualTo(2);
        assertThat(given().get("/api/v1/certificates/" + c.code).jsonPath().getString("holder")).isEqualTo("Carl Rightname");

        String jwt = given().get("/me/certificates/" + c.id + "/badge.jwt").then().statusCode(200).extract().asString();
        assertThat(jwt.split("\\.")).hasSize(3);
    }

    @Test
    @TestSecurity(user = "carl@acme.example", roles = { "learner", "company-admin" })
    @OidcSecurity(claims = { @Claim(key = "sub", value = "carl-cert-subject"), @Claim(key = "name", value = "Carl Wrongname"),
            @Claim(key = "email", value = "carl@acme.example"),
            @Claim(key = "email_verified", value = "true", type = ClaimType.BOOLEAN),
            @Claim(key = "organization", value = "[\"acme\"]", type = ClaimType.JSON_ARRAY) })
    void anotherMembersCertificateIsNotFound() {
        me();
        Member other = Fixtures.member(Fixtures.acme(), "Olga Other", "olga." + UUID.randomUUID() + "@acme.example");
        Certificate theirs = Passes.fire(passed, Passes.pass(other, "en", Instant.now(), false));
        given().get("/me/certificates/" + theirs.id + "/certificate.pdf").then().statusCode(404);
        given().get("/me/certificates/" + theirs.id + "/badge.jwt").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "carl@acme.example", roles = { "learner", "company-admin" })
    @OidcSecurity(claims = { @Claim(key = "sub", value = "carl-cert-subject"), @Claim(key = "name", value = "Carl Wrongname"),
            @Claim(key = "email", value = "carl@acme.example"),
            @Claim(key = "email_verified", value = "true", type = ClaimType.BOOLEAN),
            @Claim(key = "organization", value = "[\"acme\"]", type = ClaimType.JSON_ARRAY) })
    void aCompanyAdminSeesTheirOwnCompanysCertificatesDueForRenewal() {
        me();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Member due = Fixtures.member(Fixtures.acme(), "Dora Due " + tag, "dora." + tag + "@acme.example");
        Member fresh = Fixtures.member(Fixtures.acme(), "Fred Fresh " + tag, "fred." + tag + "@acme.example");
        Member elsewhere = Fixtures.member(Fixtures.globex(), "Gil Globex " + tag, "gil." + tag + "@globex.example");
        Instant inWindow = Instant.now().minus(700, ChronoUnit.DAYS); // 24 months minus ~30 days: within 60 days of expiry
        Passes.fire(passed, Passes.pass(due, "en", inWindow, false));
        Passes.fire(passed, Passes.pass(fresh, "en", Instant.now(), false));
        Passes.fire(passed, Passes.pass(elsewhere, "en", inWindow, false));
        Document page = Jsoup.parse(given().get("/team/certificates").then().statusCode(200).extract().asString());
        assertThat(page.selectFirst("h1").text()).isEqualTo("Certificates due for renewal at Acme Marketplace");
        assertThat(page.select("table").text()).contains("Dora Due " + tag).doesNotContain("Fred Fresh " + tag)
                .doesNotContain("Gil Globex");
    }

    @Test
    @TestSecurity(user = "carl@acme.example", roles = { "learner", "company-admin" })
    @OidcSecurity(claims = { @Claim(key = "sub", value = "carl-cert-subject"), @Claim(key = "name", value = "Carl Wrongname"),
            @Claim(key = "email", value = "carl@acme.example"),
            @Claim(key = "email_verified", value = "true", type = ClaimType.BOOLEAN),
            @Claim(key = "organization", value = "[\"acme\"]", type = ClaimType.JSON_ARRAY) })
    void aRevokedCertificateIsMarkedEverywhereAndOffersNoBadge() throws IOException {
        Member me = me();
        Certificate c = Passes.fire(passed, Passes.pass(me, "en", Instant.now(), false));
        byte[] before = given().get("/me/certificates/" + c.id + "/certificate.pdf").then().statusCode(200).extract()
                .asByteArray();
        try (PDDocument doc = Loader.loadPDF(before)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Valid until").doesNotContain("REVOKED", "Revoked on");
        }
        certificates.revoke(null, c.id, "Assessment taken by someone else");

        Document page = Jsoup.parse(given().get("/me/certificates").then().statusCode(200).extract().asString());
        var row = page.select("tr:has(a[href=/me/certificates/" + c.id + "/certificate.pdf])");
        assertThat(row).hasSize(1);
        assertThat(row.text()).contains("Revoked", "Revoked on", "can no longer be added to a wallet");
        assertThat(row.select("a[href*=badge]")).as("no badge download for a revoked certificate").isEmpty();
        assertThat(page.select("a[href=/me/certificates/" + c.id + "/badge.jwt]")).isEmpty();
        Document refused = Jsoup.parse(given().get("/me/certificates/" + c.id + "/badge.jwt").then().statusCode(403).extract()
                .asString());
        assertThat(refused.text()).contains("This certificate was revoked, so its Open Badge can no longer be downloaded.");
        given().get("/me/certificates/" + c.id + "/badge.json").then().statusCode(403);

        byte[] pdf = given().get("/me/certificates/" + c.id + "/certificate.pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        Files.createDirectories(CertificatePdfTest.OUT);
        Files.write(CertificatePdfTest.OUT.resolve("certificate-revoked.pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("REVOKED", "Revoked on", c.displayCode()).doesNotContain("Valid until");
        }
        assertThat(Jsoup.parse(given().get("/verify/" + c.code).then().statusCode(200).extract().asString())
                .select(".verdict").text()).isEqualTo("Revoked");
    }
}
