package org.owlet.certification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

@QuarkusTest
@Tag("db")
class CertificationResourceTest {

    @Inject
    Event<FinalAssessmentPassed> passed;

    @Inject
    MemberService members;

    @Inject
    RateLimiter limiter;

    @Inject
    CertificationService certificates;

    String tag;
    Member learner;

    @BeforeEach
    void seed() {
        limiter.reset();
        tag = UUID.randomUUID().toString().substring(0, 6);
        learner = Fixtures.member(Fixtures.acme(), "Lena Learner " + tag, "lena." + tag + "@acme.example");
    }

    private Certificate passNow(Member member) {
        return Passes.fire(passed, Passes.pass(member, "en", Instant.now(), false));
    }

    private static Document page(String path, int status) {
        return Jsoup.parse(given().get(path).then().statusCode(status).extract().asString());
    }

    @Test
    void aPassEarnsOneCertificatePerAttempt() {
        FinalAssessmentPassed pass = Passes.pass(learner, "en", Instant.parse("2026-01-10T09:00:00Z"), false);
        passed.fire(pass);
        passed.fire(pass);
        long count = QuarkusTransaction.requiringNew().call(() -> Certificate.count("attemptId", pass.attemptId()));
        assertThat(count).isEqualTo(1);
        Certificate c = Passes.certificateOf(pass);
        assertThat(c.code).hasSize(16).matches("[0-9A-HJKMNP-TV-Z]{16}");
        assertThat(passNow(learner).code).isNotEqualTo(c.code);
        assertThat(c.holderName).isEqualTo("Lena Learner " + tag);
        assertThat(c.companyName).isEqualTo("Acme Marketplace");
        assertThat(c.courseTitle).isEqualTo("Sample course");
        assertThat(c.courseVersion).isEqualTo("1.0");
        assertThat(c.score).isEqualTo(0.92);
        assertThat(c.issuedOn).isEqualTo(LocalDate.of(2026, 1, 10));
        assertThat(c.expiresOn).as("24 months of validity").isEqualTo(LocalDate.of(2028, 1, 9));
        assertThat(c.renewalOpensOn).as("60-day renewal window").isEqualTo(LocalDate.of(2027, 11, 10));
    }

    @Test
    void verificationShowsAValidCertificateWithoutLogin() {
        Certificate c = passNow(learner);
        Document page = page("/verify/" + c.code.toLowerCase(), 200);
        assertThat(page.selectFirst("h1").text()).isEqualTo("Certificate verification");
        assertThat(page.select(".verdict").text()).isEqualTo("Valid");
        assertThat(page.select("dl").text()).contains("Lena Learner " + tag, "Sample course", c.displayCode())
                .doesNotContain("lena." + tag, "Acme");
        Map<String, Object> json = given().get("/api/v1/certificates/" + c.displayCode()).then().statusCode(200)
                .extract().jsonPath().getMap("");
        assertThat(json).containsEntry("status", "valid").containsEntry("holder", "Lena Learner " + tag)
                .containsEntry("course", "Sample course").containsEntry("issuedOn", c.issuedOn.toString())
                .containsEntry("validUntil", c.expiresOn.toString());
    }

    @Test
    void anExpiredCertificateSaysSo() {
        Certificate c = Passes.fire(passed, Passes.pass(learner, "en", Instant.now().minus(800, ChronoUnit.DAYS), false));
        assertThat(page("/verify/" + c.code, 200).select(".verdict").text()).isEqualTo("Expired");
        assertThat(given().get("/api/v1/certificates/" + c.code).jsonPath().getString("status")).isEqualTo("expired");
    }

