package org.owlet.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.owlet.learning.Assignment;
import org.owlet.learning.AttemptGrant;
import org.owlet.organization.AuditEntry;
import org.owlet.organization.Member;
import org.owlet.testing.Browser;
import org.owlet.testing.Fixtures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A company admin's job in a real browser: the team dashboard, assigning the sample course to one member with a due
 * date, finding that member in the progress list, and granting one more attempt after their three failed finals. Each
 * page is saved under {@code target/screenshots/team-admin/}. Run with {@code ./mvnw -B -o verify -Pbrowser}.
 */
@QuarkusTest
@Tag("browser")
class TeamAdminBrowserTest {

    static final String ADMIN = "carl@acme.example";

    @TestHTTPResource("/")
    URL base;

    Browser browser;

    @BeforeEach
    void startBrowser() throws IOException {
        browser = new Browser(base, "team-admin");
    }

    @AfterEach
    void quitBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anAdminAssignsACourseAndGrantsAnAttempt() {
        String tag = Long.toString(System.nanoTime(), 36);
        Member bo = TeamMix.member(Fixtures.acme(), "Bo Blocked " + tag, "bo." + tag + "@acme.example", "en",
                Instant.now().minus(Duration.ofDays(400)));
        TeamMix.enrol(bo, null, null);
        TeamMix.failFinals(bo, 3);
        LocalDate due = LocalDate.now(ZoneOffset.UTC).plusDays(21);

        browser.signIn(ADMIN, "/team");
        assertThat(browser.findAll("#figure-members")).hasSize(1);
        assertThat(browser.findAll("svg")).as("the chart").isNotEmpty();
        browser.screenshot("dashboard");

        // assign the course to Bo, due in three weeks
        browser.clickAndWait(browser.find("main nav a[href='/team/assignments']"));
        assertThat(browser.path()).isEqualTo("/team/assignments");
        browser.screenshot("assignments");
        WebElement form = browser.find("#assign-form");
        Browser.check(form, "to", "chosen");
        form.findElement(By.id("a-emails")).sendKeys(bo.email);
        // the date field's typing order depends on the browser's locale: set its value as a date picker would
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]",
                form.findElement(By.id("a-due")), due.toString());
        browser.clickAndWait(form.findElement(By.cssSelector("button[type=submit]")));
        assertThat(browser.path()).isEqualTo("/team/assignments");
        List<String> rows = browser.findAll("#assignments tbody tr").stream().map(WebElement::getText).toList();
        assertThat(rows).anySatisfy(row -> assertThat(row).contains("Bo Blocked " + tag));
        assertThat(browser.findAll("#assignments time[datetime='" + due + "']")).isNotEmpty();
        browser.screenshot("assignment-made");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Assignment.count(
                "member.id = ?1 and courseId = 'sample' and dueOn = ?2", bo.id, due))).isEqualTo(1);

        // find Bo in the progress list and grant one more attempt
        browser.open("/team/progress?q=" + tag);
        List<WebElement> links = browser.findAll("main table a[href='/team/progress/" + bo.id + "']");
        assertThat(links).hasSize(1);
        browser.screenshot("progress-list");
        browser.clickAndWait(links.get(0));
        assertThat(browser.text("main h1")).contains("Bo Blocked " + tag);
        browser.screenshot("member-out-of-attempts");
        WebElement grant = browser.find("form[action='/team/progress/" + bo.id + "/grant']");
        grant.findElement(By.name("reason")).sendKeys("Power cut during the final");
        browser.clickAndWait(grant.findElement(By.cssSelector("button[type=submit]")));
        assertThat(browser.path()).isEqualTo("/team/progress/" + bo.id);
        assertThat(browser.text("main .notice")).contains("Power cut during the final");
        assertThat(browser.findAll("form[action='/team/progress/" + bo.id + "/grant']")).as("no second grant offered").isEmpty();
        browser.screenshot("attempt-granted");

        // bring a new colleague in (the tests send through a recording stand-in for Keycloak's admin API)
        browser.open("/team/members");
        browser.clickAndWait(browser.find("main a[href='/team/invitations']"));
        WebElement invite = browser.find("#invite-form");
        invite.findElement(By.id("email")).sendKeys("new." + tag + "@acme.example");
        invite.findElement(By.id("name")).sendKeys("Nia New");
        browser.clickAndWait(invite.findElement(By.cssSelector("button[type=submit]")));
        assertThat(browser.text("#invitations")).contains("new." + tag + "@acme.example");
        assertThat(browser.findAll("#sending")).hasSize(1);
        browser.screenshot("invitation-recorded");

        assertThat(QuarkusTransaction.requiringNew().call(() -> AttemptGrant.count("member.id = ?1", bo.id))).isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry> list("target.id = ?1 order by id", bo.id)
                .stream().map(e -> e.action + " by " + (e.actor == null ? "system" : e.actor.email)).toList()))
                .containsExactly("assignment.created by " + ADMIN, "attempt.granted by " + ADMIN);
    }
}
