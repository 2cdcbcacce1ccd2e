package org.owlet.certification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
import org.owlet.organization.AuditEntry;
import org.owlet.organization.Member;
import org.owlet.organization.MemberService;
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

    @Inject
    MemberService members;

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
    void theListsNameTheCourseInThePagesLanguage() {
        Member carl = me();
        Certificate english = Passes.fire(passed, Passes.pass(carl, "en", Instant.now(), false));
        assertThat(english.courseTitle).isEqualTo("Sample course");
        String row = "tr:has(a[href='/me/certificates/" + english.id + "/certificate.pdf'])";
        org.jsoup.nodes.Document fr = org.jsoup.Jsoup
                .parse(given().cookie("owlet_lang", "fr").get("/me/certificates").then().statusCode(200)
                        .extract().asString());
        assertThat(fr.select(row + " td").first().text()).isEqualTo("Cours d'exemple");
        org.jsoup.nodes.Document en = org.jsoup.Jsoup.parse(given().get("/me/certificates").then().statusCode(200).extract().asString());
        assertThat(en.select(row + " td").first().text()).isEqualTo("Sample course");
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

    @Test
    @TestSecurity(user = "nina@acme.example", roles = { "learner" })
    @OidcSecurity(claims = { @Claim(key = "sub", value = "nina-names-subject"), @Claim(key = "name", value = "Nina Wrongname"),
            @Claim(key = "email", value = "nina@acme.example"),
            @Claim(key = "email_verified", value = "true", type = ClaimType.BOOLEAN),
            @Claim(key = "organization", value = "[\"acme\"]", type = ClaimType.JSON_ARRAY) })
    void nameCorrectionsAreAuditedLimitedToThreeAndEveryEditionStaysReproducible() throws IOException {
        given().get("/me/certificates").then().statusCode(200);
        Member me = QuarkusTransaction.requiringNew().call(() -> {
            Member m = Member.findBySubject("nina-names-subject").orElseThrow();
            Hibernate.initialize(m.company);
            return m;
        });
        Certificate c = Passes.fire(passed, Passes.pass(me, "en", Instant.now(), false));
        byte[] firstEdition = given().get("/me/certificates/" + c.id + "/certificate.pdf").then().statusCode(200).extract()
                .asByteArray();
        assertThat(Jsoup.parse(given().get("/verify/" + c.code).then().statusCode(200).extract().asString()).text())
                .doesNotContain("name corrected");

        given().redirects().follow(false).formParam("name", "Nina Rightname").post("/me/certificates/name").then()
                .statusCode(303);
        List<AuditEntry> audited = QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry> list(
                "action = ?1 and target.id = ?2", "certificate.name_corrected", me.id));
        assertThat(audited).singleElement().satisfies(e -> {
            assertThat(e.details).contains("Nina Wrongname", "Nina Rightname", "certificate " + c.id);
            assertThat(e.actor.id).isEqualTo(me.id);
        });
        Document verify = Jsoup.parse(given().get("/verify/" + c.code).then().statusCode(200).extract().asString());
        assertThat(verify.select("dl").text()).contains("Nina Rightname",
                "(name corrected on " + DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.ENGLISH)
                        .format(LocalDate.now(ZoneOffset.UTC)) + ")");
        assertThat(given().get("/api/v1/certificates/" + c.code).jsonPath().getString("nameCorrectedOn"))
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());

        Document mine = Jsoup.parse(given().get("/me/certificates").then().statusCode(200).extract().asString());
        var earlier = mine.select("details.editions a[href=/me/certificates/" + c.id + "/editions/1/certificate.pdf]");
        assertThat(earlier).hasSize(1);
        assertThat(earlier.text()).contains("edition 1", "Nina Wrongname");
        byte[] again = given().get("/me/certificates/" + c.id + "/editions/1/certificate.pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertThat(again).as("the first edition, byte for byte").isEqualTo(firstEdition);

        given().redirects().follow(false).formParam("name", "Nina Second").post("/me/certificates/name").then().statusCode(303);
        given().redirects().follow(false).formParam("name", "Nina Third").post("/me/certificates/name").then().statusCode(303);
        Document refused = Jsoup.parse(given().formParam("name", "Nina Fourth").post("/me/certificates/name").then()
                .statusCode(400).extract().asString());
        assertThat(refused.select(".error-summary").text()).contains("already been corrected three times",
                "Ask a coalition administrator");
        assertThat(refused.select("#name").attr("value")).isEqualTo("Nina Fourth");
        Certificate after = QuarkusTransaction.requiringNew().call(() -> Certificate.<Certificate> findById(c.id));
        assertThat(after.holderName).isEqualTo("Nina Third");
        assertThat(after.edition).isEqualTo(4);
        assertThat(QuarkusTransaction.requiringNew().call(() -> AuditEntry.count("action = ?1 and target.id = ?2",
                "certificate.name_corrected", me.id))).isEqualTo(3);
        try (PDDocument doc = Loader.loadPDF(given().get("/me/certificates/" + c.id + "/editions/2/certificate.pdf").then()
                .statusCode(200).extract().asByteArray())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Nina Rightname").doesNotContain("Nina Third");
        }
        given().get("/me/certificates/" + c.id + "/editions/9/certificate.pdf").then().statusCode(404);

        // erasure withholds the names of earlier editions and of the audit entries too
        members.erase(me);
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(CertificateEdition.<CertificateEdition> list("certificate.id", c.id)).hasSize(3)
                    .allSatisfy(e -> assertThat(e.holderName).isNull());
            assertThat(AuditEntry.<AuditEntry> list("action = ?1 and target.id = ?2", "certificate.name_corrected", me.id))
                    .allSatisfy(e -> assertThat(e.details).doesNotContain("Nina"));
        });
    }

    @Test
    @TestSecurity(user = "rita@acme.example", roles = { "learner" })
    @OidcSecurity(claims = { @Claim(key = "sub", value = "rita-race-subject"), @Claim(key = "name", value = "Rita Race"),
            @Claim(key = "email", value = "rita@acme.example"),
            @Claim(key = "email_verified", value = "true", type = ClaimType.BOOLEAN),
            @Claim(key = "organization", value = "[\"acme\"]", type = ClaimType.JSON_ARRAY) })
    void simultaneousCorrectionsStillStopAtThree() throws Exception {
        given().get("/me/certificates").then().statusCode(200);
        Member me = QuarkusTransaction.requiringNew().call(() -> {
            Member m = Member.findBySubject("rita-race-subject").orElseThrow();
            Hibernate.initialize(m.company);
            return m;
        });
        Certificate c = Passes.fire(passed, Passes.pass(me, "en", Instant.now(), false));
        int requests = 6;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            String name = "Rita Name " + i;
            statuses.add(pool.submit(() -> {
                start.await();
                return given().redirects().follow(false).formParam("name", name).post("/me/certificates/name").statusCode();
            }));
        }
        start.countDown();
        List<Integer> answers = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            answers.add(status.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(answers).as("each answer: re-issued or refused, never an error").allMatch(s -> s == 303 || s == 400);
        Certificate after = QuarkusTransaction.requiringNew().call(() -> Certificate.<Certificate> findById(c.id));
        long reissued = answers.stream().filter(s -> s == 303).count();
        assertThat(after.edition).isLessThanOrEqualTo(1 + Certificate.MAX_NAME_CORRECTIONS);
        assertThat(QuarkusTransaction.requiringNew().call(() -> CertificateEdition.count("certificate.id", c.id)))
                .isEqualTo(after.edition - 1L).isLessThanOrEqualTo(reissued);
    }
}