    @Test
    void unknownCodesGetTheSameShapeAndNoHint() {
        Certificate c = passNow(learner);
        String nearMiss = c.code.substring(0, 15) + (c.code.endsWith("0") ? "1" : "0");
        Document page = page("/verify/" + nearMiss, 404);
        assertThat(page.selectFirst("h1").text()).isEqualTo("Certificate not found");
        Map<String, Object> found = given().get("/api/v1/certificates/" + c.code).jsonPath().getMap("");
        Map<String, Object> missing = given().get("/api/v1/certificates/" + nearMiss).then().statusCode(404)
                .extract().jsonPath().getMap("");
        assertThat(missing.keySet()).isEqualTo(found.keySet());
        assertThat(missing).containsEntry("status", "not_found").containsEntry("holder", null);
        given().get("/api/v1/certificates/x'%20or%201=1").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "cora@coalition.example", roles = { "learner", "coalition-admin" })
    @OidcSecurity(claims = { @Claim(key = "sub", value = "cora-subject"), @Claim(key = "name", value = "Cora Coalition"),
            @Claim(key = "email", value = "cora@coalition.example") })
    void aCoalitionAdminRevokesWithAReasonAndItShows() {
        Certificate c = passNow(learner);
        Document list = page("/admin/certificates", 200);
        assertThat(list.select("table").text()).contains(c.displayCode(), "Lena Learner " + tag);
        given().redirects().follow(false).formParam("reason", "").post("/admin/certificates/" + c.id + "/revoke")
                .then().statusCode(400);
        given().redirects().follow(false).formParam("reason", "Assessment taken by someone else")
                .post("/admin/certificates/" + c.id + "/revoke").then().statusCode(303);
        Document page = page("/verify/" + c.code, 200);
        assertThat(page.select(".verdict").text()).isEqualTo("Revoked");
        assertThat(page.text()).doesNotContain("someone else");
        assertThat(given().get("/api/v1/certificates/" + c.code).jsonPath().getString("status")).isEqualTo("revoked");
        List<AuditEntry> entries = QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry> list(
                "action = ?1 and target.id = ?2", "certificate.revoked", learner.id));
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).details).contains("Assessment taken by someone else");
        assertThat(entries.get(0).actorLabel).contains("Cora");
    }

    @Test
    void afterErasureTheCertificateStillVerifiesWithTheNameWithheld() {
        Certificate c = passNow(learner);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> exported = (List<Map<String, Object>>) QuarkusTransaction.requiringNew()
                .call(() -> members.export(Member.findById(learner.id))).get("certificates");
        assertThat(exported).singleElement().satisfies(row -> assertThat(row).containsEntry("verificationCode", c.displayCode())
                .containsEntry("holderName", "Lena Learner " + tag).containsEntry("status", "valid"));
        members.erase(learner);
        Document page = page("/verify/" + c.code, 200);
        assertThat(page.select(".verdict").text()).isEqualTo("Valid");
        assertThat(page.select("dl").text()).contains("Sample course", "Name withheld at the holder's request")
                .doesNotContain("Lena");
        Map<String, Object> json = given().get("/api/v1/certificates/" + c.code).jsonPath().getMap("");
        assertThat(json).containsEntry("holder", null).containsEntry("nameWithheld", true).containsEntry("status", "valid");
    }

    @Test
    void aRefresherPassRenewsAndContinuesTheCertificate() {
        Certificate first = Passes.fire(passed, Passes.pass(learner, "en", Instant.parse("2025-01-15T08:00:00Z"), false));
        Certificate renewed = Passes.fire(passed, Passes.pass(learner, "en", Instant.parse("2026-12-01T08:00:00Z"), true));
        assertThat(renewed.renews.id).isEqualTo(first.id);
        assertThat(renewed.refresher).isTrue();
        assertThat(renewed.code).isNotEqualTo(first.code);
        assertThat(renewed.issuedOn).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(renewed.expiresOn).as("continues from the old expiry").isEqualTo(first.expiresOn.plusMonths(24));
    }

    @Test
    void theOpenBadgeCredentialHasTheStructureOpenBadges3RequiresAndVerifiesWithThePublishedKey() throws Exception {
        Certificate c = passNow(learner);
        String jwt = given().get("/api/v1/certificates/" + c.code + "/credential").then().statusCode(200)
                .contentType("application/vc+jwt").extract().asString();
        String jwks = given().get("/api/v1/issuer/jwks").then().statusCode(200).extract().asString();
        JWKSet keys = JWKSet.parse(jwks);
        assertThat(keys.getKeys()).allSatisfy(k -> assertThat(k.isPrivate()).isFalse());
        SignedJWT signed = SignedJWT.parse(jwt);
        assertThat(signed.getHeader().getType().getType()).isEqualTo("vc+jwt");
        ECKey key = (ECKey) keys.getKeyByKeyId(signed.getHeader().getKeyID());
        assertThat(signed.verify(new ECDSAVerifier(key))).isTrue();

        Map<String, Object> vc = signed.getJWTClaimsSet().toJSONObject();
        assertThat(vc.get("@context")).isEqualTo(List.of("https://www.w3.org/ns/credentials/v2",
                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"));
        assertThat(vc.get("type")).isEqualTo(List.of("VerifiableCredential", "OpenBadgeCredential"));
        assertThat((String) vc.get("id")).isEqualTo("http://localhost:8080/api/v1/certificates/" + c.code + "/credential");
        assertThat(vc.get("name")).isEqualTo("Sample course");
        @SuppressWarnings("unchecked")
        Map<String, Object> issuer = (Map<String, Object>) vc.get("issuer");
        assertThat(issuer).containsEntry("id", "http://localhost:8080/api/v1/issuer").containsEntry("type", List.of("Profile"))
                .containsEntry("name", "Coalition to End Wildlife Trafficking Online");
        assertThat(vc.get("validFrom")).isEqualTo(c.issuedOn + "T00:00:00Z");
        assertThat(vc.get("validUntil")).isEqualTo(c.expiresOn + "T23:59:59Z");
        assertThat(signed.getJWTClaimsSet().getIssuer()).isEqualTo(issuer.get("id"));
        assertThat(signed.getJWTClaimsSet().getJWTID()).isEqualTo(vc.get("id"));
        @SuppressWarnings("unchecked")
        Map<String, Object> subject = (Map<String, Object>) vc.get("credentialSubject");
        assertThat(subject.get("type")).isEqualTo(List.of("AchievementSubject"));
        @SuppressWarnings("unchecked")
        Map<String, Object> achievement = (Map<String, Object>) subject.get("achievement");
        assertThat(achievement.get("id")).isEqualTo("urn:owlet:achievement:sample:1.0");
        assertThat(achievement.get("type")).isEqualTo(List.of("Achievement"));
        assertThat(achievement.get("name")).isEqualTo("Sample course");
        assertThat((String) achievement.get("description")).contains("Sample course");
        @SuppressWarnings("unchecked")
        Map<String, Object> criteria = (Map<String, Object>) achievement.get("criteria");
        assertThat((String) criteria.get("narrative")).contains("final assessment");

        Map<String, Object> profile = given().get("/api/v1/issuer").then().statusCode(200).extract().jsonPath().getMap("");
        assertThat(profile).containsEntry("id", issuer.get("id")).containsEntry("type", List.of("Profile"));
    }

    @Test
    void tooManyVerificationsFromOneAddressGetALocalizedPage() {
        // time stands still, so the bucket does not refill while the test runs
        io.quarkus.test.junit.QuarkusMock.installMockForType(org.owlet.testing.MovableTime.startingNow(),
                org.owlet.web.TimeSource.class);
        int status = 200;
        for (int i = 0; i < 300 && status != 429; i++) {
            status = given().header("Accept-Language", "fr").get("/verify/AAAA").statusCode();
        }
        assertThat(status).isEqualTo(429);
        Document page = Jsoup.parse(given().header("Accept-Language", "fr").get("/verify/AAAA").then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue()).extract().asString());
        assertThat(page.selectFirst("h1").text()).isEqualTo("Trop de demandes");
        given().get("/api/v1/certificates/AAAA").then().statusCode(429);
        limiter.reset();
        given().get("/verify/AAAA").then().statusCode(404);
    }

    @Test
    void everyCredentialPointsAtAStatusListThatShowsItsRevocation() throws Exception {
        Certificate c = passNow(learner);
        JWKSet keys = JWKSet.parse(given().get("/api/v1/issuer/jwks").then().statusCode(200).extract().asString());
        SignedJWT credential = SignedJWT.parse(given().get("/api/v1/certificates/" + c.code + "/credential").then()
                .statusCode(200).extract().asString());
        assertThat(credential.verify(new ECDSAVerifier((ECKey) keys.getKeyByKeyId(credential.getHeader().getKeyID()))))
                .isTrue();
        @SuppressWarnings("unchecked")
        Map<String, Object> status = (Map<String, Object>) credential.getJWTClaimsSet().getClaim("credentialStatus");
        assertThat(status).containsEntry("type", "BitstringStatusListEntry").containsEntry("statusPurpose", "revocation");
        String listUrl = (String) status.get("statusListCredential");
        assertThat(listUrl).startsWith("http://localhost:8080/api/v1/issuer/status/");
        int index = Integer.parseInt((String) status.get("statusListIndex"));
        assertThat(status.get("id")).isEqualTo(listUrl + "#" + index);

        String path = listUrl.substring("http://localhost:8080".length());
        assertThat(revokedBit(path, index, keys)).as("not revoked").isFalse();
        certificates.revoke(null, c.id, "Issued in error");
        assertThat(revokedBit(path, index, keys)).as("revoked").isTrue();

        // a certificate issued afterwards gets a place of its own, not revoked
        Certificate next = passNow(learner);
        Map<String, Object> nextStatus = SignedJWT.parse(given().get("/api/v1/certificates/" + next.code + "/credential")
                .then().statusCode(200).extract().asString()).getJWTClaimsSet().getJSONObjectClaim("credentialStatus");
        assertThat(nextStatus.get("statusListIndex")).isNotEqualTo(status.get("statusListIndex"));
        assertThat(revokedBit(((String) nextStatus.get("statusListCredential")).substring("http://localhost:8080".length()),
                Integer.parseInt((String) nextStatus.get("statusListIndex")), keys)).isFalse();
        given().get("/api/v1/issuer/status/999999").then().statusCode(404);
        given().get("/api/v1/issuer/status/0").then().statusCode(404);
    }

    /**
     * Fetches a status list, checks its signature and shape the way a verifier does (W3C Bitstring Status List v1.0),
     * and reads one bit: multibase "u", base64url without padding, GZIP, at least 16 KiB, bit 0 the first byte's most
     * significant bit.
     */
    private static boolean revokedBit(String path, int index, JWKSet keys) throws Exception {
        SignedJWT list = SignedJWT.parse(given().get(path).then().statusCode(200).contentType("application/vc+jwt").extract()
                .asString());
        assertThat(list.getHeader().getType().getType()).isEqualTo("vc+jwt");
        assertThat(list.verify(new ECDSAVerifier((ECKey) keys.getKeyByKeyId(list.getHeader().getKeyID())))).isTrue();
        Map<String, Object> vc = list.getJWTClaimsSet().toJSONObject();
        assertThat(vc.get("type")).isEqualTo(List.of("VerifiableCredential", "BitstringStatusListCredential"));
        assertThat(vc.get("id")).isEqualTo("http://localhost:8080" + path);
        assertThat(list.getJWTClaimsSet().getIssuer()).isEqualTo("http://localhost:8080/api/v1/issuer");
        @SuppressWarnings("unchecked")
        Map<String, Object> subject = (Map<String, Object>) vc.get("credentialSubject");
        assertThat(subject).containsEntry("type", "BitstringStatusList").containsEntry("statusPurpose", "revocation");
        String encoded = (String) subject.get("encodedList");
        assertThat(encoded).startsWith("u").doesNotContain("=", "+", "/");
        byte[] bits;
        try (GZIPInputStream gzip = new GZIPInputStream(
                new ByteArrayInputStream(Base64.getUrlDecoder().decode(encoded.substring(1))))) {
            bits = gzip.readAllBytes();
        }
        assertThat(bits.length).as("at least 131,072 bits").isGreaterThanOrEqualTo(16 * 1024);
        return (bits[index / 8] & (0x80 >>> (index % 8))) != 0;
    }

    @Test
    void theVerificationPageWithoutACodeAsksForOneAndIsLinkedFromEveryPageAndTheCertificate() throws Exception {
        Document start = page("/verify", 200);
        assertThat(start.selectFirst("h1").text()).isEqualTo("Verify a certificate");
        assertThat(start.select("form[method=get][action=/verify] input[name=code]")).hasSize(1);
        assertThat(start.select("label[for=code]").text()).isEqualTo("Verification code");
        assertThat(page("/verify?code=", 200).selectFirst("h1").text()).isEqualTo("Verify a certificate");
        assertThat(Jsoup.parse(given().header("Accept-Language", "fr").get("/verify").then().statusCode(200).extract()
                .asString()).selectFirst("h1").text()).isEqualTo("Vérifier un certificat");

        Certificate c = passNow(learner);
        given().redirects().follow(false).queryParam("code", c.displayCode().toLowerCase()).get("/verify").then()
                .statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/verify/" + c.code));

        assertThat(page("/", 200).select("footer a[href=/verify]").text()).isEqualTo("Verify a certificate");
        assertThat(start.select("footer a[href=/verify]")).hasSize(1);
        try (PDDocument pdf = Loader.loadPDF(certificates.pdf(c))) {
            assertThat(new PDFTextStripper().getText(pdf))
                    .contains("Verify at http://localhost:8080/verify with the verification code");
        }
    }
}
