package org.owlet.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.owlet.testing.Browser;
import org.owlet.testing.Fixtures;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A coalition admin's reporting in a real browser: recording a workshop, uploading its attendee file (first with a
 * mistake, then corrected), and reading the figures on the reports page, in English and in French. Screenshots under
 * {@code target/screenshots/coalition-admin/}. Run with {@code ./mvnw -B -o verify -Pbrowser}.
 */
@QuarkusTest
@Tag("browser")
class CoalitionAdminBrowserTest {

    @TestHTTPResource("/")
    URL base;

    Browser browser;

    @BeforeEach
    void startBrowser() throws IOException {
        browser = new Browser(base, "coalition-admin");
    }

    @AfterEach
    void quitBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aWorkshopIsRecordedImportedAndCounted() throws IOException {
        String ana = "ana.w" + Long.toString(System.nanoTime(), 36) + "@acme.example";
        Fixtures.member(Fixtures.acme(), "Ana Wambui", ana);
        LocalDate held = LocalDate.now(ZoneOffset.UTC).minusDays(3);
        browser.signIn("cora@coalition.example", "/home");
        browser.clickAndWait(browser.find("nav a[href='/admin/reports']"));
        browser.screenshot("reports-last-year");
        browser.clickAndWait(browser.find("main nav a[href='/admin/workshops']"));

        WebElement form = browser.find("#workshop-form");
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]", form.findElement(By.id("w-heldOn")),
                held.toString());
        new Select(form.findElement(By.id("w-company"))).selectByValue("acme");
        form.findElement(By.id("w-country")).sendKeys("KE");
        form.findElement(By.id("w-language")).sendKeys("sw");
        form.findElement(By.id("w-trainer")).sendKeys("Wanjiru K.");
        form.findElement(By.id("w-topic")).sendKeys("Ivory and its look-alikes");
        WebElement heads = form.findElement(By.id("w-headCount"));
        heads.clear();
        heads.sendKeys("4");
        browser.screenshot("workshop-form");
        browser.clickAndWait(form.findElement(By.cssSelector("button[type=submit]")));
        assertThat(browser.path()).matches("/admin/workshops/\\d+");

        Path file = Files.createTempFile("attendees-", ".csv");
        try {
            Files.writeString(file, "name,email\nAna," + ana + "\nBad row,not-an-email\n");
            browser.find("#i-file").sendKeys(file.toAbsolutePath().toString());
            browser.clickAndWait(browser.find("#import-form button[type=submit]"));
            assertThat(browser.text("#row-errors")).contains("Row 3", "not-an-email");
            assertThat(browser.findAll("#attendees")).isEmpty();
            browser.screenshot("import-refused");

            Files.writeString(file, "name,email\nAna," + ana + "\nJoseph Otieno,joseph@example.org\n");
            browser.find("#i-file").sendKeys(file.toAbsolutePath().toString());
            browser.clickAndWait(browser.find("#import-form button[type=submit]"));
        } finally {
            Files.deleteIfExists(file);
        }
        assertThat(browser.text("main .notice")).contains("2 attendees imported", "1 of them");
        assertThat(browser.findAll("#attendees tbody tr")).hasSize(2);
        browser.screenshot("attendees-imported");

        browser.open("/admin/reports?period=" + held.getYear());
        assertThat(browser.text("#figure-workshop")).isEqualTo("6"); // Ana, Joseph and 4 by head count
        assertThat(browser.text("#headline")).contains("employees trained across");
        browser.screenshot("reports-this-year");
        browser.clickAndWait(browser.find("nav.languages a[lang=fr]"));
        assertThat(browser.lang()).isEqualTo("fr");
        assertThat(browser.text("#figure-workshop")).isEqualTo("6");
        browser.screenshot("reports-this-year-fr");
    }
}
