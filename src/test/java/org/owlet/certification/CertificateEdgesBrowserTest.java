package org.owlet.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.time.Instant;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.hibernate.Hibernate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.owlet.learning.FinalAssessmentPassed;
import org.owlet.organization.Member;
import org.owlet.testing.Browser;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A holder's certificates in a real browser: one revoked (marked, no badge), a name correction and the earlier edition,
 * then anyone verifying from the footer's link with the code. Screenshots under
 * {@code target/screenshots/certificate-edges/}. Run with {@code ./mvnw -B -o verify -Pbrowser}.
 */
@QuarkusTest
@Tag("browser")
class CertificateEdgesBrowserTest {

    static final String LEARNER = "gina@globex.example"; // not Ana: the learner journey takes the sample course as Ana from the start

    @TestHTTPResource("/")
    URL base;

    @Inject
    Event<FinalAssessmentPassed> passed;

    @Inject
    CertificationService certificates;

    Browser browser;

    @BeforeEach
    void startBrowser() throws IOException {
        browser = new Browser(base, "certificate-edges");
    }

    @AfterEach
    void quitBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aHolderSeesRevocationCorrectsTheNameAndAnyoneVerifies() {
        browser.signIn(LEARNER, "/me/certificates");
        Member ana = QuarkusTransaction.requiringNew().call(() -> {
            Member m = Member.<Member> find("email", LEARNER).firstResult();
            Hibernate.initialize(m.company);
            return m;
        });
        Certificate kept = Passes.fire(passed, Passes.pass(ana, "en", Instant.now(), false));
        Certificate revoked = Passes.fire(passed, Passes.pass(ana, "en", Instant.now(), false));
        certificates.revoke(null, revoked.id, "Issued in error");

        browser.open("/me/certificates");
        String revokedRow = "tr:has(a[href='/me/certificates/" + revoked.id + "/certificate.pdf'])";
        assertThat(browser.text(revokedRow)).contains("Revoked on");
        assertThat(browser.findAll(revokedRow + " a[href*='badge']")).isEmpty();
        assertThat(browser.findAll("a[href='/me/certificates/" + kept.id + "/badge.jwt']")).hasSize(1);
        browser.screenshot("mine-one-revoked");

        browser.find("#name").clear();
        browser.find("#name").sendKeys("Gina Corrected");
        browser.clickAndWait(browser.find("form[action='/me/certificates/name'] button[type=submit]"));
        assertThat(browser.text("main")).contains("re-issued with the corrected name");
        String keptRow = "tr:has(a[href='/me/certificates/" + kept.id + "/certificate.pdf'])";
        browser.find(keptRow + " details.editions summary").click();
        assertThat(browser.text(keptRow + " details.editions")).contains("PDF of edition 1");
        browser.screenshot("mine-after-correction");

        browser.clickAndWait(browser.find("footer a[href='/verify']"));
        assertThat(browser.path()).isEqualTo("/verify");
        assertThat(browser.text("h1")).isEqualTo("Verify a certificate");
        browser.screenshot("verify-form");
        browser.find("#code").sendKeys(kept.displayCode());
        browser.clickAndWait(browser.find("main form button[type=submit]"));
        assertThat(browser.path()).isEqualTo("/verify/" + kept.code);
        assertThat(browser.text(".verdict")).isEqualTo("Valid");
        assertThat(browser.text("dl")).contains("Gina Corrected", "name corrected on");
        browser.screenshot("verified");
    }
}
