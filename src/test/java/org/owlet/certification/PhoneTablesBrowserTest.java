package org.owlet.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.hibernate.Hibernate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.owlet.learning.FinalAssessmentPassed;
import org.owlet.organization.AuditEntry;
import org.owlet.organization.Member;
import org.owlet.organization.Region;
import org.owlet.testing.Browser;
import org.owlet.testing.Fixtures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Tables that fit, in a real browser: at 1280 px nothing in the admin tables is cut off (no horizontal scrolling inside
 * the table); on a phone (390×844) the team's members and a learner's certificates are cards whose cells show their
 * column's header, the page never scrolls sideways, and the languages are a compact menu. Screenshots under {@code target/screenshots/phone-tables/} and {@code wide-tables/}.
 */
@QuarkusTest
@Tag("browser")
class PhoneTablesBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    Event<FinalAssessmentPassed> passed;

    Browser browser;

    @AfterEach
    void quitBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script, args);
    }

    /** Nothing in any table wrapper scrolls sideways, and the page itself does not either. */
    private void assertNothingCutOff(String page) {
        List<?> overflowing = (List<?>) js("return Array.from(document.querySelectorAll('.table-wrap'))"
                + ".filter(w => w.scrollWidth > w.clientWidth + 1).map(w => w.scrollWidth + '>' + w.clientWidth)");
        assertThat(overflowing).as("tables wider than their space on " + page).isEmpty();
        Number width = (Number) js("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(width.intValue()).as("sideways scrolling on " + page).isLessThanOrEqualTo(0);
    }

    /** Each body cell of the main table is shown as a card cell whose label (its ::before) is the column header. */
    private void assertCards(String page) {
        Number headerHeight = (Number) js("return document.querySelector('main table thead').getBoundingClientRect().height");
        assertThat(headerHeight.intValue()).as("the header row is hidden on " + page).isLessThanOrEqualTo(1);
        List<?> labels = (List<?>) js("return Array.from(document.querySelectorAll('main table tbody tr:first-child > *'))"
                + ".filter(c => getComputedStyle(c).display !== 'none')"
                + ".map(c => [getComputedStyle(c).display, getComputedStyle(c, '::before').content, c.dataset.label])");
        assertThat(labels).as("cells on " + page).isNotEmpty();
        for (Object cell : labels) {
            List<?> c = (List<?>) cell;
            assertThat(c.get(0)).as("cell display on " + page).isEqualTo("block");
            if (!"".equals(c.get(2))) {
                assertThat(c.get(1)).as("cell label on " + page).isEqualTo("\"" + c.get(2) + "\"");
            }
        }
    }

    @Test
    void aCompanyAdminOnAPhoneSeesMembersAndCertificatesAsCards() {
        String tag = Long.toString(System.nanoTime(), 36);
        Fixtures.member(Fixtures.acme(), "Maximiliana Wolfeschlegelsteinhausen " + tag,
                "maximiliana.wolfeschlegelsteinhausen." + tag + "@acme.example");
        browser = newBrowser("phone-tables");
        browser.signIn("carl@acme.example", "/team/members");
        assertNothingCutOff("/team/members at 1280 px");
        browser.screenshot("members-1280");

        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.open("/team/members");
        assertCards("/team/members");
        assertNothingCutOff("/team/members at 390 px");
        browser.screenshot("members-phone");

        // Remove asks first, on a page of its own
        browser.clickAndWait(browser.find("main table td.actions a.button"));
        assertThat(browser.path()).endsWith("/remove");
        assertThat(browser.text("main h1")).startsWith("Remove Maximiliana");
        assertNothingCutOff("the removal confirmation at 390 px");
        browser.screenshot("remove-confirm-phone");

        Member carl = QuarkusTransaction.requiringNew().call(() -> {
            Member m = Member.<Member> find("email = ?1 order by lastSeenAt desc nulls last", "carl@acme.example")
                    .firstResult();
            Hibernate.initialize(m.company);
            return m;
        });
        Passes.fire(passed, Passes.pass(carl, "en", Instant.now(), false));
        browser.open("/me/certificates");
        assertCards("/me/certificates");
        assertNothingCutOff("/me/certificates at 390 px");
        browser.screenshot("certificates-phone");

        // the eight language links fold into a menu on a phone; it opens and works without script
        assertThat(browser.find("nav.languages").isDisplayed()).as("the row of language links").isFalse();
        assertThat(browser.find("details.language-menu").isDisplayed()).isTrue();
        assertThat(browser.find("details.language-menu nav a[lang=fr]").isDisplayed()).as("closed at first").isFalse();
        browser.find("details.language-menu summary").click();
        assertThat(browser.find("details.language-menu nav a[lang=fr]").isDisplayed()).isTrue();
        assertNothingCutOff("/me/certificates with the language menu open");
        browser.screenshot("language-menu-open");
        browser.clickAndWait(browser.find("details.language-menu nav a[lang=fr]"));
        assertThat(browser.lang()).isEqualTo("fr");
        assertThat(browser.path()).isEqualTo("/me/certificates");
        assertThat(browser.text("details.language-menu summary")).contains("Français");
    }

    @Test
    void aCoalitionAdminsTablesFitAt1280() {
        String slug = "fit-" + Long.toString(System.nanoTime(), 36);
        Fixtures.company(slug, "Long-Named Alliance Against Wildlife Trafficking Online " + slug, "org-" + slug,
                "a-rather-long-domain-name-for-testing-" + slug + ".example", Region.OCEANIA);
        QuarkusTransaction.requiringNew().run(() -> {
            AuditEntry e = new AuditEntry();
            e.at = Instant.now();
            e.actorLabel = "Cora Coalition";
            e.action = "tables.checked";
            e.details = "{\"a-very-long-detail-without-any-spaces\":\"" + "x".repeat(300) + "\"}";
            e.persist();
        });
        browser = newBrowser("wide-tables");
        browser.signIn("cora@coalition.example", "/admin/companies");
        assertNothingCutOff("/admin/companies at 1280 px");
        browser.screenshot("companies-1280");
        browser.open("/admin/audit");
        assertNothingCutOff("/admin/audit at 1280 px");
        browser.screenshot("audit-1280");
    }

    private Browser newBrowser(String journey) {
        try {
            return new Browser(base, journey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
